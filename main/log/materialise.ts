// Applies accepted entries to the state tables and reports what each op changed (for previews and audit).
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { parseRecordId } from '../../shared/domain/ids';
import { stamp } from './hlc';
import type { Entry, Op, PreparedOps } from './entry';
import { RECORD_TYPES, recordTypeOf, type RecordType } from './records';
import { hashColumns, rowDigest } from './state-hash';
import { oneStamp, readStamps, writeStamps } from './stamps';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface OpEffect {
  type: string;
  id: string;
  owner: string;
  /** created: the record is new here; changed: some fields took the op's value; unchanged: newer values won. */
  kind: 'created' | 'changed' | 'unchanged';
  changes: FieldChange[];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Why an op may not be applied, or undefined when its author may make it and its values are well-formed. */
export function checkOp(entry: Entry, op: Op): string | undefined {
  const resolved = recordTypeOf(op.t);
  if (!resolved) return `onbekende bewerking "${op.t}"`;
  const { type, action } = resolved;
  if (action !== 'create' && action !== 'update') return `onbekende bewerking "${op.t}"`;
  const id = parseRecordId(op.id);
  if (!id || id.tag !== type.tag) return `ongeldige sleutel "${op.id}" voor ${type.name}`;
  if (id.owner !== entry.gemeente) return `${entry.gemeente} mag ${type.name} ${op.id} van ${id.owner} niet wijzigen`;
  const set = op.set;
  if (!isPlainObject(set)) return `bewerking ${op.t} zonder waarden`;
  // Plain loops: this runs for every op of a plan file.
  for (const field in set) {
    const spec = Object.hasOwn(type.fields, field) ? type.fields[field] : undefined;
    if (!spec) return `onbekend veld "${field}" in ${op.t}`;
    const value = set[field];
    if (!(spec.test ? spec.test(value) : spec.schema.safeParse(value).success)) return `ongeldige waarde voor ${field} in ${op.t}`;
  }
  if (action === 'update' && type.immutable) return type.immutable;
  if (action === 'create') {
    for (const f of type.required) {
      if (!(f in set)) return `${op.t} mist ${type.required.filter((r) => !(r in set)).join(', ')}`;
    }
  } else if (op.base !== undefined) {
    if (!isPlainObject(op.base) || Object.values(op.base).some((b) => b !== null && typeof b !== 'string')) return `ongeldige basis in ${op.t}`;
  }
  return type.check?.(id.owner, set, op.id);
}

/**
 * The column value of a field. JSON fields are stored as the JSON text of the value: values come from
 * canonical entry bytes (keys already sorted), so JSON.stringify gives the canonical text, equal everywhere.
 */
export function toColumn(spec: { json?: boolean }, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (spec.json) return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

interface TypeSql {
  columns: string[];
  select: string;
  insert: string;
  insertNew: string;
  fieldIndex: Map<string, number>;
}
const typeSql = new Map<string, TypeSql>();

function sqlFor(type: RecordType): TypeSql {
  let t = typeSql.get(type.name);
  if (!t) {
    const columns = hashColumns(type);
    t = {
      columns,
      select: `SELECT ${columns.join(', ')}, stamps FROM ${type.table} WHERE id = ?`,
      insert: `INSERT INTO ${type.table} (${columns.join(', ')}, stamps) VALUES (${columns.map(() => '?').join(', ')}, ?)`,
      insertNew: `INSERT INTO ${type.table} (${columns.join(', ')}, stamps) VALUES (${columns.map(() => '?').join(', ')}, ?) ON CONFLICT (id) DO NOTHING`,
      fieldIndex: new Map(Object.entries(type.fields).map(([f, spec]) => [f, columns.indexOf(spec.column)])),
    };
    typeSql.set(type.name, t);
  }
  return t;
}

/** The row a create op makes where the record is new: its values in hashColumns order, then its stamps. */
function freshRow(type: RecordType, sql: TypeSql, entry: Pick<Entry, 'hlc' | 'author'>, op: Op, owner: string, changes: FieldChange[] | undefined): unknown[] {
  const n = sql.columns.length;
  const fresh: unknown[] = [op.id, owner, 1];
  for (let i = 3; i < n; i++) fresh.push(null);
  const set = op.set as Record<string, unknown>;
  const fields = Object.keys(set);
  for (const field of fields) {
    const i = sql.fieldIndex.get(field)!;
    fresh[i] = toColumn(type.fields[field]!, set[field]);
    if (changes && fresh[i] !== null) changes.push({ field, from: null, to: fresh[i] });
  }
  fresh.push(oneStamp(stamp(entry.hlc, entry.author), fields));
  return fresh;
}

/**
 * An entry's ops prepared for applying where their records are new (a large import's second pass prepares
 * them in its worker, beside the thread that applies): flat, [op count, then per op: type name, the row's
 * values and stamps], or undefined when an op is not a create (then applied as usual). Only for checked ops
 * (checkOp found no problem). The row's digest is left to the applying thread, which has time to spare
 * while the worker decodes (and a digest would cost more to post than to compute there).
 */
export function prepareCreates(entry: Entry, into: unknown[]): boolean {
  const start = into.length;
  into.push(entry.ops.length);
  for (const op of entry.ops) {
    const resolved = recordTypeOf(op.t);
    if (resolved?.action !== 'create') {
      into.length = start;
      return false;
    }
    const { type } = resolved;
    const sql = sqlFor(type);
    const row = freshRow(type, sql, entry, op, parseRecordId(op.id)!.owner, undefined);
    into.push(type.name);
    for (let i = 0; i < row.length; i++) into.push(row[i]);
  }
  return true;
}

/** Each row prepareCreates wrote at `at`, in order: its type, its SQL, a copy of its values and stamps, its op's index. */
function eachPreparedRow(values: readonly unknown[], at: number, visit: (type: RecordType, sql: TypeSql, row: unknown[], k: number) => void): void {
  const n = values[at++] as number;
  for (let k = 0; k < n; k++) {
    const type = RECORD_TYPES[values[at] as string]!;
    const sql = sqlFor(type);
    visit(type, sql, values.slice(at + 1, at + 2 + sql.columns.length), k);
    at += 2 + sql.columns.length;
  }
}

/**
 * What the rows prepareCreates prepared at `at` add to the state digest when all of them are new: the sum of
 * their digests, modulo 2^256 (a decode worker computes it, while the importing thread writes).
 */
export function preparedDigest(values: readonly unknown[], at: number): bigint {
  let sum = 0n;
  eachPreparedRow(values, at, (type, _sql, row) => {
    row.pop();
    sum += rowDigest(type.table, row);
  });
  return BigInt.asUintN(256, sum);
}

/**
 * Applies an entry's prepared create ops: each row inserted as prepared where its record is new, else the op
 * applied as usual (applyOp, with the entry's ops from `full`); the same effects as applyOp. Returns what the
 * entry changes in the state digest: `prepared.digest` (preparedDigest, when the decoder computed it)
 * corrected for the rows that were not new, or the rows' digests computed here.
 */
export function applyPrepared(db: Db, prepared: PreparedOps, full: () => Entry, onEffect: (effect: OpEffect) => void): bigint {
  const known = prepared.digest;
  let delta = known ?? 0n;
  eachPreparedRow(prepared.values, prepared.at, (type, sql, row, k) => {
    const created = stmt(db, sql.insertNew).run(row).changes === 1;
    row.pop();
    if (created) {
      onEffect({ type: type.name, id: row[0] as string, owner: row[1] as string, kind: 'created', changes: [] });
      if (known === undefined) delta += rowDigest(type.table, row);
    } else {
      // The record is there already: not new after all, so its row's digest is not part of the change.
      if (known !== undefined) delta -= rowDigest(type.table, row);
      const entry = full();
      const effect = applyOp(db, entry, entry.ops[k]!, false);
      delta += effect.digestDelta;
      onEffect(effect);
    }
  });
  return delta;
}

/**
 * Applies one checked op. Field by field, the higher (hlc, author) stamp wins, whatever the arrival order.
 * Returns what changed and the change of the state digest (new row digest minus old).
 */
export function applyOp(db: Db, entry: Entry, op: Op, detail = true): OpEffect & { digestDelta: bigint } {
  const { type, action } = recordTypeOf(op.t)!;
  const sql = sqlFor(type);
  const owner = parseRecordId(op.id)!.owner;
  const s = stamp(entry.hlc, entry.author);
  const set = op.set as Record<string, unknown>;
  // Most ops of a large import create records this copy has never seen: try the insert first and only
  // read the row when it exists already (one statement instead of two for the common case).
  if (action === 'create') {
    const changes: FieldChange[] = [];
    const fresh = freshRow(type, sql, entry, op, owner, detail ? changes : undefined);
    if (stmt(db, sql.insertNew).run(fresh).changes === 1) {
      fresh.pop();
      return { type: type.name, id: op.id, owner, kind: 'created', changes, digestDelta: rowDigest(type.table, fresh) };
    }
  }
  const found = stmt(db, sql.select).raw().get(op.id) as unknown[] | undefined;
  const old = found ? found.slice(0, -1) : undefined;
  const row: unknown[] = old ? [...old] : [op.id, owner, 0, ...Array<unknown>(sql.columns.length - 3).fill(null)];
  const stamps = found ? readStamps(found.at(-1) as string) : {};
  const existed = old !== undefined && old[2] === 1;
  const changes: FieldChange[] = [];
  const updated: string[] = [];
  if (action === 'update') {
    const base = (isPlainObject(op.base) ? op.base : {}) as Record<string, string | null>;
    const recordWrite = stmt(db, 'INSERT OR IGNORE INTO field_writes (record_id, field, stamp, base, author, value) VALUES (?, ?, ?, ?, ?, ?)');
    for (const field of Object.keys(set)) recordWrite.run(op.id, field, s, base[field] ?? null, entry.author, JSON.stringify(set[field] ?? null));
  }
  for (const field of Object.keys(set)) {
    const current = stamps[field];
    if (current !== undefined && current >= s) continue;
    stamps[field] = s;
    const i = sql.fieldIndex.get(field)!;
    const to = toColumn(type.fields[field]!, set[field]);
    if (row[i] !== to) changes.push({ field, from: row[i] ?? null, to });
    row[i] = to;
    updated.push(field);
  }
  const becomesCreated = action === 'create' && !existed;
  if (becomesCreated) row[2] = 1;
  if (!old) {
    stmt(db, sql.insert).run(...row, writeStamps(stamps));
  } else if (updated.length || becomesCreated) {
    const assignments = updated.map((f) => `${type.fields[f]!.column} = ?`);
    if (becomesCreated) assignments.push('created = 1');
    const result = stmt(db, `UPDATE ${type.table} SET ${assignments.join(', ')}, stamps = ? WHERE id = ?`).run(...updated.map((f) => row[sql.fieldIndex.get(f)!]), writeStamps(stamps), op.id);
    if (result.changes !== 1) throw new Error(`applyOp: expected to update one ${type.name} row, updated ${result.changes}`);
  }
  const digestDelta = old && !updated.length && !becomesCreated ? 0n : rowDigest(type.table, row) - (old ? rowDigest(type.table, old) : 0n);
  const kind = becomesCreated ? 'created' : changes.length > 0 ? 'changed' : 'unchanged';
  return { type: type.name, id: op.id, owner, kind, changes, digestDelta };
}
