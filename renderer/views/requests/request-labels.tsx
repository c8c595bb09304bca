// How a request's state reads: status, escalation, and the shift it is for.
import type { RequestOverview } from '../../../shared/api/coordination';
import { periodParts } from '../../i18n/format';
import { useI18n } from '../../i18n/t';

export function RequestStatusBadge({ request }: { request: RequestOverview }) {
  const { t } = useI18n();
  return <span className={`badge badge--status-${request.status}`}>{t(`requests.status.${request.status}`)}</span>;
}

export function EscalationBadge({ request }: { request: RequestOverview }) {
  const { t } = useI18n();
  if (!request.escalation.needed) return null;
  if (request.escalation.approvedBy) return <span className="badge badge--accepted">{t('requests.escalation.approvedShort')}</span>;
  return <span className="badge badge--warning">{t('requests.escalation.neededShort', { role: request.escalation.role ?? '' })}</span>;
}

export function ShiftPeriod({ request }: { request: RequestOverview }) {
  const { locale } = useI18n();
  if (!request.shift) return null;
  const [from, dash, to] = periodParts(request.shift.start, request.shift.end, locale);
  return (
    <>
      <span className="nowrap">{from}</span>
      {dash}
      <span className="nowrap">{to}</span>
    </>
  );
}

export function eventTitle(request: RequestOverview, unknown: string): string {
  return request.event?.name ?? unknown;
}
