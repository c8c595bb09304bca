// The audit trail of one record: every entry that touched it, who (gemeente, device) and when, what it set,
// and whether it was applied or refused.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { hlcWallIso } from '../log/hlc';
import { decodeEntry } from '../log/entry';
import type { AuditLine } from '../../shared/api/audit';

export function auditRecord(db: Db, recordId: string): AuditLine[] {
  // A scan of the log for the record's id (an index per op would cost every import far more than an
  // occasional audit costs: about 20 MB of entries a region-scale year).
  const needle = Buffer.from(`"id":${JSON.stringify(recordId)}`);
  const rows = stmt(
    db,
    `SELECT e.id, e.bytes, e.status, e.reason, coalesce(a.device_label, 'onbekend apparaat') AS device
       FROM entries e LEFT JOIN authors a ON a.public_key = e.author
       WHERE instr(e.bytes, ?) > 0 ORDER BY e.hlc, e.author`,
  ).all(needle) as { id: string; bytes: Buffer; status: 'applied' | 'rejected'; reason: string | null; device: string }[];
  return rows.flatMap((r) => {
    const { entry } = decodeEntry(r.bytes);
    return entry.ops
      .filter((op) => op.id === recordId)
      .map((op) => ({
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
      }));
  });
}
