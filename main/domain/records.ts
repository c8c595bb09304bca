// Helpers the domain modules share: new record ids, and the ops that create or update a record.
import { randomBytes } from 'node:crypto';
import { makeRecordId, type RecordKindTag } from '../../shared/domain/ids';
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import type { Op } from '../log/entry';
import type { RecordType } from '../log/records';
import { toColumn } from '../log/materialise';
import { readStamps } from '../log/stamps';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export function newRecordId(owner: string, tag: RecordKindTag): string {
  // 80 random bits as 16 base32 characters.
  let bits = 0n;
  for (const byte of randomBytes(10)) bits = (bits << 8n) | BigInt(byte);
  let out = '';
  for (let i = 15; i >= 0; i--) out += BASE32[Number((bits >> BigInt(i * 5)) & 31n)];
  return makeRecordId(owner, tag, out);
}

export function createOp(type: RecordType, id: string, set: Record<string, unknown>): Op {
  return { t: `${type.name}.create`, id, set };
}

/**
 * An update op carries, per changed field, the stamp of the value its author saw ("base"), so a concurrent
 * edit by another device of the same gemeente can be recognised later instead of silently overwritten.
 */
export function updateOp(db: Db, type: RecordType, id: string, set: Record<string, unknown>): Op | undefined {
  const row = stmt(db, `SELECT * FROM ${type.table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  const stamps = readStamps(String(row.stamps));
  const changed: Record<string, unknown> = {};
  const base: Record<string, string | null> = {};
  for (const [field, value] of Object.entries(set)) {
    const spec = type.fields[field];
    if (!spec) continue;
    const current = row[spec.column] ?? null;
    if (current === toColumn(spec, value)) continue;
    changed[field] = value ?? null;
    base[field] = stamps[field] ?? null;
  }
  if (Object.keys(changed).length === 0) return undefined;
  return { t: `${type.name}.update`, id, set: changed, base };
}
