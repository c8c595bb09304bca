import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cli } from './run-cli';
import { GRAND_PRIX, tempDir } from '../../helpers';
import { regieProcess } from '../../regie-process';

describe('regie CLI', () => {
  it('calls api methods and prints JSON', async () => {
    const dir = tempDir();
    const init = await cli('--data', dir, 'call', 'setup.init', JSON.stringify({ gemeente: 'GM0377', deviceLabel: 'Bloemendaal laptop' }));
    expect(init.code).toBe(0);
    expect(JSON.parse(init.out)).toMatchObject({ gemeente: 'GM0377', gemeenteName: 'Bloemendaal' });
    expect((await cli('--data', dir, 'call', 'events.create', JSON.stringify(GRAND_PRIX))).code).toBe(0);
    const list = await cli('--data', dir, 'call', 'events.list');
    expect(JSON.parse(list.out)).toHaveLength(1);
  });

  it('lists every method with the JSON schema of its argument', async () => {
    const r = await cli('methods');
    const listing = JSON.parse(r.out) as Record<string, { argument: { properties?: Record<string, unknown> } }>;
    expect(Object.keys(listing)).toContain('events.create');
    expect(Object.keys(listing['events.create']!.argument.properties ?? {})).toEqual(expect.arrayContaining(['name', 'place', 'start', 'end', 'risk']));
  });

  it('exits 1 with one line on a refused call, 2 on a usage error', async () => {
    const dir = tempDir();
    const refused = await cli('--data', dir, 'call', 'events.get', '{"id": 5}');
    expect(refused.code).toBe(1);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err).toMatch(/^regie: invalid_argument: /);
    expect((await cli('--data', dir, 'call', 'no.such')).code).toBe(1);
    expect((await cli('--data', dir, 'call', 'events.list', '{not json')).code).toBe(2);
    expect((await cli('--data', dir, 'frobnicate')).code).toBe(2);
    expect((await cli()).code).toBe(2);
  });

  it('works as the real command with exit codes', () => {
    const dir = tempDir();
    const run = (...args: string[]) => regieProcess(args);
    const ok = run('--data', dir, 'call', 'setup.status');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ state: 'new' });
    const bad = run('--data', dir, 'call', 'events.create', '{"name": 1}');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/invalid_argument/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(run('--data', dir, 'call').status).toBe(2);
  });

  it('runs to its end and exits quietly when the program reading its output stops early', async () => {
    const dir = tempDir();
    // As `regie call … | head`: the reading end of its output is closed before the command prints.
    const piped = (...args: string[]) =>
      new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['dist/cli/regie.mjs', '--data', dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.destroy();
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (status) => resolve({ status, stderr }));
      });
    const init = await piped('call', 'setup.init', JSON.stringify({ gemeente: 'GM0377', deviceLabel: 'Bloemendaal laptop' }));
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    // The command ran to its end: the copy is set up.
    expect(JSON.parse(regieProcess(['--data', dir, 'call', 'setup.status']).stdout)).toMatchObject({ state: 'ready' });
    // A command that fails still says why and exits with its code.
    const bad = await piped('call', 'events.create', '{"name": 1}');
    expect(bad.stderr).toMatch(/invalid_argument/);
    expect(bad.status).toBe(1);
  });
});
