// PDFs that hold up where they are opened: every name prints (Turkish, Polish, Dutch letters, read back with
// pdftotext and drawn with pdftoppm), every font embedded and subsetted, tagged for screen readers (structure
// tree in reading order, headings, tables with header cells, nl-NL), and PDF/A-2a with XMP metadata and an
// output intent, checked with pdfinfo, pdffonts, qpdf and the PDFBox Preflight validator.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { newContext, tempDir } from '../../helpers';
import { dispatch } from '../../../../main/api/dispatch';
import { generateRegion } from '../../../../main/generate/region-generator';
import { reportFile } from '../../../../main/reports/handlers';
import { NAMES, namesScenario, PAYLOADS, type NamesScenario } from './names-scenario';
import { decodeGrayPng } from './parse';
import { fontsOf, infoOf, objectsOf, preflight, run, type PdfObjects } from '../../tools/pdf-tools';

const KEEP = join(process.cwd(), 'test-results', 'unit-reports');
const dir = tempDir('regie-pdfa-');
let s: NamesScenario;
const files: Record<'settlement' | 'roster' | 'payload', string> = { settlement: '', roster: '', payload: '' };

beforeAll(async () => {
  s = await namesScenario();
  const save = async (name: keyof typeof files, req: Parameters<NamesScenario['z']['call']>[1]) => {
    const f = await s.z.call('reports.file', req as never);
    files[name] = join(dir, `${name}.pdf`);
    writeFileSync(files[name], Buffer.from(f.base64, 'base64'));
  };
  await save('settlement', { kind: 'settlement', format: 'pdf', from: '2027-07-01', to: '2027-07-31' });
  await save('roster', { kind: 'roster', eventId: s.ids.party, contact: { name: 'Şeyma Kılıç', phone: '023-5483838' } });
  // A title with '&' and '"' in it: the XMP packet must still be valid XML.
  await save('payload', { kind: 'roster', eventId: s.ids.payloadEvent });
}, 180_000);

const squash = (t: string) => t.replace(/\s+/g, ' ');

describe('every name prints', () => {
  it('reads back every name, as written, from the settlement statement and the roster', () => {
    const settlement = squash(run('pdftotext', ['-layout', files.settlement, '-']));
    const roster = squash(run('pdftotext', ['-layout', files.roster, '-']));
    for (const n of NAMES) {
      expect(settlement).toContain(n);
      expect(roster).toContain(n);
    }
    expect(roster).toContain('Briefingrooster: Strandfeest ’t Zand');
    expect(roster).toContain('Strandpaviljoen Ĳzeren Boer; Zandvoort');
    expect(roster).toContain('Contactpersoon Zandvoort Şeyma Kılıç, 023-5483838');
    expect(settlement).toContain(PAYLOADS[1]);
    // A long title wraps; read it without the line break.
    const noSpace = (t: string) => t.replace(/\s+/g, '');
    expect(noSpace(run('pdftotext', ['-layout', files.payload, '-']))).toContain(noSpace(`Briefingrooster: ${PAYLOADS[4]}`));
  });

  it('draws the pages: ink in the rows that hold the names', () => {
    const out = tempDir('regie-pdfa-png-');
    run('pdftoppm', ['-r', '60', '-gray', '-png', files.roster, join(out, 'rooster-namen')]);
    const png = readdirSync(out).find((f) => f.endsWith('.png'))!;
    mkdirSync(KEEP, { recursive: true });
    writeFileSync(join(KEEP, png), readFileSync(join(out, png)));
    const page = decodeGrayPng(readFileSync(join(out, png)));
    // The first table's rows (Ayşe ... Žofia) lie between 27 % and 37 % of the page height on A4 portrait.
    let dark = 0;
    const from = Math.floor(page.height * 0.27) * page.width;
    const to = Math.floor(page.height * 0.37) * page.width;
    for (let i = from; i < to; i++) if (page.pixels[i]! < 160) dark++;
    expect(dark / (to - from)).toBeGreaterThan(0.01);
  });
});

