// Readers for exported files, written independently of the writers: a CSV reader as a spreadsheet reads
// ';'-separated text, an iCalendar unfolder and property parser, and a PNG decoder for 8-bit grey images.
import { inflateSync } from 'node:zlib';

/** Splits CSV text (without BOM) into rows of fields: ';' between fields, '"' quoting, CRLF between rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** A Dutch decimal ("1305,60") as a number. */
export function dutchNumber(text: string): number {
  if (!/^-?\d+(,\d+)?$/.test(text)) throw new Error(`not a Dutch decimal: ${text}`);
  return Number(text.replace(',', '.'));
}

export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** Unfolds (CRLF + space) and parses content lines into properties, grouped by VEVENT. */
export function parseIcs(text: string): { lines: IcsProperty[]; events: IcsProperty[][] } {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const lines = unfolded
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => {
      const colon = l.indexOf(':');
      const [name, ...params] = l.slice(0, colon).split(';');
      return { name: name!, params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])), value: l.slice(colon + 1) };
    });
  const events: IcsProperty[][] = [];
  let current: IcsProperty[] | null = null;
  for (const p of lines) {
    if (p.name === 'BEGIN' && p.value === 'VEVENT') current = [];
    else if (p.name === 'END' && p.value === 'VEVENT') {
      events.push(current!);
      current = null;
    } else current?.push(p);
  }
  return { lines, events };
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Decodes an 8-bit, non-interlaced PNG (grey, grey+alpha, RGB or RGBA, as pdftoppm writes) to grey levels. */
export function decodeGrayPng(png: Buffer): { width: number; height: number; pixels: Uint8Array } {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = ({ 0: 1, 4: 2, 2: 3, 6: 4 } as Record<number, number>)[data[9]!] ?? 0;
      if (data[8] !== 8 || channels === 0 || data[12] !== 0) throw new Error('expected an 8-bit, non-interlaced PNG without palette');
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`bad PNG filter ${filter}`);
      out[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const px = out.subarray(i * channels, i * channels + channels);
    pixels[i] = channels >= 3 ? Math.round(0.299 * px[0]! + 0.587 * px[1]! + 0.114 * px[2]!) : px[0]!;
  }
  return { width, height, pixels };
}
