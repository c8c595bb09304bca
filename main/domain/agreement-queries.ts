// Use of agreements against their caps: the hours each provider lends under an agreement per calendar month,
// counted as the cap rule counts them (planned assignments, by the month each starts in).
import type { Db } from '../store/db';
import type { AgreementUsage } from '../../shared/api/coordination';
import { buildContext } from '../../shared/rules/context';
import { agreementOf } from '../../shared/rules/cap';
import { realMinutes } from '../../shared/rules/calendar';
import { buildPlanView } from './plan-view';
import { getAgreement } from './agreements';

export function agreementUsage(db: Db, id?: string): AgreementUsage[] {
  if (id !== undefined) getAgreement(db, id);
  const ctx = buildContext(buildPlanView(db));
  const groups = new Map<string, AgreementUsage>();
  for (const a of ctx.active) {
    if (a.provider === a.host) continue;
    const agreementId = agreementOf(ctx, a);
    if (agreementId === null || (id !== undefined && agreementId !== id)) continue;
    const agreement = ctx.agreements.get(agreementId);
    if (!agreement) continue;
    const month = a.start.slice(0, 7);
    const key = `${agreementId}|${a.provider}|${month}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { agreementId, provider: a.provider, month, minutes: 0, capHours: agreement.capHoursPerMonth }));
    g.minutes += realMinutes(a.start, a.end);
  }
  return [...groups.values()].sort((a, b) => a.agreementId.localeCompare(b.agreementId) || a.month.localeCompare(b.month) || a.provider.localeCompare(b.provider));
}
