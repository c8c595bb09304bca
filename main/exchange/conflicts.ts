// Conflicts derived from the set of entries, so every copy with the same entries lists the same ones:
// two devices of one gemeente that changed one field from the same starting value without seeing each other.
import type { Db } from '../store/db';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { parseRecordId, RECORD_KINDS } from '../../shared/domain/ids';
import type { Conflict } from '../../shared/api/exchange';
import { hlcWallIso } from '../log/hlc';

interface WriteRow {
  record_id: string;
  field: string;
  stamp: string;
  base: string | null;
  author: string;
  value: string;
  device: string | null;
}

export function listConflicts(db: Db): Conflict[] {
  // Sibling writes: same record, field and base, made by different devices.
  const rows = db
    .prepare(
      `SELECT w.record_id, w.field, w.stamp, w.base, w.author, w.value, a.device_label AS device
       FROM field_writes w
       JOIN (SELECT record_id, field, coalesce(base, '') AS b FROM field_writes GROUP BY record_id, field, coalesce(base, '') HAVING count(DISTINCT author) > 1) s
         ON s.record_id = w.record_id AND s.field = w.field AND s.b = coalesce(w.base, '')
       LEFT JOIN authors a ON a.public_key = w.author
       ORDER BY w.record_id, w.field, w.base, w.stamp DESC`,
    )
    .all() as WriteRow[];
  const groups = new Map<string, WriteRow[]>();
  for (const r of rows) {
    const key = `${r.record_id}|${r.field}|${r.base ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const supersededBy = db.prepare('SELECT 1 FROM field_writes WHERE record_id = ? AND field = ? AND base >= ? LIMIT 1');
  const conflicts: Conflict[] = [];
  for (const [key, writes] of groups) {
    const top = writes[0]!;
    // A later write based on the newest competing value was made after seeing all of them: resolved.
    if (supersededBy.get(top.record_id, top.field, top.stamp)) continue;
    const id = parseRecordId(top.record_id);
    const owner = id?.owner ?? '';
    const recordType = id ? (RECORD_KINDS as Record<string, string>)[id.tag] ?? id.tag : 'record';
    conflicts.push({
      key,
      kind: 'concurrent_edit',
      recordType,
      recordId: top.record_id,
      owner,
      field: top.field,
      values: writes.map((w) => ({ value: JSON.parse(w.value) as unknown, device: w.device ?? 'onbekend apparaat', hlc: hlcWallIso(w.stamp.split(' ')[0] ?? '') })),
      resolvableBy: owner,
      message: `Veld "${top.field}" is tegelijk op ${writes.length} apparaten van ${gemeenteName(owner)} gewijzigd; nu getoond: ${JSON.stringify(JSON.parse(top.value))}. ${gemeenteName(owner)} kan kiezen welke waarde blijft.`,
    });
  }
  return conflicts;
}
