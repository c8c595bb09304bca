// Plan files in browser mode: uploads and downloads through the loopback host, behind the same token and
// origin checks as the api, within the plan-file size limit, and never by a path on this computer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { startHost, type RunningHost } from '../../../../main/host/server';
import { transfersOf, TransferFiles, UploadTooLarge } from '../../../../main/exchange/transfer';
import { LIMITS } from '../../../../main/exchange/format';
import { tempDir } from '../../helpers';
import { Copy, GP } from '../exchange/copies';

let host: RunningHost;
let heemstede: Copy;
let zandvoort: Copy;
const renderer = tempDir();
mkdirSync(renderer, { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Regie</title>');

beforeAll(async () => {
  zandvoort = await new Copy('GM0473', 'Zandvoort').init();
  heemstede = await new Copy('GM0397', 'Heemstede').init();
  await zandvoort.trust(heemstede);
  await heemstede.trust(zandvoort);
  host = await startHost({ ctx: heemstede.ctx, rendererDir: renderer });
});
afterAll(() => host.close());

const base = () => `http://127.0.0.1:${host.port}`;
const auth = () => ({ authorization: `Bearer ${host.token}` });

async function upload(body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = auth()): Promise<Response> {
  return fetch(`${base()}/files`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...headers }, body });
}

async function api(method: string, args: unknown): Promise<{ status: number; body: { ok: boolean; value?: never; error?: { code: string; message: string } } }> {
  const r = await fetch(`${base()}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth() }, body: JSON.stringify(args) });
  return { status: r.status, body: (await r.json()) as never };
}

const transferDir = () => join(heemstede.ctx.dataDir, 'transfer');
const transferFiles = () => (existsSync(transferDir()) ? readdirSync(transferDir()) : []);

describe('POST /files', () => {
  it('takes an upload only with the token and from our own origin, and keeps nothing of a refused one', async () => {
    const before = transferFiles().length;
    const none = await upload(new Uint8Array([1, 2, 3]), {});
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    expect((await upload(new Uint8Array([1, 2, 3]), { authorization: 'Bearer verkeerd' })).status).toBe(401);
    const foreign = await upload(new Uint8Array([1, 2, 3]), { ...auth(), origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(transferFiles().length).toBe(before);
    expect((await fetch(`${base()}/files`, { headers: auth() })).status).toBe(405);
  });

  it('refuses an upload larger than a plan file may be, before reading it', async () => {
    const before = transferFiles().length;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${base()}/files`, {
        method: 'POST',
        headers: { ...auth(), 'content-type': 'application/octet-stream', 'content-length': String(LIMITS.maxFileBytes + 1) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(status).toBe(413);
    expect(transferFiles().length).toBe(before);
  });

  it('stops a streamed upload at the limit and removes what was written', async () => {
    const files = new TransferFiles(tempDir());
    const chunks = Readable.from(
      (function* () {
        for (let i = 0; i < 10; i++) yield Buffer.alloc(1000, i);
      })(),
    );
    await expect(files.receive(chunks, 4500)).rejects.toBeInstanceOf(UploadTooLarge);
    expect(existsSync(files.dir) ? readdirSync(files.dir) : []).toEqual([]);
    const ok = await files.receive(Readable.from([Buffer.from('abc'), Buffer.from('def')]), 4500);
    expect(ok.bytes).toBe(6);
    expect(readFileSync(join(files.dir, `${ok.fileId}.regie`), 'utf8')).toBe('abcdef');
  });

  it('previews and imports an uploaded plan file by its id, then removes the upload', async () => {
    await zandvoort.call('events.create', GP);
    const path = await zandvoort.exportTo([heemstede]);
    const r = await upload(new Uint8Array(readFileSync(path)));
    expect(r.status).toBe(200);
    const { value } = (await r.json()) as { value: { fileId: string; bytes: number } };
    expect(value.fileId).toMatch(/^[0-9a-f]{32}$/);
    expect(transferFiles()).toContain(`${value.fileId}.regie`);
    const hashBefore = await heemstede.hash();

    const verified = await api('exchange.verifyFile', { fileId: value.fileId });
    expect(verified.body).toMatchObject({ ok: true, value: { valid: true, entries: 1, sender: { gemeenteName: 'Zandvoort' } } });
    const preview = await api('exchange.previewFile', { fileId: value.fileId });
    expect(preview.body).toMatchObject({ ok: true, value: { applied: false, sender: { gemeenteName: 'Zandvoort' }, perGemeente: [{ gemeente: 'GM0473', created: 1 }] } });
    expect(await heemstede.hash()).toBe(hashBefore);

    const imported = await api('exchange.importFile', { fileId: value.fileId });
    expect(imported.body).toMatchObject({ ok: true, value: { applied: true } });
    expect((await heemstede.call('events.list', {})).map((e) => e.name)).toContain(GP.name);
    expect(transferFiles()).not.toContain(`${value.fileId}.regie`);
  });

  it('refuses a damaged upload with the reason and changes nothing', async () => {
    await zandvoort.call('events.create', { ...GP, name: 'Kustfestival' });
    const bytes = new Uint8Array(readFileSync(await zandvoort.exportTo([heemstede])));
    bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 0xff;
    const { value } = (await (await upload(bytes)).json()) as { value: { fileId: string } };
    const hashBefore = await heemstede.hash();
    const refused = await api('exchange.previewFile', { fileId: value.fileId });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('bad_file');
    expect(refused.body.error?.message).toMatch(/niets gewijzigd/);
    expect(await heemstede.hash()).toBe(hashBefore);
  });
});

