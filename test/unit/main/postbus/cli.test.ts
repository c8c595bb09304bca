// `regie postbus` as a scheduled task would run it: set, auto, run (exit 0 even when files were refused,
// which it lists), status, and watch (a real process, stopped with SIGTERM, writes what changed).
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../../main/cli/index';
import type { Copy } from '../exchange/copies';
import { GP, region, ZANDVOORT, HEEMSTEDE } from '../exchange/copies';
import { tempDir } from '../../helpers';

// Files written a moment ago count as complete (a scheduled task runs minutes apart).
process.env.REGIE_POSTBUS_SETTLE_MS = '0';

async function cli(c: Copy, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  c.ctx.close();
  const code = await runCli(['--data', c.ctx.dataDir, ...args], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  c.ctx.reopen();
  return { code, out, err };
}

describe('regie postbus', () => {
  it('sets the folder, switches automatic import on, runs rounds and lists refused files without failing', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    const box = tempDir('regie-postbus-cli-');
    expect((await cli(z, ['postbus', 'set', box])).out).toMatch(/Postbus: .*een bestand per partner/);
    expect((await cli(h, ['postbus', 'set', box])).code).toBe(0);
    expect((await cli(h, ['postbus', 'auto', 'GM0473', 'aan'])).out).toMatch(/Automatisch inlezen van Zandvoort staat aan/);
    await z.call('events.create', GP);

    const written = await cli(z, ['postbus', 'run']);
    expect(written.code).toBe(0);
    expect(written.out).toMatch(/Geschreven: van-Zandvoort-aan-Heemstede-.*\.regie voor Heemstede \(1 wijziging/);

    writeFileSync(join(box, 'kapot.regie'), Buffer.from('dit is geen planbestand, maar wel lang genoeg om gelezen te worden'));
    const read = await cli(h, ['postbus', 'run']);
    expect(read.code).toBe(0);
    expect(read.out).toMatch(/Ingelezen: van-Zandvoort-aan-Heemstede-/);
    expect(read.out).toMatch(/Geweigerd: kapot\.regie — Dit is geen Regie-planbestand/);
    expect(await h.hash()).toBe(await z.hash());

    const status = await cli(h, ['postbus', 'status']);
    expect(status.out).toMatch(/Zandvoort \(GM0473\): schrijft in de postbus sinds/);
    expect(status.out).toMatch(/automatisch inlezen aan/);
    expect(status.out).toMatch(/kapot\.regie: Dit is geen Regie-planbestand/);
  });

  it('says so and exits 1 when the folder cannot be reached, and refuses a folder that is not there', async () => {
    const [z] = await region(ZANDVOORT, HEEMSTEDE);
    const missing = join(tempDir('regie-weg-'), 'nas');
    const r = await cli(z, ['postbus', 'set', missing]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Map niet bereikbaar/);
    expect((await cli(z, ['postbus', 'run'])).err).toMatch(/nog geen postbus gekozen/);
    expect((await cli(z, ['postbus', 'auto', 'GM0397'])).code).toBe(2);
  });

  it('watch keeps running until stopped, and writes what changed when it stops', async () => {
    const [z] = await region(ZANDVOORT, HEEMSTEDE);
    const box = tempDir('regie-postbus-watch-');
    await cli(z, ['postbus', 'set', box]);
    await z.call('events.create', GP);
    z.ctx.close();
    const child = spawn(process.execPath, ['dist/cli/regie.mjs', '--data', z.ctx.dataDir, 'postbus', 'watch'], {
      env: { ...process.env, REGIE_POSTBUS_QUIET_MS: '3600000', REGIE_POSTBUS_POLL_MS: '200' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await until(() => out.includes('Postbus actief'));
    // Running and watching: the change waits for a quiet hour that has not passed...
    await new Promise((r) => setTimeout(r, 1000));
    expect(child.exitCode).toBeNull();
    expect(out).not.toMatch(/Geschreven/);
    // ...and is written when the process is stopped.
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(0);
    expect(out).toMatch(/Geschreven: van-Zandvoort-aan-Heemstede-/);
    expect(readdirSync(box).filter((n) => n.endsWith('.regie'))).toHaveLength(1);
    z.ctx.reopen();
  });
});

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
