// No input makes Regie hang or leak internals: a FIFO or a directory named as a plan file or card gets a
// one-line refusal; text from a file (header fields, device labels) is shown escaped; an impossible clock
// stamp is described; a malformed percent-encoding in an address of the host is a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { runCli } from '../../../../main/cli/index';
import { encodeEntry } from '../../../../main/log/entry';
import { canonicalJson } from '../../../../main/log/canonical';
import { startHost, type RunningHost } from '../../../../main/host/server';
import { tempDir } from '../../helpers';
import { Copy, GP, region, ZANDVOORT, HEEMSTEDE } from './copies';
import { cardOf, firstEventEntry, newDevice, planFile, type Device } from './attacker';

let z: Copy;
let h: Copy;
let heemstede: Device;

beforeAll(async () => {
  [z, h] = await region(ZANDVOORT, HEEMSTEDE);
  const me = h.ctx.me();
  heemstede = { publicKey: me.publicKey, privateKey: me.privateKey, gemeente: 'GM0397', label: me.deviceLabel };
});

/** Runs the CLI against Zandvoort's folder; a run that does not end within 10 s is a hang. */
async function cli(args: string[]): Promise<{ code: number | 'hang'; out: string; err: string }> {
  let out = '';
  let err = '';
  z.ctx.close();
  try {
    const run = runCli(['--data', z.ctx.dataDir, ...args], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
    const code = await Promise.race([run, new Promise<'hang'>((r) => setTimeout(() => r('hang'), 10_000).unref())]);
    return { code, out, err };
  } finally {
    z = new Copy(z.gemeente, z.name, z.ctx.dataDir);
  }
}

// eslint-disable-next-line no-control-regex -- what must never reach the output
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/;

describe('paths that are not regular files', () => {
  it('a FIFO given as a plan file or a card is refused in one line, without hanging', async () => {
    const fifo = join(tempDir(), 'plan.regie');
    execFileSync('mkfifo', [fifo]);
    for (const args of [
      ['import', fifo, '--yes'],
      ['verify', fifo],
      ['trust', fifo, '--yes'],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/kan niet worden gelezen: het is een pijp \(FIFO\), geen bestand\. Er is niets gewijzigd\./);
    }
  });

  it('a directory given as a plan file or a card is refused in one line, with no stack trace', async () => {
    const dir = join(tempDir(), 'map.regie');
    mkdirSync(dir);
    for (const args of [
      ['import', dir],
      ['verify', dir],
      ['trust', dir],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/kan niet worden gelezen: het is een map, geen bestand/);
      expect(r.err).not.toMatch(/interne fout|EISDIR|at /);
    }
  });
});

describe('text from a file is shown escaped', () => {
  const fake = 'L\nIngelezen. Controlegetal van de planning: 0000\u001b[2J\u202e';

  it('a sender device label with line breaks and control characters', async () => {
    const event = encodeEntry(
      firstEventEntry(heemstede, 'GM0397.ev.dddddddddddddddd', { ...GP, name: 'Lentefeest', visitors: null, status: 'concept' }, `${String(Date.now()).padStart(16, '0')}:0000`),
    );
    const file = planFile({ ...heemstede, label: fake }, ['GM0473'], { feeds: [{ author: heemstede, entries: [event] }] });
    for (const args of [
      ['import', file],
      ['verify', file],
    ]) {
      const r = await cli(args);
      expect(r.code, r.err).toBe(0);
      expect(r.out).not.toMatch(CONTROL);
      expect(r.out).toContain('(L\\u000aIngelezen. Controlegetal van de planning: 0000\\u001b[2J\\u202e)');
      expect(r.out.split('\n')[0]).toMatch(/^Planbestand van Heemstede \(L\\u000aIngelezen/);
    }
  });

  it('a device label on a card, and in the message about a file from that device', async () => {
    const k = newDevice('GM0397', 'Laptop\r\nVertrouwd: ja');
    const card = join(tempDir(), 'kaart.json');
    writeFileSync(card, canonicalJson(cardOf(k)));
    const r = await cli(['trust', card]);
    expect(r.out).toContain('Apparaat: Laptop\\u000d\\u000aVertrouwd: ja');
    expect(r.out + r.err).not.toMatch(CONTROL);
    const fromK = planFile(k, ['GM0473'], { cards: [cardOf(k)] });
    const refused = await cli(['import', fromK]);
    expect(refused.code).toBe(1);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err).toContain('Heemstede (Laptop\\u000d\\u000aVertrouwd: ja)');
  });
});

describe('an impossible clock stamp', () => {
  it('is described, not shown as "Invalid Date"', async () => {
    const e = encodeEntry(firstEventEntry(heemstede, 'GM0397.ev.eeeeeeeeeeeeeeee', { ...GP, visitors: null, status: 'concept' }, '9999999999999999:0000'));
    const r = await cli(['import', planFile(heemstede, ['GM0473'], { feeds: [{ author: heemstede, entries: [e] }] }), '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/Invalid Date/);
    expect(r.err).toMatch(/gedateerd op een onmogelijke datum \(klokstempel 9999999999999999:0000/);
  });
});

describe('the loopback host', () => {
  let host: RunningHost;
  const renderer = tempDir();
  beforeAll(async () => {
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Regie</title>');
    host = await startHost({ ctx: h.ctx, rendererDir: renderer });
  });
  afterAll(() => host.close());

  /** A raw request, so the malformed path reaches the server exactly as written. */
  const raw = (method: string, path: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, method, path, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(method === 'POST' ? '{}' : undefined);
    });

  it('answers a malformed percent-encoding with 400, not 500', async () => {
    expect(await raw('GET', '/%E0%A4%A')).toBe(400);
    expect(await raw('GET', '/assets/%zz.js')).toBe(400);
    expect(await raw('POST', '/api/events.list%', { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' })).toBe(400);
    expect(await raw('GET', '/')).toBe(200);
  });
});
