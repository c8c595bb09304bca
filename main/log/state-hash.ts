// The state hash: one digest of the shared state (every shared record, field by field), equal on every
// copy that accepted the same entries. Local-only data (private officer details, settings) is not in it.
import { createHash } from 'node:crypto';
import type { Db } from '../store/db';
import { canonicalJson } from './canonical';
import { SHARED_TABLES } from './materialise';

export function stateHash(db: Db): string {
  const hash = createHash('sha256');
  for (const { table, type } of SHARED_TABLES) {
    const columns = ['id', type.ownerColumn, 'created', ...Object.values(type.fields).map((f) => f.column)];
    hash.update(`table ${table}\n`);
    const rows = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY id`).raw().iterate() as IterableIterator<unknown[]>;
    for (const row of rows) hash.update(canonicalJson(row) + '\n');
  }
  return hash.digest('hex');
}
