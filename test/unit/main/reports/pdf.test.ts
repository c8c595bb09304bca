// PDFs rendered as a reader sees them: pdftoppm draws each page to PNG (not blank, ink where text should
// be) and pdftotext reads back the totals, names (with é and ë), the state hash and the roster's contacts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers';
import { quarterScenario, type Scenario } from './scenario';
import { decodeGrayPng } from './parse';

let s: Scenario;
beforeAll(async () => {
  s = await quarterScenario();
}, 60_000);

const Q3 = { from: '2027-07-01', to: '2027-09-30' };
/** Page images are kept here to look at. */
const KEEP = join(process.cwd(), 'test-results', 'unit-reports');

function render(pdf: Buffer, name: string): { pages: { width: number; height: number; pixels: Uint8Array }[]; text: string } {
  const dir = tempDir('regie-pdf-');
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '60', '-gray', '-png', file, join(dir, 'page')]);
  const pngs = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort();
  mkdirSync(KEEP, { recursive: true });
  for (const p of pngs) writeFileSync(join(KEEP, `${name}-${p}`), readFileSync(join(dir, p)));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { pages: pngs.map((p) => decodeGrayPng(readFileSync(join(dir, p)))), text };
}

/** Share of pixels with ink (darker than near-white), overall and in the top tenth of the page. */
function ink(page: { width: number; height: number; pixels: Uint8Array }) {
  let dark = 0;
  let top = 0;
  const topRows = Math.floor(page.height / 10);
  for (let i = 0; i < page.pixels.length; i++) {
    if (page.pixels[i]! < 200) {
      dark++;
      if (i < topRows * page.width) top++;
    }
  }
  return { all: dark / page.pixels.length, top: top / (topRows * page.width) };
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('settlement statement PDF', () => {
  it('renders pages with ink that hold the totals, the names and the state hash', async () => {
    const f = await s.h.call('reports.file', { kind: 'settlement', format: 'pdf', ...Q3 });
    expect(f.mimeType).toBe('application/pdf');
    expect(f.fileName).toBe('verrekening-alle-gemeenten-2027-07-01-2027-09-30.pdf');
    const pdf = Buffer.from(f.base64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, text } = render(pdf, 'verrekening-q3');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    // Landscape A4 at 60 dpi is about 702 x 496 pixels.
    expect(pages[0]!.width).toBeGreaterThan(pages[0]!.height);
    const first = ink(pages[0]!);
    expect(first.all).toBeGreaterThan(0.01);
    expect(first.all).toBeLessThan(0.5);
    expect(first.top).toBeGreaterThan(0.005);

    const t = squash(text);
    expect(t).toContain('Verrekening inzet handhavers');
    expect(t).toContain('3e kwartaal 2027 (1 juli 2027 t/m 30 september 2027)');
    // Totals per pair and overall, as computed by hand in statement.test.ts.
    expect(t).toMatch(/Heemstede Zandvoort tarief 2 16,50 € 1\.526,60/);
    expect(t).toMatch(/Bloemendaal Zandvoort tarief 1 8,00 € 924,80/);
    expect(t).toMatch(/Totaal 4 30,50 € 2\.451,40/);
    expect(t).toContain('Heemstede is 6,00 uur inzet verschuldigd aan Bloemendaal');
    expect(t).toContain('René Jansen');
    expect(t).toContain('Noëlle Mulder');
    expect(t).toContain('weekend 8,50 u +70%');
    const hash = (await s.h.call('state.hash', {})).hash;
    expect(t).toContain(hash.match(/.{8}/g)!.join(' '));
    expect(t).toContain(`Pagina 1 van ${pages.length}`);
  });

  it('says so when nothing was lent in the period', async () => {
    const f = await s.h.call('reports.file', { kind: 'settlement', format: 'pdf', from: '2027-01-01', to: '2027-01-31' });
    const { pages, text } = render(Buffer.from(f.base64, 'base64'), 'verrekening-leeg');
    expect(ink(pages[0]!).all).toBeGreaterThan(0.005);
    expect(squash(text)).toContain('In deze periode zijn geen handhavers aan een andere gemeente uitgeleend.');
    expect(squash(text)).toMatch(/Totaal 0 0,00 € 0,00/);
  });
});

describe('briefing roster PDF', () => {
  it("lists each shift with who comes, own officers' phones when chosen, partners' officers without, and the contact", async () => {
    // Without the choice no phone number is printed at all (the roster may go to an organiser or partner).
    const plain = squash(render(Buffer.from((await s.z.call('reports.file', { kind: 'roster', eventId: s.ids.grandPrix })).base64, 'base64'), 'rooster-zonder-telefoon').text);
    expect(plain).toMatch(/Kees Bakker Zandvoort Toezicht/);
    expect(plain).not.toContain('06-11112222');
    expect(plain).not.toMatch(/Rol Telefoon/);
    const f = await s.z.call('reports.file', { kind: 'roster', eventId: s.ids.grandPrix, contact: { name: 'Inge Koçak', phone: '023-5740100' }, phones: true });
    expect(f.fileName).toBe('rooster-dutch-grand-prix-2027-08-27.pdf');
    const { pages, text } = render(Buffer.from(f.base64, 'base64'), 'rooster-grand-prix');
    expect(pages[0]!.height).toBeGreaterThan(pages[0]!.width);
    expect(ink(pages[0]!).all).toBeGreaterThan(0.01);
    const t = squash(text);
    expect(t).toContain('Briefingrooster: Dutch Grand Prix');
    expect(t).toContain('Circuit Zandvoort, boulevard');
    expect(t).toContain('Contactpersoon Zandvoort Inge Koçak, 023-5740100');
    expect(t).toContain('C risico');
    expect(t).toContain('vr 27-08-2027 10:00–18:00 · Toezicht, in koppels · 2 van 2 ingepland');
    expect(t).toMatch(/Kees Bakker Zandvoort Toezicht 06-11112222/);
    expect(t).toMatch(/Sanne de Vries Heemstede Toezicht via Heemstede/);
    expect(t).toMatch(/Noëlle Mulder Bloemendaal Verkeersregelaar via Bloemendaal/);
    // Partners' private phone numbers are not even in this copy, let alone in the PDF.
    expect(t).not.toContain('06-33334444');
    expect(t).not.toContain('06-77778888');
  });

  it('remembers the contact on this device for the next roster', async () => {
    expect(await s.z.call('reports.contact', {})).toEqual({ name: 'Inge Koçak', phone: '023-5740100' });
    const f = await s.z.call('reports.file', { kind: 'roster', eventId: s.ids.night });
    expect(squash(render(Buffer.from(f.base64, 'base64'), 'rooster-nacht').text)).toContain('Inge Koçak, 023-5740100');
    // Local data: it is not part of the shared state, so the partners' hash still matches.
    expect(await s.z.hash()).toBe(await s.h.hash());
  });
});
