// The audit trail of one record: every entry that touched it, who (gemeente, device) and when, what it set,
// and whether it was applied or refused.
import type { Db } from '../store/db';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { hlcWallIso } from '../log/hlc';
import { decodeEntry } from '../log/entry';
import type { AuditLine } from '../../shared/api/audit';

export function auditRecord(db: Db, recordId: string): AuditLine[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.bytes, e.status, e.reason, h.op_index, coalesce(a.device_label, 'onbekend apparaat') AS device
       FROM record_history h JOIN entries e ON e.rowid = h.entry_rowid LEFT JOIN authors a ON a.public_key = e.author
       WHERE h.record_id = ? ORDER BY e.hlc, e.author, h.op_index`,
    )
    .all(recordId) as { id: string; bytes: Buffer; status: 'applied' | 'rejected'; reason: string | null; op_index: number; device: string }[];
  return rows.map((r) => {
    const { entry } = decodeEntry(r.bytes);
    const op = entry.ops[r.op_index]!;
    return {
      entryId: r.id,
      at: hlcWallIso(entry.hlc),
      gemeente: entry.gemeente,
      gemeenteName: gemeenteName(entry.gemeente),
      device: r.device,
      seq: entry.seq,
      op: op.t,
      set: (op.set ?? {}) as Record<string, unknown>,
      status: r.status,
      reason: r.reason,
    };
  });
}
