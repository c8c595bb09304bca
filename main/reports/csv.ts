// CSV as Dutch Excel opens it by double-click: UTF-8 with a byte order mark (else é becomes Ã©), ';' between
// fields (',' is the decimal sign), CRLF line ends, quotes around fields that need them.

export type Cell = string | number | null;

const BOM = '\uFEFF';

function quote(value: string): string {
  // A field starting with = + - @ would be run as a formula by Excel (CSV injection); a leading quote stops it.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number with a decimal comma and a fixed number of decimals, no thousands separator: "1305,60". */
export function decimal(value: number, decimals = 2): string {
  const fixed = (Math.round(value * 10 ** decimals) / 10 ** decimals).toFixed(decimals);
  return fixed.replace('.', ',');
}

/** Integer cents as euros with a decimal comma: 130560 -> "1305,60". */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

export function csvText(rows: Cell[][]): string {
  return BOM + rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'number' ? decimal(c, Number.isInteger(c) ? 0 : 2) : quote(c))).join(';')).join('\r\n') + '\r\n';
}

export function csvBytes(rows: Cell[][]): Buffer {
  return Buffer.from(csvText(rows), 'utf8');
}
