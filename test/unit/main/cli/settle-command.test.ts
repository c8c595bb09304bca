// `regie settle` and `regie report cooperation` through the real command line on real copies: propose at
// Zandvoort, sign at Heemstede after a plan file, list and show with the invoice basis, refusals with exit 1.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './run-cli';
import { Copy } from '../exchange/copies';
import { quarterScenario, send } from '../reports/scenario';
import { tempDir } from '../../helpers';

async function cliOn(c: Copy, args: string[]): Promise<{ code: number; out: string; err: string; copy: Copy }> {
  c.ctx.close();
  const run = await cli('--data', c.ctx.dataDir, ...args);
  return { ...run, copy: new Copy(c.gemeente, c.name, c.ctx.dataDir) };
}

describe('regie settle', () => {
  it('proposes, signs, lists and shows a statement, and writes the cooperation report', async () => {
    let { z, h, b } = await quarterScenario();
    let r = await cliOn(z, ['settle', 'propose', '--pair', 'GM0397:GM0473', '--period', '2027-Q3']);
    z = r.copy;
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/VV-2027-K3-0397-0473 {2}Heemstede – Zandvoort {2}2027-07-01 t\/m 2027-09-30 {2}voorgesteld/);
    const id = /id (GM0473\.st\.[a-z0-9]+)/.exec(r.out)![1]!;
    await send(z, h);
    r = await cliOn(b, ['settle', 'sign', id]);
    b = r.copy;
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/niet bekend in deze kopie|geen partij/);
    r = await cliOn(h, ['settle', 'sign', id]);
    h = r.copy;
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Ondertekend: de periode is vastgesteld.');
    r = await cliOn(h, ['settle', 'list']);
    h = r.copy;
    expect(r.out).toMatch(/VV-2027-K3-0397-0473 .*VASTGESTELD {2}16,50 uur, € 1\.526,60 {2}ondertekend: Heemstede \d{4}-\d{2}-\d{2}, Zandvoort/);
    const pdf = join(tempDir(), 'grondslag.pdf');
    r = await cliOn(h, ['settle', 'show', id, '--out', pdf]);
    h = r.copy;
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Ondertekend door Heemstede op .*vingerafdruk \d{5} \d{5} \d{5} \d{5} \d{5} \d{5}/);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    r = await cliOn(h, ['settle', 'propose', '--pair', 'GM0397:GM0473', '--period', '2027-Q3']);
    h = r.copy;
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/al vastgesteld \(VV-2027-K3-0397-0473\)/);
    const csv = join(tempDir(), 'raad.csv');
    r = await cliOn(h, ['report', 'cooperation', '--period', '2027-Q3', '--format', 'csv', '--out', csv]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Samenwerking 3e kwartaal 2027 .*hele regio: 30,50 uur geleend, € 2\.451,40/);
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain('Heemstede;Zandvoort;16,50;1526,60');
    expect(text).toContain('Bloemendaal;Heemstede;6,00;0,00');
  });
});
