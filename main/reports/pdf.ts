// Small layout helpers over pdfkit for Regie's printed reports: a title block, label/value facts, tables
// that break across pages with their header repeated, and "Pagina x van y" footers.
// Every PDF is made for the record and for everyone: one embedded, subsetted font family with full Latin
// coverage (Liberation Sans and Mono, shipped in fonts/ next to this file, so "Ayşe Yılmaz-Doğan" and
// "Łukasz Wiśniewski" print as written), tagged (a structure tree in reading order: headings, paragraphs,
// tables with header cells; lines, fills and page footers are artifacts; language nl-NL), and PDF/A-2a
// (XMP metadata and an sRGB output intent, written by pdfkit). Code that draws with pdfkit directly should
// go through these helpers, or `artifact()` for pure decoration, so the document stays tagged.
import type PDFDocument from 'pdfkit';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Pdf = InstanceType<typeof PDFDocument>;
type Struct = PDFKit.PDFStructureElement;

const INK = '#1c1c1c';
const NAVY = '#154273';
const MUTED = '#4f4f4f';
const LINE = '#c7cfd8';
const SOFT = '#eef2f6';

export const FONT = 'Regie-Sans';
export const BOLD = 'Regie-Sans-Bold';
export const MONO = 'Regie-Mono';
const FONT_FILES: Record<string, string> = { [FONT]: 'LiberationSans-Regular.ttf', [BOLD]: 'LiberationSans-Bold.ttf', [MONO]: 'LiberationMono-Regular.ttf' };

/** PDF/A part and conformance level of every PDF Regie makes (2a: archival, and tagged for accessibility). */
export const PDFA = 'PDF/A-2a';

let fonts: Record<string, Buffer> | undefined;

/** The font files: next to this module in the source tree (main/reports/fonts), next to a bundle in dist/X/fonts. */
function fontFiles(): Record<string, Buffer> {
  if (fonts) return fonts;
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = [join(here, 'fonts'), join(here, 'reports', 'fonts')].find((d) => existsSync(join(d, FONT_FILES[FONT]!)));
  if (!dir) throw new Error(`Regie kan geen PDF maken: de lettertypen ontbreken (verwacht in ${join(here, 'fonts')}). Installeer Regie opnieuw.`);
  fonts = Object.fromEntries(Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(join(dir, file))]));
  return fonts;
}

/** The structure root (Document) of each PDF being made, and the part that content is currently added to. */
const roots = new WeakMap<Pdf, Struct>();

function root(doc: Pdf): Struct {
  const r = roots.get(doc);
  if (!r) throw new Error('pdf: document not made by newPdf');
  return r;
}

/** Adds a structure element whose content `draw` writes, in reading order, under `parent` (default: the document). */
function tagged(doc: Pdf, type: string, draw: () => void, parent: Struct = root(doc), options: Record<string, string> = {}): void {
  parent.add(doc.struct(type, options, draw));
}

/** Pure decoration (rules, fills) or page furniture (footers): marked as an artifact, so screen readers skip it. */
export function artifact(doc: Pdf, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

// The XMP packet pdfkit writes takes title, author and subject verbatim; a name with '&' or '<' would make it
// invalid XML (and the file no PDF/A). The Info dictionary is written first, from the raw values; the XMP
// packet then gets the same values XML-escaped, which read back as the same text.
const xml = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
interface WithMetadata {
  info: Record<string, unknown>;
  endMetadata: () => void;
}
function escapeXmpInfo(doc: Pdf): void {
  const d = doc as unknown as WithMetadata;
  const endMetadata = d.endMetadata.bind(doc);
  d.endMetadata = () => {
    const raw = d.info;
    d.info = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? xml(v) : v]));
    try {
      endMetadata();
    } finally {
      d.info = raw;
    }
  };
}

/** pdfkit (with fontkit and its tables) is loaded on the first PDF, not when Regie starts (issue 22). */
let pdfkit: Promise<typeof PDFDocument> | undefined;

export async function newPdf(options: { title: string; subject: string; author: string; landscape?: boolean }): Promise<Pdf> {
  const files = fontFiles();
  const PDFKitDocument = await (pdfkit ??= import('pdfkit').then((m) => m.default));
  const doc = new PDFKitDocument({
    size: 'A4',
    layout: options.landscape ? 'landscape' : 'portrait',
    margins: { top: 48, bottom: 56, left: 48, right: 48 },
    bufferPages: true,
    pdfVersion: '1.7',
    subset: PDFA,
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    // No default font: pdfkit's is Helvetica, which PDF/A forbids (not embedded); FONT is set below instead.
    font: '',
    info: { Title: options.title, Subject: options.subject, Author: options.author, Creator: 'Regie' },
  });
  // Registered by name and first opened by that name, so pdfkit caches each font under it (opening the same
  // font first under another key makes every later doc.font(FONT) parse the font file again).
  for (const [name, bytes] of Object.entries(files)) doc.registerFont(name, bytes);
  doc.font(FONT);
  escapeXmpInfo(doc);
  const document = doc.struct('Document');
  doc.addStructure(document);
  roots.set(doc, document);
  return doc;
}

