// A large import's second pass prepares create ops in its worker (the new row, its stamps and its digest) and
// the importing thread inserts them as prepared. Applied that way, a copy ends with the same rows, the same
// effects and the same state hash as one that applies every op itself, also where records exist already.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/log/open';
import { decodeEntry, type Entry } from '../../../../main/log/entry';
import { applyOp, applyPrepared, prepareCreates } from '../../../../main/log/materialise';
import { recomputeStateHash } from '../../../../main/log/state-hash';
import { RECORD_TYPES } from '../../../../main/log/records';
import type { Db } from '../../../../main/store/db';
import { tempDir } from '../../helpers';
import { GP, region, ZANDVOORT } from '../exchange/copies';

type Effect = ReturnType<typeof applyOp>;
const brief = (e: Effect): [string, string, string, string, bigint] => [e.type, e.id, e.owner, e.kind, e.digestDelta];

function rows(db: Db): unknown[] {
  const tables = [...new Set(Object.values(RECORD_TYPES).map((t) => t.table))].sort();
  return tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY id`).raw().all());
}

describe('prepared create ops', () => {
  it('apply to the same rows, effects and state hash as applying each op, also where a record exists already', async () => {
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

    const viaEach: ReturnType<typeof brief>[] = [];
    const viaPrepared: ReturnType<typeof brief>[] = [];
    let preparedEntries = 0;
    each.transaction(() => {
      for (const e of entries) for (const op of e.ops) viaEach.push(brief(applyOp(each, e, op, false)));
    })();
    prepared.transaction(() => {
      for (const e of entries) {
        const values: unknown[] = [];
        if (prepareCreates(e, values)) {
          preparedEntries++;
          applyPrepared(
            prepared,
            { values, at: 0 },
            (): Entry => e,
            (effect) => viaPrepared.push(brief(effect)),
          );
        } else for (const op of e.ops) viaPrepared.push(brief(applyOp(prepared, e, op, false)));
      }
    })();
    expect(preparedEntries).toBe(creates.length);
    expect(viaPrepared).toEqual(viaEach);
    // The earlier creates came again: applied as usual (unchanged), not inserted twice.
    expect(viaPrepared.filter((e) => e[3] === 'unchanged').length).toBeGreaterThan(0);
    expect(rows(prepared)).toEqual(rows(each));
    expect(recomputeStateHash(prepared)).toBe(recomputeStateHash(each));
    each.close();
    prepared.close();
  }, 180_000);

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