describe('fonts', () => {
  it('embeds and subsets every font, with a Unicode map, in every PDF', () => {
    for (const f of Object.values(files)) {
      const fonts = fontsOf(f);
      expect(fonts.length).toBeGreaterThanOrEqual(2);
      for (const font of fonts) {
        expect(font).toMatchObject({ type: 'CID TrueType', encoding: 'Identity-H', embedded: true, subset: true, unicode: true });
        expect(font.name).toMatch(/^[A-Z]{6}\+Liberation(Sans|Sans-Bold|Mono)$/);
      }
    }
    expect(
      fontsOf(files.settlement)
        .map((f) => f.name.slice(7))
        .sort(),
    ).toEqual(['LiberationMono', 'LiberationSans', 'LiberationSans-Bold']);
  });
});

/** The structure tree below `ref`, as "Type" or "Type(children)". */
function tree(o: PdfObjects, ref: unknown, depth = 0): string[] {
  const node = o.get(ref as never) as Record<string, unknown> | undefined;
  if (!node || typeof node !== 'object' || Array.isArray(node) || !node['/S']) return [];
  const kids = node['/K'];
  const list = Array.isArray(kids) ? kids : kids === undefined ? [] : [kids];
  const children = list.flatMap((k) => tree(o, k, depth + 1));
  // A PDF name object prints as its name (/Sect).
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const type = String(node['/S']).slice(1);
  return [children.length ? `${type}(${children.join(',')})` : type];
}

