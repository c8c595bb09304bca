// `npm start` where no Electron program can be had: one line says so, and the same app opens in browser mode
// (the loopback host, answering with the printed token). ELECTRON_OVERRIDE_DIST_PATH names an empty folder, so
// this holds on machines that do have Electron too, and no download is tried.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../helpers';

describe('npm start without Electron', () => {
  it('says there is no Electron program and serves the app in browser mode', async () => {
    const data = tempDir();
    const child = spawn(process.execPath, ['scripts/start.mjs', '--data', data, '--port', '0'], {
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(data, 'geen-electron'), REGIE_NO_BROWSER: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within 25 s; output so far:\n${out}`)), 25_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const match = /^Regie: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/m.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`start.mjs ended (${code}) before printing a URL:\n${out}`)));
      });
      const lines = out.split('\n');
      expect(lines[0]).toBe('Regie: geen Electron-programma op deze machine (npx install-electron haalt het op, met internet); Regie start in browsermodus.');
      const { origin, hash } = new URL(url);
      const token = hash.replace('#token=', '');
      const res = await fetch(`${origin}/api/setup.status`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });
      expect(((await res.json()) as { ok: boolean; value: { state: string } }).value.state).toBe('new');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
