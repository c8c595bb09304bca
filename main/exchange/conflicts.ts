// Conflicts derived from the set of entries, so every copy with the same entries lists the same ones:
// two devices of one gemeente that changed one field from the same starting value without seeing each other.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { lapsed, live } from '../store/live';
import { formatRange } from '../../shared/i18n/rule-messages';
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

/**
 * Commitments that no longer fit: the shift was cancelled, the event called off or the request withdrawn
 * after the provider committed. The provider resolves them by withdrawing the commitments (a signed change).
 */
function lapsedCommitments(db: Db): Conflict[] {
  // Prepared once per connection (stmt): every import lists the conflicts before and after.
  const rows = stmt(
    db,
    // CROSS JOIN fixes the join order: from the few lapsed rows (partial indexes) outwards, never a scan.
    `WITH lapsed AS (
         SELECT r.id FROM requests r WHERE ${lapsed.request()}
         UNION SELECT r.id FROM shifts s CROSS JOIN requests r ON r.shift_id = s.id WHERE ${lapsed.shift()}
         UNION SELECT r.id FROM events e CROSS JOIN shifts s ON s.event_id = e.id CROSS JOIN requests r ON r.shift_id = s.id WHERE ${lapsed.event()})
       SELECT c.id, c.provider, r.host, r.id AS request_id, s.id AS shift_id, s.starts_at, s.ends_at, e.name AS event_name,
         CASE WHEN ${lapsed.request()} THEN 'request' WHEN ${lapsed.shift()} THEN 'shift' ELSE 'event' END AS cause
       FROM lapsed l
       CROSS JOIN requests r ON r.id = l.id AND r.created = 1
       CROSS JOIN shifts s ON s.id = r.shift_id AND s.created = 1
       CROSS JOIN events e ON e.id = s.event_id AND e.created = 1
       CROSS JOIN commitments c ON c.request_id = r.id AND ${live.commitment()}
       ORDER BY r.id, c.id`,
  ).all() as { id: string; provider: string; host: string; request_id: string; shift_id: string; starts_at: string; ends_at: string; event_name: string; cause: string }[];
  const byRequest = new Map<string, typeof rows>();
  for (const r of rows) byRequest.set(r.request_id, [...(byRequest.get(r.request_id) ?? []), r]);
  return [...byRequest.values()].map((group) => {
    const first = group[0]!;
    const what = first.cause === 'request' ? 'Verzoek ingetrokken' : first.cause === 'shift' ? 'Dienst geannuleerd' : 'Evenement afgelast';
    const n = group.length;
    return {
      key: `lapsed|${first.request_id}|${group.map((g) => g.id).join(',')}`,
      kind: 'commitment_lapsed' as const,
      recordType: 'commitment',
      recordId: first.request_id,
      owner: first.provider,
      field: first.cause,
      records: group.map((g) => g.id),
      values: [],
      resolvableBy: first.provider,
      message: `${what} door ${gemeenteName(first.host)} (${first.event_name}, ${formatRange(first.starts_at, first.ends_at)}) — uw ${n} ${n === 1 ? 'toezegging vervalt' : 'toezeggingen vervallen'}.`,
    };
  });
}

export function listConflicts(db: Db): Conflict[] {
  return [...concurrentEdits(db), ...lapsedCommitments(db)];
}

function concurrentEdits(db: Db): Conflict[] {
  // Sibling writes: same record, field and base, made by different devices.
  const rows = stmt(
    db,
    `SELECT w.record_id, w.field, w.stamp, w.base, w.author, w.value, a.device_label AS device
       FROM field_writes w
       JOIN (SELECT record_id, field, coalesce(base, '') AS b FROM field_writes GROUP BY record_id, field, coalesce(base, '') HAVING count(DISTINCT author) > 1) s
         ON s.record_id = w.record_id AND s.field = w.field AND s.b = coalesce(w.base, '')
       LEFT JOIN authors a ON a.public_key = w.author
       ORDER BY w.record_id, w.field, w.base, w.stamp DESC`,
  ).all() as WriteRow[];
  const groups = new Map<string, WriteRow[]>();
  for (const r of rows) {
    const key = `${r.record_id}|${r.field}|${r.base ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const supersededBy = stmt(db, 'SELECT 1 FROM field_writes WHERE record_id = ? AND field = ? AND base >= ? LIMIT 1');
  const conflicts: Conflict[] = [];
  for (const [key, writes] of groups) {
    const top = writes[0]!;
    // A later write based on the newest competing value was made after seeing all of them: resolved.
    if (supersededBy.get(top.record_id, top.field, top.stamp)) continue;
    const id = parseRecordId(top.record_id);
    const owner = id?.owner ?? '';
    const recordType = id ? ((RECORD_KINDS as Record<string, string>)[id.tag] ?? id.tag) : 'record';
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
