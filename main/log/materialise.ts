// Applies accepted entries to the state tables and reports what each op changed (for previews and audit).
import type { Db } from '../store/db';
import { parseRecordId } from '../../shared/domain/ids';
import { stamp } from './hlc';
import type { Entry, Op } from './entry';
import { RECORD_TYPES, recordTypeOf, type RecordType } from './records';

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
  if (typeof set !== 'object' || set === null || Array.isArray(set)) return `bewerking ${op.t} zonder waarden`;
  for (const [field, value] of Object.entries(set)) {
    const spec = type.fields[field];
    if (!spec) return `onbekend veld "${field}" in ${op.t}`;
    if (!spec.schema.safeParse(value).success) return `ongeldige waarde voor ${field} in ${op.t}`;
  }
  if (action === 'create') {
    const missing = type.required.filter((f) => !(f in set));
    if (missing.length) return `${op.t} mist ${missing.join(', ')}`;
  }
  return undefined;
}

interface Row {
  [column: string]: unknown;
  created: number;
  stamps: string;
}

function readRow(db: Db, type: RecordType, id: string): Row | undefined {
  return db.prepare(`SELECT * FROM ${type.table} WHERE id = ?`).get(id) as Row | undefined;
}

function toColumn(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value) || (typeof value === 'object' && value !== null)) return JSON.stringify(value);
  return value;
}

/** Applies one checked op. Field by field, the higher (hlc, author) stamp wins, whatever the arrival order. */
export function applyOp(db: Db, entry: Entry, op: Op): OpEffect {
  const { type, action } = recordTypeOf(op.t)!;
  const owner = parseRecordId(op.id)!.owner;
  const s = stamp(entry.hlc, entry.author);
  const set = op.set as Record<string, unknown>;
  let row = readRow(db, type, op.id);
  const existed = row !== undefined && row.created === 1;
  if (!row) {
    db.prepare(`INSERT INTO ${type.table} (id, ${type.ownerColumn}, created, stamps) VALUES (?, ?, 0, '{}')`).run(op.id, owner);
    row = readRow(db, type, op.id)!;
  }
  const stamps = JSON.parse(row.stamps) as Record<string, string>;
  const changes: FieldChange[] = [];
  const assignments: string[] = [];
  const values: unknown[] = [];
  for (const [field, value] of Object.entries(set)) {
    const spec = type.fields[field]!;
    const current = stamps[field];
    if (current !== undefined && current >= s) continue;
    stamps[field] = s;
    const from = row[spec.column] ?? null;
    const to = toColumn(value ?? null);
    if (from !== to) changes.push({ field, from, to });
    assignments.push(`${spec.column} = ?`);
    values.push(to);
  }
  const becomesCreated = action === 'create' && !existed;
  if (becomesCreated) assignments.push('created = 1');
  assignments.push('stamps = ?');
  values.push(JSON.stringify(stamps));
  const result = db.prepare(`UPDATE ${type.table} SET ${assignments.join(', ')} WHERE id = ?`).run(...values, op.id);
  if (result.changes !== 1) throw new Error(`applyOp: expected to update one ${type.name} row, updated ${result.changes}`);
  const kind = becomesCreated ? 'created' : changes.length > 0 ? 'changed' : 'unchanged';
  return { type: type.name, id: op.id, owner, kind, changes };
}

export const SHARED_TABLES = Object.values(RECORD_TYPES).map((t) => t.table);
