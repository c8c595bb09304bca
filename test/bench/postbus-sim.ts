// The postbus at the scale of a region: N gemeenten, each its own data folder and SQLite file, share one
// postbus folder over W weeks of generated work, in one process on a virtual clock. Each week every gemeente
// changes its own events; then rounds run (all write and tidy, then all read) until every copy has the same
// state hash. Reports files and bytes per gemeente per week and the rounds a week's changes take to reach
// everyone: "direct" (every gemeente writes to every partner) and "relay" (each writes only to its two
// neighbours on either side of a ring; changes travel on in the files of the gemeenten in between).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppContext } from '../../main/session/context';
import { dispatch } from '../../main/api/dispatch';
import { stateHash } from '../../main/log/state-hash';
import { prng } from '../../main/domain/derived-id';
import { cleanUp, writeFiles } from '../../main/postbus/writer';
import { readFiles } from '../../main/postbus/reader';
import { GEMEENTEN } from '../../shared/domain/gemeenten';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';

export type Topology = 'direct' | 'relay';

export interface SimOptions {
  gemeenten: number;
  weeks: number;
  topology: Topology;
  seed?: number;
  /** Give up on a week after this many rounds (a failure to converge). */
  maxRounds?: number;
  /** Told after each week: its rounds, and the files and bytes written that week over all gemeenten. */
  onWeek?: (week: { week: number; rounds: number; files: number; bytes: number; seconds: number }) => void;
}

/** Over every (gemeente, week): the middle value, the mean and the largest. */
export interface Stats {
  median: number;
  mean: number;
  max: number;
}

export interface SimResult {
  topology: Topology;
  gemeenten: number;
  weeks: number;
  changes: number;
  converged: boolean;
  finalHash: string;
  /** Per week: rounds until every copy had the week's changes. */
  roundsPerWeek: number[];
  /** Per gemeente per week: files written and their bytes. */
  filesPerGemeenteWeek: Stats;
  bytesPerGemeenteWeek: Stats;
  /** Files in the folder at the end (each gemeente keeps at most its unacknowledged ones). */
  filesLeft: number;
  seconds: number;
}

class Member {
  readonly dir = mkdtempSync(join(tmpdir(), 'regie-sim-'));
  readonly ctx: AppContext;
  events: string[] = [];
  constructor(readonly gemeente: string) {
    this.ctx = new AppContext(this.dir, 'cli', 'sim');
    // The simulation measures what travels, not the disk: no wait for each commit to reach the platter.
    this.ctx.db().pragma('synchronous = OFF');
  }
  async call<K extends MethodName>(name: K, args: MethodInput<K>): Promise<MethodResult<K>> {
    const r = await dispatch(this.ctx, name, args);
    if (!r.ok) throw new Error(`${this.gemeente} ${name}: ${r.error.message}`);
    return r.value as MethodResult<K>;
  }
}

/** A small deterministic generator (mulberry32), so a run can be repeated exactly. */
const random = prng;

const day = (week: number, d: number) => {
  const base = Date.UTC(2027, 0, 4) + (week * 7 + d) * 86_400_000;
  return new Date(base).toISOString().slice(0, 10);
};