/** The finished document's bytes, with page footers written on every page. */
export function finish(doc: Pdf, footer: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  root(doc).end();
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - doc.page.margins.bottom + 20;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    // Writing below the bottom margin would make pdfkit start a new page; lift the margin for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    artifact(
      doc,
      () => {
        doc.font(FONT).fontSize(8).fillColor(MUTED);
        doc.text(footer, doc.page.margins.left, y, { width: width - 90, lineBreak: false });
        doc.text(`Pagina ${i + 1 - range.start} van ${range.count}`, doc.page.margins.left + width - 90, y, { width: 90, align: 'right', lineBreak: false });
      },
      'Pagination',
    );
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

/** A block of text from the left margin across the content width, tagged as `tag` (a heading or a paragraph). */
function textBlock(doc: Pdf, tag: 'H1' | 'H2' | 'P', style: { font: string; size: number; color: string }, text: string): void {
  tagged(doc, tag, () =>
    doc
      .font(style.font)
      .fontSize(style.size)
      .fillColor(style.color)
      .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) }),
  );
}

export function title(doc: Pdf, text: string, subtitle?: string): void {
  textBlock(doc, 'H1', { font: BOLD, size: 18, color: NAVY }, text);
  if (subtitle) {
    doc.moveDown(0.2);
    tagged(doc, 'P', () =>
      doc
        .font(FONT)
        .fontSize(11)
        .fillColor(INK)
        .text(subtitle, { width: contentWidth(doc) }),
    );
  }
  doc.moveDown(0.8);
}

export function heading(doc: Pdf, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.6);
  textBlock(doc, 'H2', { font: BOLD, size: 12, color: NAVY }, text);
  doc.moveDown(0.3);
}

export function paragraph(doc: Pdf, text: string, options: { size?: number; color?: string } = {}): void {
  textBlock(doc, 'P', { font: FONT, size: options.size ?? 9, color: options.color ?? MUTED }, text);
  doc.moveDown(0.4);
}

/** Label: value lines (a table of row headers and values); a value in `mono` is set in a fixed-width font (a hash to compare by eye). */
export function facts(doc: Pdf, rows: { label: string; value: string; mono?: boolean }[]): void {
  const labelWidth = 150;
  const x = doc.page.margins.left;
  const table = doc.struct('Table');
  root(doc).add(table);
  for (const r of rows) {
    const valueWidth = contentWidth(doc) - labelWidth;
    doc.font(r.mono ? MONO : FONT).fontSize(10);
    const h = Math.max(doc.heightOfString(r.value, { width: valueWidth }), 12);
    ensureSpace(doc, h + 4);
    const y = doc.y;
    const tr = doc.struct('TR');
    table.add(tr);
    tagged(
      doc,
      'TH',
      () =>
        doc
          .font(BOLD)
          .fontSize(10)
          .fillColor(INK)
          .text(r.label, x, y, { width: labelWidth - 8 }),
      tr,
      { scope: 'Row' },
    );
    tagged(
      doc,
      'TD',
      () =>
        doc
          .font(r.mono ? MONO : FONT)
          .fontSize(10)
          .fillColor(INK)
          .text(r.value, x + labelWidth, y, { width: valueWidth }),
      tr,
    );
    tr.end();
    doc.y = y + h + 4;
  }
  table.end();
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

/**
 * A table across the content width; a row never splits, and the header repeats on each new page. Tagged as
 * Table > THead (TR of TH with column scope) and TBody (TR of TD); a repeated header is page furniture.
 */
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
  /** Draws one row; `cell` says how each cell's text is tagged (null: the row is an artifact). */
  const drawRow = (cells: string[], font: string, fill: string | null, color: string, row: { tr: Struct; cell: 'TH' | 'TD' } | null) => {
    const h = rowHeight(cells, font);
    const y = doc.y;
    if (fill) artifact(doc, () => doc.rect(x0, y, contentWidth(doc), h).fill(fill));
    let x = x0;
    cells.forEach((c, i) => {
      const write = () =>
        doc
          .font(font)
          .fontSize(size)
          .fillColor(color)
          .text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left' });
      if (row) tagged(doc, row.cell, write, row.tr, row.cell === 'TH' ? { scope: 'Column' } : {});
      else artifact(doc, write, 'Pagination');
      x += widths[i]!;
    });
    artifact(doc, () =>
      doc
        .moveTo(x0, y + h)
        .lineTo(x0 + contentWidth(doc), y + h)
        .lineWidth(0.5)
        .strokeColor(LINE)
        .stroke(),
    );
    doc.x = x0;
    doc.y = y + h;
  };
  const header = columns.map((c) => c.header);

  ensureSpace(doc, rowHeight(header, BOLD) + (rows[0] ? rowHeight(rows[0], FONT) : 0));
  const tableStruct = doc.struct('Table');
  root(doc).add(tableStruct);
  const head = doc.struct('THead');
  tableStruct.add(head);
  const headRow = doc.struct('TR');
  head.add(headRow);
  drawRow(header, BOLD, NAVY, '#ffffff', { tr: headRow, cell: 'TH' });
  headRow.end();
  head.end();
  const body = doc.struct('TBody');
  tableStruct.add(body);
  rows.forEach((r, i) => {
    const strong = options.emphasise?.(r, i) ?? false;
    const h = rowHeight(r, strong ? BOLD : FONT);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawRow(header, BOLD, NAVY, '#ffffff', null);
    }
    const tr = doc.struct('TR');
    body.add(tr);
    drawRow(r, strong ? BOLD : FONT, strong ? SOFT : null, INK, { tr, cell: 'TD' });
    tr.end();
  });
  body.end();
  tableStruct.end();
  doc.moveDown(0.6);
}
