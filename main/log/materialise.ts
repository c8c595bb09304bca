// Applies accepted entries to the state tables and reports what each op changed (for previews and audit).
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { parseRecordId } from '../../shared/domain/ids';
import { stamp } from './hlc';
import type { Entry, Op } from './entry';
import { canonicalJson } from './canonical';
import { RECORD_TYPES, recordTypeOf } from './records';

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
  for (const [field, value] of Object.entries(set)) {
    const spec = type.fields[field];
    if (!spec) return `onbekend veld "${field}" in ${op.t}`;
    if (!spec.schema.safeParse(value).success) return `ongeldige waarde voor ${field} in ${op.t}`;
  }
  if (action === 'create') {
    const missing = type.required.filter((f) => !(f in set));
    if (missing.length) return `${op.t} mist ${missing.join(', ')}`;
  } else if (op.base !== undefined) {
    if (!isPlainObject(op.base) || Object.values(op.base).some((b) => b !== null && typeof b !== 'string')) return `ongeldige basis in ${op.t}`;
  }
  return type.check?.(id.owner, set);
}

interface Row {
  [column: string]: unknown;
  created: number;
  stamps: string;
}

export function toColumn(spec: { json?: boolean }, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (spec.json) return canonicalJson(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Applies one checked op. Field by field, the higher (hlc, author) stamp wins, whatever the arrival order. */
export function applyOp(db: Db, entry: Entry, op: Op): OpEffect {
  const { type, action } = recordTypeOf(op.t)!;
  const owner = parseRecordId(op.id)!.owner;
  const s = stamp(entry.hlc, entry.author);
  const set = op.set as Record<string, unknown>;
  const base = (isPlainObject(op.base) ? op.base : {}) as Record<string, string | null>;
  let row = stmt(db, `SELECT * FROM ${type.table} WHERE id = ?`).get(op.id) as Row | undefined;
  const existed = row !== undefined && row.created === 1;
  if (!row) {
    stmt(db, `INSERT INTO ${type.table} (id, ${type.ownerColumn}, created, stamps) VALUES (?, ?, 0, '{}')`).run(op.id, owner);
    row = { created: 0, stamps: '{}' };
  }
  const stamps = JSON.parse(row.stamps) as Record<string, string>;
  const changes: FieldChange[] = [];
  const assignments: string[] = [];
  const values: unknown[] = [];
  const recordWrite = stmt(db, 'INSERT OR IGNORE INTO field_writes (record_id, field, stamp, base, author, value) VALUES (?, ?, ?, ?, ?, ?)');
  for (const field of Object.keys(set).sort()) {
    const spec = type.fields[field]!;
    const to = toColumn(spec, set[field]);
    if (action === 'update') recordWrite.run(op.id, field, s, base[field] ?? null, entry.author, canonicalJson(set[field] ?? null));
    const current = stamps[field];
    if (current !== undefined && current >= s) continue;
    stamps[field] = s;
    const from = row[spec.column] ?? null;
    if (from !== to) changes.push({ field, from, to });
    assignments.push(`${spec.column} = ?`);
    values.push(to);
  }
  const becomesCreated = action === 'create' && !existed;
  if (becomesCreated) assignments.push('created = 1');
  assignments.push('stamps = ?');
  values.push(canonicalJson(stamps));
  const result = stmt(db, `UPDATE ${type.table} SET ${assignments.join(', ')} WHERE id = ?`).run(...values, op.id);
  if (result.changes !== 1) throw new Error(`applyOp: expected to update one ${type.name} row, updated ${result.changes}`);
  const kind = becomesCreated ? 'created' : changes.length > 0 ? 'changed' : 'unchanged';
  return { type: type.name, id: op.id, owner, kind, changes };
}

export const SHARED_TABLES = Object.values(RECORD_TYPES).map((t) => ({ table: t.table, type: t }));
