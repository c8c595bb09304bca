// The state hash: one digest of the shared state (every shared record, field by field), equal on every
// copy that accepted the same entries. Local-only data (private officer details, settings) is not in it.
//
// It is a multiset hash: the sum of sha256 over all rows, modulo 2^256. A sum does not depend on the order
// rows were written in, and it can be kept current by adding a changed row's new hash and subtracting its
// old one, so asking for it costs nothing even with hundreds of thousands of records.
import { hash } from 'node:crypto';
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { RECORD_TYPES, type RecordType } from './records';
import { isWellFormed } from './canonical';

const MOD = 1n << 256n;

export function hashColumns(type: RecordType): string[] {
  return ['id', type.ownerColumn, 'created', ...Object.values(type.fields).map((f) => f.column)];
}

/**
 * A value as SQLite stores it: the digest must come from exactly what is stored, or two copies that took the
 * same entries in another order (one reading a row back, one computing it) would differ. Text is stored as
 * UTF-8, where a lone surrogate becomes U+FFFD (the entry check refuses such text; this keeps the digest
 * true should any reach a row); booleans are stored as 0 and 1.
 */
function asStored(v: unknown): unknown {
  if (typeof v === 'string') return isWellFormed(v) ? v : v.replace(/\p{Cs}/gu, '\uFFFD');
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v === undefined ? null : v;
}

/** Per table, how many hash columns precede its late fields (see FieldSpec.late); absent when it has none. */
const BEFORE_LATE = new Map<string, number>();
for (const type of Object.values(RECORD_TYPES)) {
  const specs = Object.values(type.fields);
  const first = specs.findIndex((f) => f.late);
  if (first < 0) continue;
  if (specs.slice(first).some((f) => !f.late)) throw new Error(`${type.name}: late fields must come after the others`);
  BEFORE_LATE.set(type.table, 3 + first);
}

/**
 * sha256 of one row (its table and its values in hashColumns order, as stored), as a number. Late fields
 * that are all null are left out, so a row from before they existed has the digest it always had.
 */
export function rowDigest(table: string, values: readonly unknown[]): bigint {
  const cut = BEFORE_LATE.get(table);
  const kept = cut !== undefined && values.slice(cut).every((v) => v === null || v === undefined) ? values.slice(0, cut) : values;
  return BigInt('0x' + hash('sha256', `${table}\n${JSON.stringify(kept.map(asStored))}`, 'hex'));
}

const toHex = (n: bigint) => (((n % MOD) + MOD) % MOD).toString(16).padStart(64, '0');

/** Recomputes the digest from every row: for a first start after the upgrade, and to check the kept one. */
export function recomputeStateHash(db: Db): string {
  let sum = 0n;
  for (const type of Object.values(RECORD_TYPES)) {
    const rows = stmt(db, `SELECT ${hashColumns(type).join(', ')} FROM ${type.table}`)
      .raw()
      .iterate() as IterableIterator<unknown[]>;
    for (const row of rows) sum += rowDigest(type.table, row);
  }
  return toHex(sum);
}

/**
 * Fills the kept digest from the rows when there is none (a new database, or one upgraded from before
 * schema 4). Runs when the database is opened, before anything can change a row.
 */
export function ensureStateDigest(db: Db): void {
  if (stmt(db, "SELECT 1 FROM sqlite_schema WHERE name = 'state_digest'").get() === undefined) return;
  if (stmt(db, 'SELECT 1 FROM state_digest WHERE id = 1').get()) return;
  stmt(db, 'INSERT INTO state_digest (id, digest) VALUES (1, ?)').run(recomputeStateHash(db));
}

function current(db: Db): string {
  const row = stmt(db, 'SELECT digest FROM state_digest WHERE id = 1').get() as { digest: string } | undefined;
  if (!row) throw new Error('state digest missing: the database was not opened with openDatabase');
  return row.digest;
}

export function stateHash(db: Db): string {
  return current(db);
}

/** Adds the change of one or more rows (new minus old digests). Runs inside the caller's transaction. */
export function addToStateHash(db: Db, delta: bigint): void {
  if (delta === 0n) return;
  const next = toHex(BigInt('0x' + current(db)) + delta);
  stmt(db, 'UPDATE state_digest SET digest = ? WHERE id = 1').run(next);
}