describe('GET /files/<id>', () => {
  it('downloads an export once under its suggested name, with the token only', async () => {
    const made = await api('exchange.exportFile', { to: ['GM0473'], full: false });
    expect(made.body.ok).toBe(true);
    const { fileId, fileName, download } = made.body.value as unknown as { fileId: string; fileName: string; download: boolean };
    expect(download).toBe(true);
    expect(fileName).toMatch(/^regie-Heemstede-aan-Zandvoort-\d{4}-\d{2}-\d{2}-\d{4}(-\d+)?\.regie$/);

    expect((await fetch(`${base()}/files/${fileId}`)).status).toBe(401);
    expect((await fetch(`${base()}/files/${fileId}`, { headers: { ...auth(), origin: 'http://evil.example' } })).status).toBe(403);

    const r = await fetch(`${base()}/files/${fileId}`, { headers: auth() });
    expect(r.status).toBe(200);
    // The plain name for old browsers, and the name in UTF-8 (letters like ö kept) for the others.
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    const body = Buffer.from(await r.arrayBuffer());
    expect(body.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    // The partner can read what was downloaded.
    const path = join(tempDir(), fileName);
    writeFileSync(path, body);
    expect(await zandvoort.call('exchange.verify', { path })).toMatchObject({ valid: true, sender: { gemeenteName: 'Heemstede' } });
    // Downloaded once, then gone from the transfer folder.
    expect((await fetch(`${base()}/files/${fileId}`, { headers: auth() })).status).toBe(404);
  });

  it('answers 404 for unknown ids and for anything that looks like a path', async () => {
    for (const id of ['0123456789abcdef0123456789abcdef', '..%2F..%2Fregie.db', '%2Fetc%2Fpasswd', 'regie.db']) {
      const r = await fetch(`${base()}/files/${id}`, { headers: auth() });
      expect(r.status).toBe(404);
    }
    expect((await api('exchange.previewFile', { fileId: '/etc/passwd' })).body.error?.code).toBe('not_found');
    expect((await api('exchange.importFile', { fileId: join(heemstede.ctx.dataDir, 'regie.db') })).body.error?.code).toBe('not_found');
  });
});

describe('paths over the host', () => {
  it('refuses the path-taking methods: a page never names a path on this computer', async () => {
    for (const [method, args] of [
      ['exchange.export', { to: ['GM0473'], full: false, path: '/tmp/uit.regie' }],
      ['exchange.import', { path: '/tmp/in.regie' }],
      ['exchange.preview', { path: '/tmp/in.regie' }],
      ['exchange.verify', { path: '/tmp/in.regie' }],
    ] as const) {
      const r = await api(method, args);
      expect(r.status).toBe(403);
      expect(r.body.error?.code).toBe('refused');
    }
    expect(existsSync('/tmp/uit.regie')).toBe(false);
  });
});

describe('clean-up', () => {
  it('removes transfer files older than a day and keeps newer ones', async () => {
    const files = transfersOf({ dataDir: tempDir() });
    const old = await files.receive(Readable.from([Buffer.from('oud')]));
    const fresh = await files.receive(Readable.from([Buffer.from('nieuw')]));
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(join(files.dir, `${old.fileId}.regie`), twoDaysAgo, twoDaysAgo);
    expect(await files.sweep()).toBe(1);
    expect(readdirSync(files.dir)).toEqual([`${fresh.fileId}.regie`]);
  });
});
