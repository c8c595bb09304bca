// CSV cannot carry a formula: text fields never start one (the OWASP CSV-injection payloads, in every text
// column Regie writes), numbers are written by Regie as numbers. Shown with Regie's own reader and by opening
// the files in LibreOffice Calc with Dutch settings, as a financial department would.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers';
import { csvText, decimal, euros } from '../../../../main/reports/csv';
import { parseCsv } from './parse';
import { NAMES, namesScenario, PAYLOADS, type NamesScenario } from './names-scenario';
import { openInCalc, type SheetCell } from './libreoffice';

/** The OWASP list (https://owasp.org/www-community/attacks/CSV_Injection) and its usual variants. */
const OWASP = [
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-1+1|cmd|' /C calc'!A0",
  '=HYPERLINK("http://example.invalid?x="&A1&A2,"Error: please click for further information")',
  '=1+2";=1+2',
  '=1+2\'" ;,=1+2',
  '\t=1+2',
  '\r=1+2',
  "\n-3+3+cmd|' /C calc'!A0",
  ' =1+2',
  '＝1+2',
  '-5',
  '+31 6 12345678',
  '@admin',
];

/** Would a spreadsheet start a formula at this field (without Regie's apostrophe)? */
const startsFormula = (field: string) => /^[\s]*[=+\-@＝＋－＠]/.test(field) || /^[\t\r\n]/.test(field);

let s: NamesScenario;
beforeAll(async () => {
  s = await namesScenario();
}, 120_000);

const JULY = { from: '2027-07-01', to: '2027-07-31' };
const csvOf = async (copy: NamesScenario['z'], req: Parameters<NamesScenario['z']['call']>[1] & object) =>
  Buffer.from((await copy.call('reports.file', req as never)).base64, 'base64').toString('utf8');

describe('CSV fields by type', () => {
  it('writes every OWASP payload as text behind an apostrophe, and Regie’s numbers bare', () => {
    const text = csvText([OWASP, [decimal(-12.5), euros(-130560), -3, 8.5, decimal(-0.001)]]);
    const [texts, numbers] = parseCsv(text.slice(1));
    expect(texts).toEqual(OWASP.map((p) => `'${p}`));
    expect(numbers).toEqual(['-12,50', '-1305,60', '-3', '8,50', '0,00']);
    // Text that merely looks like a number is still text, as typed.
    expect(parseCsv(csvText([['1305,60', 'Strand; noord']]).slice(1))[0]).toEqual(['1305,60', 'Strand; noord']);
  });

  it('neutralises the payloads in every text column of the settlement and hours files, and keeps the names as written', async () => {
    const settlement = parseCsv((await csvOf(s.z, { kind: 'settlement', format: 'csv', ...JULY })).slice(1));
    const hours = parseCsv((await csvOf(s.h, { kind: 'hours', ...JULY })).slice(1));
    for (const row of [...settlement, ...hours]) for (const field of row) expect(startsFormula(field), `field ${JSON.stringify(field)}`).toBe(false);
    const header = settlement.findIndex((r) => r[0] === 'Begindatum');
    const col = (name: string) => settlement[header]!.indexOf(name);
    const lines = settlement.slice(
      header + 1,
      settlement.findIndex((r, i) => i > header && r.length === 1),
    );
    expect(lines).toHaveLength(11);
    const officers = lines.map((r) => r[col('Handhaver')]!);
    for (const n of NAMES) expect(officers).toContain(n);
    for (const p of [PAYLOADS[0], PAYLOADS[1], PAYLOADS[2], PAYLOADS[5], PAYLOADS[6]]) expect(officers).toContain(`'${p}`);
    expect(lines.map((r) => r[col('Evenement')])).toContain(`'${PAYLOADS[4]}`);
    // The hours file: officer names and the event names, in their own columns.
    expect(hours.map((r) => r[0])).toEqual(expect.arrayContaining([...NAMES, `'${PAYLOADS[1]}`, `'${PAYLOADS[4]}`, 'Strandfeest ’t Zand']));
  });
});

describe('CSV opened in LibreOffice Calc (nl-NL)', () => {
  let sheets: SheetCell[][][];
  beforeAll(async () => {
    const dir = tempDir('regie-csv-');
    const files = [join(dir, 'verrekening.csv'), join(dir, 'uren.csv')];
    writeFileSync(files[0]!, await csvOf(s.z, { kind: 'settlement', format: 'csv', ...JULY }));
    writeFileSync(files[1]!, await csvOf(s.h, { kind: 'hours', ...JULY }));
    sheets = openInCalc(files);
  }, 240_000);

  it('finds no formula in any cell, and every payload and name as text', () => {
    const all = sheets.flat(2);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((c) => c.formula !== null).map((c) => c.formula)).toEqual([]);
    const strings = all.filter((c) => c.type === 'string').map((c) => c.text);
    for (const n of NAMES) expect(strings).toContain(n);
    for (const p of [PAYLOADS[0], PAYLOADS[1], PAYLOADS[2], PAYLOADS[4], PAYLOADS[5], PAYLOADS[6]]) expect(strings).toContain(`'${p}`);
  });

  it('reads hours and amounts as numbers that add up to the total, and dates as dates', () => {
    const [settlement] = sheets as [SheetCell[][]];
    const header = settlement.findIndex((r) => r[0]?.text === 'Begindatum');
    const names = settlement[header]!.map((c) => c.text);
    const lines = settlement.slice(header + 1, header + 12);
    const amount = names.indexOf('Bedrag (EUR)');
    const hours = names.indexOf('Uren');
    expect(lines.map((r) => r[amount]!.type)).toEqual(Array(11).fill('float'));
    expect(lines.map((r) => r[hours]!.value)).toEqual(Array(11).fill('8'));
    expect(lines.map((r) => r[0]!.type)).toEqual(Array(11).fill('date'));
    // 8 Saturday and Sunday shifts at 115.60 (weekend +70 %) and 3 Monday shifts at 68.00, 8 hours each.
    const total = settlement.find((r) => r[0]?.text === 'Totaal')!;
    expect(total[5]).toMatchObject({ type: 'float', value: '9030.4' });
    const sum = lines.reduce((t, r) => t + Number(r[amount]!.value), 0);
    expect(sum).toBeCloseTo(9030.4, 2);
  });
});
