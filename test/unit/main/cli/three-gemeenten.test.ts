// End to end through the real `regie` command: Zandvoort, Heemstede and Bloemendaal trust each other and
// exchange only in a ring (A->B, B->C, C->A, twice); all three end with the same plan.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../../helpers';
import { regieProcess } from '../../regie-process';

const root = tempDir('regie-ring-');

function regie(name: string, ...args: string[]): string {
  const r = regieProcess(['--data', join(root, name), ...args]);
  if (r.status !== 0) throw new Error(`regie ${args.join(' ')} (${name}) exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

describe('three gemeenten exchanging in a ring through the CLI', () => {
  it('converge', () => {
    const ring = [
      { name: 'zandvoort', code: 'GM0473' },
      { name: 'heemstede', code: 'GM0397' },
      { name: 'bloemendaal', code: 'GM0377' },
    ];
    for (const g of ring) {
      expect(regie(g.name, 'init', '--gemeente', g.code, '--device', `Laptop ${g.name}`)).toMatch(/Vingerafdruk: \d{5}( \d{5}){5}/);
      regie(g.name, 'card', '--out', join(root, `${g.name}.json`));
    }
    for (const a of ring) for (const b of ring) if (a !== b) expect(regie(a.name, 'trust', join(root, `${b.name}.json`), '--yes')).toMatch(/vertrouwde partner/);
    ring.forEach((g, i) => regie(g.name, 'demo', '--seed', String(10 + i)));

    let n = 0;
    for (let round = 0; round < 2; round++) {
      ring.forEach((from, i) => {
        const to = ring[(i + 1) % 3]!;
        const file = join(root, `ring-${n++}.regie`);
        regie(from.name, 'export', '--to', to.code, '--out', file);
        expect(regie(to.name, 'verify', file)).toMatch(/Geldig/);
        const preview = regie(to.name, 'import', file, '--json');
        expect(JSON.parse(preview)).toMatchObject({ applied: false });
        expect(regie(to.name, 'import', file, '--yes')).toMatch(/Ingelezen/);
      });
    }
    const hashes = ring.map((g) => regie(g.name, 'state-hash').trim());
    expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(hashes).size).toBe(1);
    const events = JSON.parse(regie('zandvoort', 'call', 'events.list')) as { host: string }[];
    expect(new Set(events.map((e) => e.host))).toEqual(new Set(['GM0473', 'GM0397', 'GM0377']));
  }, 400_000); // About 45 real `regie` processes: 27 s on a quiet machine, up to 270 s measured at load 20.
});