export async function simulate(options: SimOptions): Promise<SimResult> {
  const started = Date.now();
  const rnd = random(options.seed ?? 1);
  const box = mkdtempSync(join(tmpdir(), 'regie-sim-postbus-'));
  const codes = GEMEENTEN.slice(0, options.gemeenten).map((g) => g.code);
  const members = codes.map((c) => new Member(c));
  try {
    for (const m of members) await m.call('setup.init', { gemeente: m.gemeente, deviceLabel: `Laptop ${m.gemeente}` });
    const cards = await Promise.all(members.map((m) => m.call('identity.card', {})));
    for (const m of members) {
      for (const [i, other] of members.entries()) {
        if (other === m) continue;
        const info = await m.call('partners.inspectCard', { content: cards[i]!.content });
        await m.call('partners.trust', { content: cards[i]!.content, fingerprint: info.fingerprint });
        m.ctx.db().prepare('INSERT OR IGNORE INTO postbus_auto (gemeente, since) VALUES (?, ?)').run(other.gemeente, new Date(0).toISOString());
      }
    }
    const n = members.length;
    const targetsOf = (i: number): string[][] => {
      if (options.topology === 'direct') return codes.filter((_, j) => j !== i).map((c) => [c]);
      const near = [1, 2, n - 1, n - 2].map((d) => (i + d) % n).filter((j, k, all) => j !== i && all.indexOf(j) === k);
      return near.map((j) => [codes[j]!]);
    };

    let clock = Date.now() + 86_400_000;
    const files = members.map(() => new Array<number>(options.weeks).fill(0));
    const bytes = members.map(() => new Array<number>(options.weeks).fill(0));
    const roundsPerWeek: number[] = [];
    let changes = 0;
    let converged = true;
    const maxRounds = options.maxRounds ?? 4 * n;

    for (let week = 0; week < options.weeks; week++) {
      // The week's work: each gemeente creates an event or moves one of its own (a few changes a week).
      for (const m of members) {
        const count = 1 + Math.floor(rnd() * 3);
        for (let k = 0; k < count; k++) {
          const d = Math.floor(rnd() * 7);
          const fields = { name: `Evenement ${m.gemeente} w${week}-${k}`, place: 'Centrum', start: `${day(week, d)}T10:00`, end: `${day(week, d)}T18:00`, risk: 'A' as const };
          if (m.events.length && rnd() < 0.4) {
            const id = m.events[Math.floor(rnd() * m.events.length)]!;
            await m.call('events.update', { id, fields: { ...fields, name: `${fields.name} (verplaatst)` } });
          } else {
            m.events.push((await m.call('events.create', fields)).id);
          }
          changes++;
        }
      }
      let rounds = 0;
      for (;;) {
        rounds++;
        clock += 3_600_000;
        const now = new Date(clock);
        for (const [i, m] of members.entries()) {
          const written = await writeFiles(m.ctx.db(), m.ctx.me(), box, { now, mode: 'partner', encrypt: false, targets: targetsOf(i) });
          files[i]![week]! += written.length;
          bytes[i]![week]! += written.reduce((s, w) => s + w.bytes, 0);
          await cleanUp(m.ctx.db(), m.ctx.me(), box, now);
        }
        for (const m of members) {
          await readFiles(m.ctx.db(), m.ctx.me(), box, { now, stagingDir: join(m.dir, 'postbus'), settleMs: 0, giveUpMs: 3_600_000 });
        }
        const hashes = new Set(members.map((m) => stateHash(m.ctx.db())));
        if (hashes.size === 1) break;
        if (rounds >= maxRounds) {
          converged = false;
          break;
        }
      }
      roundsPerWeek.push(rounds);
      options.onWeek?.({
        week,
        rounds,
        files: files.reduce((sum, f) => sum + f[week]!, 0),
        bytes: bytes.reduce((sum, b) => sum + b[week]!, 0),
        seconds: (Date.now() - started) / 1000,
      });
      if (!converged) break;
    }
    const flat = (t: number[][]) => t.flat();
    const stats = (v: number[]): Stats => {
      const sorted = [...v].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
      return { median, mean: v.reduce((s, x) => s + x, 0) / v.length, max: sorted.at(-1) ?? 0 };
    };
    const { readdirSync } = await import('node:fs');
    return {
      topology: options.topology,
      gemeenten: n,
      weeks: options.weeks,
      changes,
      converged,
      finalHash: stateHash(members[0]!.ctx.db()),
      roundsPerWeek,
      filesPerGemeenteWeek: stats(flat(files)),
      bytesPerGemeenteWeek: stats(flat(bytes)),
      filesLeft: readdirSync(box).filter((f) => f.endsWith('.regie')).length,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    for (const m of members) {
      m.ctx.close();
      rmSync(m.dir, { recursive: true, force: true });
    }
    rmSync(box, { recursive: true, force: true });
  }
}
