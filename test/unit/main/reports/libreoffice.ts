// Opens a CSV file the way a Dutch spreadsheet user does: LibreOffice Calc (headless), ';' between fields,
// UTF-8, Dutch (nl-NL) number and date recognition, formulas evaluated. The sheet is read back from the flat
// OpenDocument file LibreOffice writes: per cell its type (float, date, string), value, and formula if any.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tempDir } from '../../helpers';

export interface SheetCell {
  type: string;
  value: string;
  text: string;
  formula: string | null;
}

const CANDIDATES = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

export function soffice(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error('LibreOffice (soffice) is needed to open the CSV files as a spreadsheet does: apt-get install libreoffice-calc-nogui (.ci/run installs it).');
  return found;
}

/**
 * CSV filter options (token order of LibreOffice's CSV filter): separator ';' (59), text delimiter '"' (34),
 * UTF-8 (76), start at line 1, standard column types, language 1043 (nl-NL), quoted fields not forced to text,
 * detect special numbers (dates), ..., evaluate formulas: the most trusting way to open a file.
 */
const FILTER = 'CSV:59,34,76,1,,1043,false,true,false,false,false,-1,true';

const decode = (xml: string) =>
  xml
    .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_m, n: string | undefined) => ' '.repeat(Number(n ?? 1)))
    .replace(/<text:tab\/>/g, '\t')
    .replace(/<text:line-break\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const attr = (tag: string, name: string) => {
  const m = new RegExp(`${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]!) : null;
};

/** Converts every CSV file in one LibreOffice run (it starts slowly) and returns each file's rows of cells. */
export function openInCalc(csvFiles: string[]): SheetCell[][][] {
  const bin = soffice();
  const out = tempDir('regie-calc-');
  const profile = tempDir('regie-calc-profile-');
  execFileSync(bin, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', `--infilter=${FILTER}`, '--convert-to', 'fods', '--outdir', out, ...csvFiles], {
    stdio: 'pipe',
    timeout: 180_000,
  });
  return csvFiles.map((f) => {
    const fods = join(out, basename(f).replace(/\.csv$/, '.fods'));
    if (!existsSync(fods)) throw new Error(`LibreOffice did not convert ${f}`);
    const xml = readFileSync(fods, 'utf8');
    const table = xml.slice(xml.indexOf('<table:table '), xml.indexOf('</table:table>'));
    const rows: SheetCell[][] = [];
    for (const row of table.match(/<table:table-row[^>]*?(?:\/>|>[\s\S]*?<\/table:table-row>)/g) ?? []) {
      const cells: SheetCell[] = [];
      for (const m of row.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
        const tag = m[1]!;
        const repeat = Math.min(Number(attr(tag, 'table:number-columns-repeated') ?? 1), 64);
        const cell = {
          type: attr(tag, 'office:value-type') ?? 'empty',
          value: attr(tag, 'office:value') ?? attr(tag, 'office:date-value') ?? '',
          text: [...(m[2] ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map((p) => decode(p[1]!)).join('\n'),
          formula: attr(tag, 'table:formula'),
        };
        for (let i = 0; i < repeat; i++) cells.push(cell);
      }
      while (cells.length && cells.at(-1)!.type === 'empty') cells.pop();
      rows.push(cells);
    }
    return rows;
  });
}
