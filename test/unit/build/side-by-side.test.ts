// How `npm test` runs its checks side by side (scripts/side-by-side.mjs): real processes, at most `width` at a
// time, each one's output whole and in the order given whatever the order they end in, and each status kept.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runSideBySide } from '../../../scripts/side-by-side.mjs';
import { tempDir } from '../helpers';

/** A job that runs `source` in this Node. */
const job = (title: string, source: string) => ({ title, file: process.execPath, args: ['-e', source] });

describe('checks run side by side', () => {
  it('runs two at a time: the first waits for the second to start, and all three end', async () => {
    const dir = tempDir('regie-side-');
    const mark = (name: string) => JSON.stringify(join(dir, name));
    // The first job ends only once the second has started: run one at a time, it would wait in vain.
    const waitsForSecond = `
      const { existsSync } = require('node:fs');
      const until = Date.now() + 20000;
      const poll = () => existsSync(${mark('second')}) ? (console.log('first saw second'), process.exit(0)) : Date.now() > until ? (console.log('alone'), process.exit(3)) : setTimeout(poll, 20);
      poll();`;
    const second = `require('node:fs').writeFileSync(${mark('second')}, ''); console.log('second');`;
    const third = `console.log('third')`;
    const written: string[] = [];
    const codes = await runSideBySide([job('een', waitsForSecond), job('twee', second), job('drie', third)], { width: 2, write: (t) => written.push(t) });
    expect(codes).toEqual([0, 0, 0]);
    expect(existsSync(join(dir, 'second'))).toBe(true);
    const text = written.join('');
    expect(text).toContain('first saw second');
    expect(text.indexOf('=== een')).toBeLessThan(text.indexOf('=== twee'));
    expect(text.indexOf('=== twee')).toBeLessThan(text.indexOf('=== drie'));
  }, 60_000);

  it('prints each output whole under its own title, in the order given, and keeps each status', async () => {
    const written: string[] = [];
    // The first is slow and fails; the second ends long before it, with output on stdout and stderr.
    const codes = await runSideBySide([job('langzaam', `setTimeout(() => { console.log('a1'); console.error('a2'); process.exit(2); }, 300)`), job('snel', `console.log('b1'); console.error('b2')`)], {
      width: 2,
      priority: [0, 1],
      write: (t) => written.push(t),
    });
    expect(codes).toEqual([2, 0]);
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^\n=== langzaam \(\d+\.\d s\)\n/);
    expect(written[0]).toContain('a1\n');
    expect(written[0]).toContain('a2\n');
    expect(written[1]).toMatch(/^\n=== snel \(\d+\.\d s\)\n/);
    expect(written[1]).toContain('b1\n');
    expect(written[1]).toContain('b2\n');
  }, 60_000);

  it('runs one at a time when the width is one, and a job that cannot start fails with the reason', async () => {
    const written: string[] = [];
    const codes = await runSideBySide([job('een', `console.log('1')`), { title: 'bestaat niet', file: '/nonexistent/regie-tool', args: [] }], { width: 1, write: (t) => written.push(t) });
    expect(codes).toEqual([0, 1]);
    expect(written[1]).toMatch(/ENOENT/);
  }, 60_000);
});
