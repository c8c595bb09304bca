// Use of agreements against their caps: the hours each provider lends under an agreement per calendar month,
// counted as the cap rule counts them (planned assignments that count, by the month each starts in), in one
// query over the lent assignments instead of the whole merged plan.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { live } from '../store/live';
import type { AgreementUsage } from '../../shared/api/coordination';
import { realMinutes } from '../../shared/rules/calendar';
import { getAgreement, listAgreements } from './agreements';

interface LentRow {
  agreement_id: string;
  provider: string;
  starts_at: string;
  ends_at: string;
}

export function agreementUsage(db: Db, id?: string): AgreementUsage[] {
  const caps = new Map((id === undefined ? listAgreements(db) : [getAgreement(db, id)]).map((a) => [a.id, a.capHoursPerMonth]));
  // The same assignments as listAssignments, lent to another gemeente under an agreement.
  const rows = stmt(
    db,
    `SELECT r.agreement_id, r.provider, s.starts_at, s.ends_at
       FROM requests r
       CROSS JOIN commitments c ON c.request_id = r.id AND ${live.commitment()}
       JOIN officers o ON o.id = c.officer_id AND ${live.ownOfficer()}
       JOIN shifts s ON s.id = r.shift_id AND ${live.shift()}
       JOIN events e ON e.id = s.event_id AND ${live.event()}
       WHERE ${live.request()} AND r.host != r.provider AND r.agreement_id IS NOT NULL ${id === undefined ? '' : 'AND r.agreement_id = :id'}`,
  ).all(id === undefined ? {} : { id }) as LentRow[];
  const groups = new Map<string, AgreementUsage>();
  for (const a of rows) {
    const capHours = caps.get(a.agreement_id);
    const minutes = realMinutes(a.starts_at, a.ends_at);
    if (capHours === undefined || minutes <= 0) continue;
    const month = a.starts_at.slice(0, 7);
    const key = `${a.agreement_id}|${a.provider}|${month}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { agreementId: a.agreement_id, provider: a.provider, month, minutes: 0, capHours }));
    g.minutes += minutes;
  }
  return [...groups.values()].sort((a, b) => a.agreementId.localeCompare(b.agreementId) || a.month.localeCompare(b.month) || a.provider.localeCompare(b.provider));
}
