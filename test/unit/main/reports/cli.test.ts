// `regie report` on a real copy's data folder: the statement on screen, files written, usage errors.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../main/cli/index';
import { tempDir } from '../../helpers';
import { regieProcess } from '../../regie-process';
import { quarterScenario, type Scenario } from './scenario';
import { parseCsv, parseIcs } from './parse';

let s: Scenario;
let data: string;
beforeAll(async () => {
  s = await quarterScenario();
  data = s.h.ctx.dataDir;
}, 60_000);

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--data', data, ...argv], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

describe('regie report', () => {
  it('prints the quarter statement for a pair with its state hash, and writes it as PDF from the bundled command', async () => {
    const dir = tempDir('regie-report-');
    const out = join(dir, 'verrekening.pdf');
    const r = regieProcess(['--data', data, 'report', 'settlement', '--from', '2027-07-01', '--to', '2027-09-30', '--pair', 'GM0397:GM0473', '--format', 'pdf', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Verrekening 3e kwartaal 2027 (1 juli 2027 t/m 30 september 2027), Heemstede – Zandvoort');
    expect(r.stdout).toContain('Heemstede aan Zandvoort (tarief): 2 diensten, 16,50 uur, € 1.526,60');
    expect(r.stdout).toContain((await s.h.hash()).slice(0, 8));
    expect(r.stdout).toContain(`PDF geschreven naar ${out}`);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toMatch(/Totaal 2 16,50 € 1\.526,60/);
    // The bundle embeds the fonts shipped next to it (dist/cli/fonts), not fonts of the machine.
    expect(execFileSync('pdffonts', [out], { encoding: 'utf8' })).toMatch(/\+LiberationSans\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('takes a period as month, quarter or year, and writes CSV', async () => {
    const out = join(tempDir('regie-report-'), 'q3.csv');
    const r = await cli('report', 'settlement', '--period', '2027-Q3', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Totaal: 4 diensten, 30,50 uur, € 2.451,40');
    expect(r.out).toContain('Gesloten beurs: Heemstede is 6,00 uur verschuldigd aan Bloemendaal');
    const rows = parseCsv(readFileSync(out, 'utf8').slice(1));
    expect(rows.find((row) => row[0] === 'Totaal')?.slice(3)).toEqual(['4', '30,50', '2451,40']);
    const october = await cli('report', 'settlement', '--period', '2027-10');
    expect(october.out).toContain('Totaal: 1 dienst, 9,00 uur, € 1.040,40');
  });

  it('writes hours, a roster and iCal files', async () => {
    const dir = tempDir('regie-report-');
    const hours = await cli('report', 'hours', '--period', '2027', '--out', join(dir, 'uren.csv'));
    expect(hours.code).toBe(0);
    expect(hours.out).toContain('Sanne de Vries: 2 diensten, 17,00 uur (uitgeleend 17,00)');
    expect(hours.out).toContain('Convenant handhaving evenementen 2027, Heemstede, 2027-08: 16,50 van 120 uur (14%)');
    const roster = await cli('report', 'roster', '--event', s.ids.heemstedeEvent, '--contact-name', 'Joke de Wit', '--out', join(dir, 'rooster.pdf'));
    expect(roster.code).toBe(0);
    expect(execFileSync('pdftotext', [join(dir, 'rooster.pdf'), '-'], { encoding: 'utf8' })).toContain('Joke de Wit');
    const ical = await cli('report', 'ical', '--officer', s.ids.sanne, '--out', join(dir, 'sanne.ics'));
    expect(ical.code).toBe(0);
    expect(parseIcs(readFileSync(join(dir, 'sanne.ics'), 'utf8')).events).toHaveLength(2);
  });

  it('exits 2 with the usage on a wrong call, 1 with a reason when refused', async () => {
    for (const args of [
      ['report'],
      ['report', 'settlement'],
      ['report', 'settlement', '--period', '2027-Q5'],
      ['report', 'ical', '--officer', 'x', '--event', 'y', '--out', 'f.ics'],
      ['report', 'roster', '--event', 'x'],
    ]) {
      const r = await cli(...args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.err).toContain('Gebruik: regie [--data MAP] report settlement');
    }
    const refused = await cli('report', 'settlement', '--from', '2027-09-30', '--to', '2027-07-01');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^regie: De einddatum van de periode ligt vóór de begindatum/);
  });
});
