import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../../../../main/host/server';
import { newContext, tempDir } from '../../helpers';

let host: RunningHost;
const renderer = tempDir();
mkdirSync(renderer, { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Regie</title>');

beforeAll(async () => {
  host = await startHost({ ctx: newContext(), rendererDir: renderer });
});
afterAll(() => host.close());

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, ...headers },
    body: JSON.stringify(body),
  });

describe('loopback host', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
  });

  it('answers api calls that carry the token', async () => {
    const r = await api('setup.status', {});
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true, value: { state: 'new' } });
  });

  it('refuses calls without the token, with a wrong one, or from another origin', async () => {
    const none = await fetch(`http://127.0.0.1:${host.port}/api/setup.status`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    expect((await api('setup.status', {}, { authorization: 'Bearer wrong' })).status).toBe(401);
    const foreign = await api('setup.status', {}, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('refuses unknown methods and wrong argument types with {code, message}', async () => {
    const unknown = await api('events.explode', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_method', message: expect.any(String) } });
    const wrong = await api('events.get', { id: ['x'] });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('serves the renderer with a strict content security policy', async () => {
    const r = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const escape = await fetch(`http://127.0.0.1:${host.port}/..%2f..%2fetc%2fpasswd`);
    expect(escape.status).toBe(404);
  });
});
