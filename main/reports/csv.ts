// CSV as Dutch Excel opens it by double-click: UTF-8 with a byte order mark (else é becomes Ã©), ';' between
// fields (',' is the decimal sign), CRLF line ends, quotes around fields that need them.
// Fields are typed: a number is written by Regie itself (a JS number, or a Decimal from decimal()/euros()) and
// is written bare so the spreadsheet reads a number; every string is text, and text never starts a formula,
// whatever it holds (CSV injection: "-2+3+cmd|' /C calc'!A0" is text, not a negative number).

/** A number as Regie writes it ("1305,60"); only decimal() and euros() make one, so text can never pass as one. */
export class Decimal {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Cell = string | number | Decimal | null;

const BOM = '\uFEFF';

/**
 * Text that a spreadsheet would run as a formula (OWASP: a first character = + - @, tab, CR; also a line feed,
 * leading spaces before one of those, and their full-width forms) gets a leading apostrophe, so it stays text.
 */
const FORMULA_START = /^[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

export function textField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number with a decimal comma and a fixed number of decimals, no thousands separator: "1305,60". */
export function decimal(value: number, decimals = 2): Decimal {
  if (!Number.isFinite(value)) throw new Error(`decimal: ${value} is not a number`);
  const fixed = (Math.round(value * 10 ** decimals) / 10 ** decimals).toFixed(decimals);
  return new Decimal(fixed.replace('.', ',').replace(/^-(0,?0*)$/, '$1'));
}

/** Integer cents as euros with a decimal comma: 130560 -> "1305,60". */
export function euros(cents: number): Decimal {
  if (!Number.isInteger(cents)) throw new Error(`euros: ${cents} is not a whole number of cents`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return new Decimal(`${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`);
}

function field(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Decimal) return c.text;
  if (typeof c === 'number') return decimal(c, Number.isInteger(c) ? 0 : 2).text;
  return textField(c);
}

export function csvText(rows: Cell[][]): string {
  return BOM + rows.map((r) => r.map(field).join(';')).join('\r\n') + '\r\n';
}

export function csvBytes(rows: Cell[][]): Buffer {
  return Buffer.from(csvText(rows), 'utf8');
}

/** Minutes as hours with two decimals: 510 -> "8,50". */
export function hoursCell(minutes: number): Decimal {
  return decimal(minutes / 60, 2);
}
