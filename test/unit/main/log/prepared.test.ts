// A large import's second pass prepares create ops in its worker (the new row, its stamps, and the sum of the
// rows' digests) and the importing thread inserts them as prepared. Applied that way, a copy ends with the same rows, the same
// effects and the same state hash as one that applies every op itself, also where records exist already.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/log/open';
import { decodeEntry, type Entry } from '../../../../main/log/entry';
import { applyOp, applyPrepared, preparedDigest, prepareCreates } from '../../../../main/log/materialise';
import { recomputeStateHash } from '../../../../main/log/state-hash';
import { RECORD_TYPES } from '../../../../main/log/records';
import type { Db } from '../../../../main/store/db';
import { tempDir } from '../../helpers';
import { GP, region, ZANDVOORT } from '../exchange/copies';
import { decodeSlice, preparedDigestAt } from '../../../../main/exchange/decode';

type Effect = ReturnType<typeof applyOp>;
const brief = (e: Omit<Effect, 'digestDelta'>): [string, string, string, string] => [e.type, e.id, e.owner, e.kind];

/** An entry's ops applied one by one: their effects, and what they changed in the state digest. */
function applyEach(db: Db, e: Entry): [ReturnType<typeof brief>[], bigint] {
  const effects = e.ops.map((op) => applyOp(db, e, op, false));
  return [
    effects.map(brief),
    BigInt.asUintN(
      256,
      effects.reduce((sum, f) => sum + f.digestDelta, 0n),
    ),
  ];
}

function rows(db: Db): unknown[] {
  const tables = [...new Set(Object.values(RECORD_TYPES).map((t) => t.table))].sort();
  return tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY id`).raw().all());
}

describe('prepared create ops', () => {
  it.each([
    ["computing the rows' digests itself", false],
    ['taking their sum as the decoder computed it', true],
  ])(
    'apply to the same rows, effects and state hash as applying each op, also where a record exists already (%s)',
    async (_, withDigest) => {
      const [z] = await region(ZANDVOORT);
      for (let week = 0; week < 2; week++) await z.call('demo.generate', { seed: 70 + week, scale: 'week' });
      const event = await z.call('events.create', GP);
      await z.call('events.update', { id: event.id, fields: { ...GP, name: 'Anders genoemd' } });
      const entries = (z.ctx.db().prepare('SELECT bytes FROM entries ORDER BY rowid').all() as { bytes: Buffer }[]).map((r) => decodeEntry(r.bytes).entry);
      const creates = entries.filter((e) => e.ops.every((op) => op.t.endsWith('.create')));
      expect(creates.length).toBeGreaterThan(50);
      expect(entries.length).toBeGreaterThan(creates.length);

      const fresh = (name: string) => openDatabase(join(tempDir(), `${name}.db`), { check: 'none' });
      const each = fresh('each');
      const prepared = fresh('prepared');
      // Some records are there already where the prepared ops arrive: those are applied as usual.
      const early = creates.slice(0, 10);
      for (const db of [each, prepared]) for (const e of early) for (const op of e.ops) applyOp(db, e, op, false);

      // Per entry: its effects and what it changed in the state digest.
      const viaEach: [ReturnType<typeof brief>[], bigint][] = [];
      const viaPrepared: [ReturnType<typeof brief>[], bigint][] = [];
      let preparedEntries = 0;
      each.transaction(() => {
        for (const e of entries) viaEach.push(applyEach(each, e));
      })();
      prepared.transaction(() => {
        for (const e of entries) {
          const values: unknown[] = ['before'];
          if (prepareCreates(e, values)) {
            preparedEntries++;
            const effects: ReturnType<typeof brief>[] = [];
            const ops = { values, at: 1, ...(withDigest ? { digest: preparedDigest(values, 1) } : {}) };
            const delta = applyPrepared(
              prepared,
              ops,
              (): Entry => e,
              (effect) => effects.push(brief(effect)),
            );
            viaPrepared.push([effects, BigInt.asUintN(256, delta)]);
          } else viaPrepared.push(applyEach(prepared, e));
        }
      })();
      expect(preparedEntries).toBe(creates.length);
      expect(viaPrepared).toEqual(viaEach);
      // The earlier creates came again: applied as usual (unchanged, nothing added to the digest), not inserted twice.
      const again = viaPrepared.filter(([effects]) => effects.some((f) => f[3] === 'unchanged'));
      expect(again.length).toBeGreaterThan(0);
      expect(again.every(([, delta]) => delta === 0n)).toBe(true);
      expect(rows(prepared)).toEqual(rows(each));
      expect(recomputeStateHash(prepared)).toBe(recomputeStateHash(each));
      each.close();
      prepared.close();
    },
    180_000,
  );

  it("a slice decoded with digests carries each prepared entry's sum of row digests; without, the importer computes them", async () => {
    const [z] = await region(ZANDVOORT);
    await z.call('demo.generate', { seed: 71, scale: 'week' });
    const lines = (z.ctx.db().prepare('SELECT bytes FROM entries ORDER BY rowid').all() as { bytes: Buffer }[]).map((r) => r.bytes);
    const data = Buffer.concat(lines);
    const ends = new Uint32Array(lines.length);
    lines.reduce((at, l, i) => (ends[i] = at + l.length), 0);

    const withDigests = decodeSlice(data, ends, 'with digests');
    const without = decodeSlice(data, ends, true);
    if (!('entries' in withDigests) || !withDigests.prepared || !('entries' in without) || !without.prepared) throw new Error('the slice did not decode');
    const prepared = withDigests.prepared;
    const starts = [...prepared.at].map((at, i) => [at, i] as const).filter(([at]) => at >= 0);
    expect(starts.length).toBeGreaterThan(100);
    for (const [at, i] of starts) {
      expect(preparedDigestAt(prepared, i)).toBe(preparedDigest(prepared.values, at));
      expect(preparedDigestAt(without.prepared, i)).toBeUndefined();
    }
    // The same rows either way; only who digests them differs.
    expect(without.prepared.values).toEqual(prepared.values);
    expect([...without.prepared.at]).toEqual([...prepared.at]);
  }, 60_000);

  it('prepares nothing for an entry with an op that is not a create', () => {
    const entry = {
      v: 1,
      author: 'x',
      gemeente: 'GM0473',
      seq: 1,
      prev: null,
      hlc: '0001764213459911:0000',
      ops: [{ t: 'event.update', id: 'GM0473.ev.abcdefghijklmnop', set: { name: 'X' } }],
    } as Entry;
    const values: unknown[] = ['kept'];
    expect(prepareCreates(entry, values)).toBe(false);
    expect(values).toEqual(['kept']);
  });
});
