// The exported CSV files read back as Dutch Excel reads them: BOM, ';', decimal comma, CRLF, quotes.
import { beforeAll, describe, expect, it } from 'vitest';
import { quarterScenario, type Scenario } from './scenario';
import { dutchNumber, parseCsv } from './parse';
import { csvText, decimal } from '../../../../main/reports/csv';

let s: Scenario;
beforeAll(async () => {
  s = await quarterScenario();
}, 60_000);

const Q3 = { from: '2027-07-01', to: '2027-09-30' };

function decode(base64: string): { bytes: Buffer; text: string } {
  const bytes = Buffer.from(base64, 'base64');
  return { bytes, text: bytes.toString('utf8') };
}

describe('settlement CSV', () => {
  it('opens in Dutch Excel: UTF-8 with BOM, semicolons, CRLF, dd-mm-jjjj dates and decimal commas that add up', async () => {
    const f = await s.z.call('reports.file', { kind: 'settlement', format: 'csv', ...Q3 });
    expect(f.fileName).toBe('verrekening-alle-gemeenten-2027-07-01-2027-09-30.csv');
    expect(f.mimeType).toBe('text/csv; charset=utf-8');
    const { bytes, text } = decode(f.base64);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
    const rows = parseCsv(text.slice(1));
    const field = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(field('Van')).toBe('01-07-2027');
    expect(field('Tot en met')).toBe('30-09-2027');
    expect(field('Controlegetal planning')).toBe((await s.z.call('state.hash', {})).hash);

    const header = rows.findIndex((r) => r[0] === 'Begindatum');
    const cols = rows[header]!;
    const col = (row: string[], name: string) => row[cols.indexOf(name)]!;
    const lines = rows.slice(
      header + 1,
      rows.findIndex((r, i) => i > header && r.length === 1 && r[0] === ''),
    );
    expect(lines.map((r) => [col(r, 'Handhaver'), col(r, 'Begindatum'), col(r, 'Begintijd'), col(r, 'Einddatum'), col(r, 'Eindtijd'), col(r, 'Uren'), col(r, 'Bedrag (EUR)')])).toEqual([
      ['Sanne de Vries', '27-08-2027', '10:00', '27-08-2027', '18:00', '8,00', '544,00'],
      ['René Jansen', '28-08-2027', '16:00', '29-08-2027', '00:30', '8,50', '982,60'],
      ['Noëlle Mulder', '29-08-2027', '10:00', '29-08-2027', '18:00', '8,00', '924,80'],
      ['Lotte Meijer', '04-09-2027', '12:00', '04-09-2027', '18:00', '6,00', '0,00'],
    ]);
    // René's Saturday evening is all weekend (70 % beats evening and night); the tariff is 68,00 per hour.
    const rene = lines[1]!;
    expect([col(rene, 'Weekend (uren)'), col(rene, 'Avond (uren)'), col(rene, 'Tarief per uur (EUR)'), col(rene, 'Weekend %')]).toEqual(['8,50', '0,00', '68,00', '70']);
    // A place with a ';' would break columns unless quoted; the event names here have none, the totals add up.
    const sum = lines.reduce((t, r) => t + dutchNumber(col(r, 'Bedrag (EUR)')), 0);
    const total = rows.find((r) => r[0] === 'Totaal')!;
    expect(total.slice(3)).toEqual(['4', '30,50', '2451,40']);
    expect(dutchNumber(total[5]!)).toBeCloseTo(sum, 2);
    const netting = rows[rows.findIndex((r) => r[0] === 'Gesloten beurs: gemeente A') + 1]!;
    expect(netting).toEqual(['Bloemendaal', 'Heemstede', '6,00', '0,00', '6,00', 'Heemstede', 'Bloemendaal']);
  });

  it('holds only the chosen pair, in both directions', async () => {
    const f = await s.h.call('reports.file', { kind: 'settlement', format: 'csv', ...Q3, pair: ['GM0397', 'GM0473'] });
    expect(f.fileName).toBe('verrekening-heemstede-zandvoort-2027-07-01-2027-09-30.csv');
    const rows = parseCsv(decode(f.base64).text.slice(1));
    expect(rows.find((r) => r[0] === 'Gemeentepaar')?.[1]).toBe('Heemstede – Zandvoort');
    expect(rows.find((r) => r[0] === 'Totaal')?.slice(3)).toEqual(['2', '16,50', '1526,60']);
  });
});

describe('hours CSV', () => {
  it('lists own officers, events, gemeenten and cap use with decimal hours', async () => {
    const f = await s.h.call('reports.file', { kind: 'hours', ...Q3 });
    expect(f.fileName).toBe('uren-2027-07-01-2027-09-30.csv');
    const rows = parseCsv(decode(f.base64).text.slice(1));
    const after = (label: string) => rows[rows.findIndex((r) => r[0] === label) + 1];
    expect(after('Handhavers van Heemstede')).toEqual(['René Jansen', '1', '8,50', '0,00', '8,50']);
    expect(after('Evenement')).toEqual(['Dutch Grand Prix', 'Zandvoort', '3', '4', '32,50', '8,00', '24,50']);
    expect(rows.find((r) => r[0]?.startsWith('Convenant') && r[1] === 'Heemstede')).toEqual(['Convenant handhaving evenementen 2027', 'Heemstede', '2027-08', '16,50', '120', '14', 'nee']);
    expect(rows.find((r) => r[0] === 'Totaal uren')).toEqual(['Totaal uren', '38,50']);
  });
});

describe('CSV writing', () => {
  it('quotes fields with separators, quotes or line breaks, and defuses formulas (text is never a number)', () => {
    const text = csvText([['Strand; noord', 'zei "ja"', 'twee\nregels', '=SUM(A1)', '-12,50', decimal(-12.5), 8.5, 3]]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([['Strand; noord', 'zei "ja"', 'twee\nregels', "'=SUM(A1)", "'-12,50", '-12,50', '8,50', '3']]);
  });
});
