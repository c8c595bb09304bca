// Entries of a revoked device after its cut-off that this copy applied before the revocation arrived: they
// are rejected now and the records they touched are computed again from the entries that stay, so this copy
// ends where a copy that never applied them is (the state is a function of the accepted entries).
import type { Db } from '../../store/db';
import { stmt } from '../../store/statements';
import { withOps, type Entry } from '../../log/entry';
import { applyOp } from '../../log/materialise';
import { recordTypeOf, type RecordType } from '../../log/records';
import { addToStateHash, hashColumns, rowDigest } from '../../log/state-hash';
import { parseHlc } from '../../log/hlc';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { revocationsOf, type Revoked } from './store';
import { REASON_WORDS } from './words';

export interface Undone {
  author: string;
  gemeente: string;
  gemeenteName: string;
  device: string;
  seq: number;
  at: string;
  ops: string[];
  reason: string;
}

export function revokedReason(r: Revoked): string {
  return `het apparaat is door ${gemeenteName(r.gemeente)} ingetrokken (${REASON_WORDS[r.reason as keyof typeof REASON_WORDS] ?? r.reason}); wijzigingen na nr. ${r.after} worden niet aangenomen`;
}

export function wallOf(hlc: string): string {
  const wall = parseHlc(hlc)?.wall;
  return wall === undefined || Number.isNaN(new Date(wall).getTime()) ? '' : new Date(wall).toISOString();
}

/** Entries of revoked devices after their cut-off that are still applied here (what a revocation undoes). */
export function appliedPastCutoff(db: Db, revoked = revocationsOf(db)): { id: string; author: string; entry: Entry; revocation: Revoked }[] {
  const out: { id: string; author: string; entry: Entry; revocation: Revoked }[] = [];
  const select = stmt(db, "SELECT id, bytes FROM entries WHERE author = ? AND seq > ? AND status = 'applied' ORDER BY seq");
  for (const [device, r] of revoked) {
    for (const row of select.all(device, r.after) as { id: string; bytes: Buffer }[]) {
      const e = withOps({ id: row.id, bytes: row.bytes, entry: JSON.parse(row.bytes.toString('utf8')) as Entry });
      out.push({ id: row.id, author: device, entry: e.entry, revocation: r });
    }
  }
  return out;
}

/** Rejects what revocations cut off and recomputes the records involved. Runs in the caller's transaction. */
export function rollbackRevoked(db: Db): Undone[] {
  const past = appliedPastCutoff(db);
  if (past.length === 0) return [];
  const label = stmt(db, 'SELECT device_label AS label FROM authors WHERE public_key = ?');
  const undone: Undone[] = [];
  const records = new Map<string, RecordType>();
  for (const p of past) {
    const reason = revokedReason(p.revocation);
    stmt(db, "UPDATE entries SET status = 'rejected', reason = ? WHERE id = ?").run(reason, p.id);
    for (const op of p.entry.ops) {
      const type = recordTypeOf(op.t)?.type;
      if (type) records.set(op.id, type);
    }
    undone.push({
      author: p.author,
      gemeente: p.entry.gemeente,
      gemeenteName: gemeenteName(p.entry.gemeente),
      device: (label.get(p.author) as { label: string } | undefined)?.label ?? p.author.slice(0, 8),
      seq: p.entry.seq,
      at: wallOf(p.entry.hlc),
      ops: p.entry.ops.map((o) => o.t),
      reason,
    });
  }
  let delta = 0n;
  for (const [id, type] of records) {
    const old = stmt(db, `SELECT ${hashColumns(type).join(', ')} FROM ${type.table} WHERE id = ?`)
      .raw()
      .get(id) as unknown[] | undefined;
    if (old) {
      delta -= rowDigest(type.table, old);
      stmt(db, `DELETE FROM ${type.table} WHERE id = ?`).run(id);
    }
    stmt(db, 'DELETE FROM field_writes WHERE record_id = ?').run(id);
    // Every accepted entry that wrote this record, again (fields are last-writer-wins: any order gives the same row).
    const needle = Buffer.from(`"id":${JSON.stringify(id)}`, 'utf8');
    for (const row of stmt(db, "SELECT bytes FROM entries WHERE status = 'applied' AND instr(bytes, ?) > 0").all(needle) as { bytes: Buffer }[]) {
      const entry = JSON.parse(row.bytes.toString('utf8')) as Entry;
      for (const op of entry.ops) if (op.id === id) delta += applyOp(db, entry, op, false).digestDelta;
    }
  }
  addToStateHash(db, delta);
  return undone;
}