describe('tagged PDF/A-2a', () => {
  it('says so to pdfinfo and qpdf: tagged, PDF 1.7, no syntax errors', () => {
    for (const f of Object.values(files)) {
      const info = infoOf(f);
      expect(info).toMatchObject({ Tagged: 'yes', 'PDF version': '1.7', 'Metadata Stream': 'yes', Creator: 'Regie' });
      expect(run('qpdf', ['--check', f])).toContain('No syntax or stream encoding errors found');
    }
    expect(infoOf(files.payload).Title).toBe(`Briefingrooster ${PAYLOADS[4]}`);
  });

  it('has a structure tree in reading order: title, facts, headings and tables with header cells, language nl-NL', () => {
    const o = objectsOf(files.roster);
    const catalog = o.get(o.trailer['/Root']) as Record<string, unknown>;
    expect(catalog['/Lang']).toBe('u:nl-NL');
    expect((o.get(catalog['/MarkInfo'] as never) as Record<string, unknown>)['/Marked']).toBe(true);
    const root = o.get(catalog['/StructTreeRoot'] as never) as Record<string, unknown>;
    expect(root['/Type']).toBe('/StructTreeRoot');
    const [document] = (Array.isArray(root['/K']) ? root['/K'] : [root['/K']]).flatMap((k) => tree(o, k));
    const cells = (n: number, cell: string) => Array<string>(n).fill(cell).join(',');
    // Name, gemeente, role: the roster leaves officers' phone numbers out unless asked (issue 17).
    const shiftTable = `Table(THead(TR(${cells(3, 'TH')})),TBody(${Array<string>(4)
      .fill(`TR(${cells(3, 'TD')})`)
      .join(',')}))`;
    expect(document).toBe(`Document(H1,P,Table(${Array<string>(4).fill('TR(TH,TD)').join(',')}),P,H2,${shiftTable},H2,${shiftTable})`);
  });

  it('carries the PDF/A identification, the document facts in XMP, and an sRGB output intent', () => {
    for (const f of [files.settlement, files.payload]) {
      const o = objectsOf(f, { streams: true });
      const catalog = o.get(o.trailer['/Root']) as Record<string, unknown>;
      const [intentRef] = catalog['/OutputIntents'] as string[];
      const intent = o.get(intentRef) as Record<string, unknown>;
      expect(intent).toMatchObject({ '/S': '/GTS_PDFA1', '/OutputConditionIdentifier': 'u:sRGB IEC61966-2.1' });
      expect(
        o
          .streamData(intent['/DestOutputProfile'] as never)
          .subarray(36, 40)
          .toString('latin1'),
      ).toBe('acsp');
      const xmp = o.streamData(catalog['/Metadata'] as never).toString('utf8');
      expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/);
      expect(xmp).toContain('<xmp:CreatorTool>Regie</xmp:CreatorTool>');
    }
    // The payload title is XML-escaped in XMP and reads back as the same text as the Info title.
    const o = objectsOf(files.payload, { streams: true });
    const xmp = o.streamData((o.get(o.trailer['/Root']) as Record<string, unknown>)['/Metadata'] as never).toString('utf8');
    const title = /<dc:title>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">([^<]*)<\/rdf:li>/.exec(xmp)![1]!;
    expect(
      title
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    ).toBe(`Briefingrooster ${PAYLOADS[4]}`);
  });

  it('passes the PDF/A validator, except for the two rules PDF/A-2 changed from PDF/A-1', () => {
    // Preflight validates PDF/A-1b. PDF/A-2 (ISO 19005-2) no longer requires a CIDSet for subsetted CID fonts
    // (6.2.11.4.2 only says it must be right when present) and identifies itself as part 2: those two, and only
    // those, are expected. Everything else (embedded fonts and widths, XMP matching the Info dictionary, output
    // intent, no transparency, syntax) must pass.
    const allowed = [/^3\.1\.11 : Invalid Font definition, [A-Z]{6}\+Liberation[\w-]+: The CIDSet entry is missing for the Composite Subset$/, /^7\.11\.2 : Error on MetaData, part must be 1$/];
    // The settlement statement (the document to archive) and a roster (whose title needs escaping in XMP).
    for (const f of [files.settlement, files.payload]) {
      const r = preflight(f);
      expect(r.errors.length, r.output).toBeGreaterThan(0);
      expect(r.errors.filter((e) => !allowed.some((a) => a.test(e)))).toEqual([]);
    }
  });

  it('keeps a statement of many pages tagged and valid: one header row per table in the tree, repeated ones are artifacts', async () => {
    const ctx = newContext();
    expect((await dispatch(ctx, 'setup.init', { gemeente: 'GM0473', deviceLabel: 'Laptop Zandvoort' })).ok).toBe(true);
    generateRegion(ctx.db(), ctx.me(), 3, { officers: 30, eventsPerYear: 300, years: 1, firstYear: 2027, writeOfficers: true });
    const f = await reportFile(ctx.db(), ctx.me(), { kind: 'settlement', format: 'pdf', from: '2027-03-01', to: '2027-05-31' });
    const file = join(dir, 'jaar.pdf');
    writeFileSync(file, Buffer.from(f.base64, 'base64'));
    const pages = Number(infoOf(file).Pages);
    expect(pages).toBeGreaterThan(3);
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
    const o = objectsOf(file);
    const catalog = o.get(o.trailer['/Root']) as Record<string, unknown>;
    const rootK = (o.get(catalog['/StructTreeRoot'] as never) as Record<string, unknown>)['/K'];
    const [document] = (Array.isArray(rootK) ? rootK : [rootK]).flatMap((k) => tree(o, k));
    const tables = document!.match(/Table\(THead/g) ?? [];
    expect(tables).toHaveLength(2);
    expect(document!.match(/THead/g)).toHaveLength(2);
    // Every lent shift of the year is one row of the last table, across all its pages.
    const statement = await dispatch(ctx, 'reports.settlement', { from: '2027-03-01', to: '2027-05-31' });
    expect(statement.ok).toBe(true);
    const lines = (statement as { value: { settlement: { lines: unknown[] } } }).value.settlement.lines.length;
    const lastBody = document!.slice(document!.lastIndexOf('TBody('));
    expect(lastBody.match(/TR\(/g)).toHaveLength(lines);
    expect(squash(run('pdftotext', ['-layout', file, '-']))).toContain(`Pagina ${pages} van ${pages}`);
    const allowed = [/^3\.1\.11 : .*The CIDSet entry is missing for the Composite Subset$/, /^7\.11\.2 : Error on MetaData, part must be 1$/];
    expect(preflight(file).errors.filter((e) => !allowed.some((a) => a.test(e)))).toEqual([]);
  }, 120_000);

  it('(the validator does catch a PDF that is not archival: standard fonts, no XMP, no output intent)', async () => {
    const plain = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    plain.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve) => plain.on('end', resolve));
    plain.font('Helvetica').text('Ayse Yilmaz-Dogan');
    plain.end();
    await done;
    const file = join(dir, 'gewoon.pdf');
    writeFileSync(file, Buffer.concat(chunks));
    const r = preflight(file);
    expect(r.valid).toBe(false);
    expect(r.errors.some((e) => e.startsWith('3.1'))).toBe(true); // font not embedded
    expect(r.errors.some((e) => e.startsWith('7.'))).toBe(true); // no XMP metadata
  });
});
