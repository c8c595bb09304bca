// One request in the inbox or outbox list: event, shift, partner, how many committed, status and problems.
import type { RequestOverview } from '../../../shared/api/coordination';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { ROW_FOCUS } from '../../components/virtual-list';
import { useI18n } from '../../i18n/t';
import { problemsOf, useProblemsStore } from '../problems/problems-store';
import { EscalationBadge, eventTitle, RequestStatusBadge, ShiftPeriod } from './request-labels';

export function RequestRow({ request, box, selected }: { request: RequestOverview; box: 'in' | 'out'; selected: boolean }) {
  const { t } = useI18n();
  const byRecord = useProblemsStore((s) => s.byRecord);
  const problems = problemsOf(byRecord, request.id, ...request.commitments.map((c) => c.id));
  const count = problems.conflicts.length + problems.violations.length;
  return (
    <a
      href={`#/verzoeken/${encodeURIComponent(request.id)}`}
      className={`request-row${selected ? ' request-row--selected' : ''}`}
      aria-current={selected ? 'true' : undefined}
      {...{ [ROW_FOCUS]: '' }}
    >
      <span className="request-row__top">
        <strong>{eventTitle(request, t('requests.unknownEvent'))}</strong>
        <RequestStatusBadge request={request} />
      </span>
      <span className="request-row__line">
        <ShiftPeriod request={request} />
        {request.shift && <> · {t(`requests.role.${request.shift.role}`)}</>}
      </span>
      <span className="request-row__line">
        {box === 'in' ? t('requests.from', { gemeente: gemeenteName(request.host) }) : t('requests.to', { gemeente: gemeenteName(request.provider) })}
        {' · '}
        {t('requests.committedOf', { committed: request.committed, count: request.count })}
        {request.escalation.needed && (
          <>
            {' '}
            <EscalationBadge request={request} />
          </>
        )}
        {count > 0 && (
          <>
            {' '}
            <span className="badge badge--blocking">{t('requests.problemCount', { count })}</span>
          </>
        )}
      </span>
    </a>
  );
}
