// app://regie serves the built renderer, with the CSP, and nothing outside its folder.
import { describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { protocol } from './fake-electron';
import { tempDir } from '../../helpers';
import { registerAppScheme, resolveAppFile, respond } from '../../../../main/app/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../../main/host/server';

vi.mock('electron', () => import('./fake-electron'));

function site(): string {
  const dir = tempDir();
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Regie</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'geheim.txt'), 'niet voor de pagina');
  return root;
}

const get = (url: string) => ({ url, method: 'GET' });

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme without opening it to other origins', () => {
    registerAppScheme();
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] ?? [];
    expect(schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the page and its assets with the content security policy', async () => {
    const root = site();
    const page = await respond(root, get('app://regie/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Regie</title>');
    const script = await respond(root, get('app://regie/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await respond(root, get('app://regie/'))).status).toBe(200);
  });

  it('serves nothing outside the renderer folder or for another host', async () => {
    const root = site();
    for (const url of ['app://regie/..%2fgeheim.txt', 'app://regie/%2e%2e/geheim.txt', 'app://regie/assets/..%2f..%2fgeheim.txt', 'app://andere/index.html']) {
      const response = await respond(root, get(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('niet voor de pagina');
    }
    expect(resolveAppFile(root, 'app://regie/..%2fgeheim.txt')).toBeUndefined();
    expect(resolveAppFile(root, 'app://regie/%00')).toBeUndefined();
    expect(resolveAppFile(root, 'app://regie/%E0%A4%A')).toBeUndefined();
  });

  it('refuses other methods, and says in Dutch when the page was not built', async () => {
    const root = site();
    expect((await respond(root, { url: 'app://regie/index.html', method: 'POST' })).status).toBe(405);
    const empty = join(tempDir(), 'renderer');
    const missing = await respond(empty, get('app://regie/index.html'));
    expect(missing.status).toBe(503);
    expect(await missing.text()).toContain('npm run build');
  });
});
