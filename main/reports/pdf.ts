// Small layout helpers over pdfkit for Regie's printed reports: a title block, label/value facts, tables
// that break across pages with their header repeated, and "Pagina x van y" footers. Standard PDF fonts
// (Helvetica) cover Dutch text (é, ë, ï) and the euro sign without embedding a font file.
import PDFDocument from 'pdfkit';

export type Pdf = InstanceType<typeof PDFDocument>;

const INK = '#1c1c1c';
const NAVY = '#154273';
const MUTED = '#4f4f4f';
const LINE = '#c7cfd8';
const SOFT = '#eef2f6';

export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const MONO = 'Courier';

export function newPdf(options: { title: string; subject: string; author: string; landscape?: boolean }): Pdf {
  return new PDFDocument({
    size: 'A4',
    layout: options.landscape ? 'landscape' : 'portrait',
    margins: { top: 48, bottom: 56, left: 48, right: 48 },
    bufferPages: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: { Title: options.title, Subject: options.subject, Author: options.author, Creator: 'Regie' },
  });
}

/** The finished document's bytes, with page footers written on every page. */
export function finish(doc: Pdf, footer: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - doc.page.margins.bottom + 20;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    // Writing below the bottom margin would make pdfkit start a new page; lift the margin for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT).fontSize(8).fillColor(MUTED);
    doc.text(footer, doc.page.margins.left, y, { width: width - 90, lineBreak: false });
    doc.text(`Pagina ${i + 1 - range.start} van ${range.count}`, doc.page.margins.left + width - 90, y, { width: 90, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function title(doc: Pdf, text: string, subtitle?: string): void {
  doc.font(BOLD).fontSize(18).fillColor(NAVY).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  if (subtitle) doc.moveDown(0.2).font(FONT).fontSize(11).fillColor(INK).text(subtitle, { width: contentWidth(doc) });
  doc.moveDown(0.8);
}

export function heading(doc: Pdf, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.6).font(BOLD).fontSize(12).fillColor(NAVY).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

export function paragraph(doc: Pdf, text: string, options: { size?: number; color?: string } = {}): void {
  doc.font(FONT).fontSize(options.size ?? 9).fillColor(options.color ?? MUTED).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
}

/** Label: value lines; a value in `mono` is set in a fixed-width font (a hash to compare by eye). */
export function facts(doc: Pdf, rows: { label: string; value: string; mono?: boolean }[]): void {
  const labelWidth = 150;
  const x = doc.page.margins.left;
  for (const r of rows) {
    const valueWidth = contentWidth(doc) - labelWidth;
    doc.font(r.mono ? MONO : FONT).fontSize(10);
    const h = Math.max(doc.heightOfString(r.value, { width: valueWidth }), 12);
    ensureSpace(doc, h + 4);
    const y = doc.y;
    doc.font(BOLD).fontSize(10).fillColor(INK).text(r.label, x, y, { width: labelWidth - 8 });
    doc.font(r.mono ? MONO : FONT).fontSize(10).fillColor(INK).text(r.value, x + labelWidth, y, { width: valueWidth });
    doc.y = y + h + 4;
  }
  doc.moveDown(0.3);
}

export interface Column {
  header: string;
  /** A share of the content width; the shares need not add up to 1. */
  width: number;
  align?: 'left' | 'right';
}

export interface TableOptions {
  /** Rows drawn bold on a tinted background (totals). */
  emphasise?: (row: string[], index: number) => boolean;
  size?: number;
}

/** A table across the content width; a row never splits, and the header repeats on each new page. */
export function table(doc: Pdf, columns: Column[], rows: string[][], options: TableOptions = {}): void {
  const size = options.size ?? 9;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const pad = 3;
  const x0 = doc.page.margins.left;

  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: string, fill: string | null, color: string) => {
    const h = rowHeight(cells, font);
    const y = doc.y;
    if (fill) doc.rect(x0, y, contentWidth(doc), h).fill(fill);
    let x = x0;
    doc.font(font).fontSize(size).fillColor(color);
    cells.forEach((c, i) => {
      doc.text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left' });
      x += widths[i]!;
    });
    doc.moveTo(x0, y + h).lineTo(x0 + contentWidth(doc), y + h).lineWidth(0.5).strokeColor(LINE).stroke();
    doc.x = x0;
    doc.y = y + h;
  };
  const header = columns.map((c) => c.header);
  const drawHeader = () => drawRow(header, BOLD, NAVY, '#ffffff');

  ensureSpace(doc, rowHeight(header, BOLD) + (rows[0] ? rowHeight(rows[0], FONT) : 0));
  drawHeader();
  rows.forEach((r, i) => {
    const strong = options.emphasise?.(r, i) ?? false;
    const h = rowHeight(r, strong ? BOLD : FONT);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawHeader();
    }
    drawRow(r, strong ? BOLD : FONT, strong ? SOFT : null, INK);
  });
  doc.moveDown(0.6);
}
