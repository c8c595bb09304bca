// One shift on the timeline: its times as a bar on the day's scale, needed vs committed, who comes (with
// their gemeente), the requests and their state, the rule warnings that concern it, and what the host can do.
import type { CSSProperties } from 'react';
import type { ShiftPlan } from '../../../shared/api/planning';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import type { Violation } from '../../../shared/rules/types';
import { ruleMessage } from '../../../shared/i18n/rule-messages';
import { GemeenteTag } from '../../components/gemeente-tag';
import { useI18n } from '../../i18n/t';
import { barOf, type Scale } from './shift-model';

export type ShiftAction = 'assign' | 'request' | 'edit' | 'copy' | 'cancel';

interface Props {
  shift: ShiftPlan;
  scale: Scale;
  own: boolean;
  violations: readonly Violation[];
  onAction(action: ShiftAction, shift: ShiftPlan): void;
}

export function shiftTime(s: Pick<ShiftPlan, 'start' | 'end'>): string {
  return `${s.start.slice(11, 16)}–${s.end.slice(11, 16)}`;
}

export function ShiftRow({ shift, scale, own, violations, onAction }: Props) {
  const { t, locale } = useI18n();
  const bar = barOf(shift, scale);
  const time = shiftTime(shift);
  const fill = Math.min(100, (shift.committed / shift.needed) * 100);
  const state = shift.cancelled ? 'cancelled' : shift.committed >= shift.needed ? 'full' : 'short';
  const titleId = `shift-${shift.id}`;
  // Own officers are assigned directly; an own (self-)request of an older copy only holds them.
  const partnerRequests = shift.requests.filter((r) => r.provider !== r.host);
  return (
    <article className={`shift shift--${state}`} aria-labelledby={titleId}>
      <div className="shift__head">
        <h4 id={titleId} className="shift__title">
          {t('ev.shift.title', { time, role: t(`ev.role.${shift.role}`) })}
          {shift.cancelled && <span className="shift__cancelled"> — {t('ev.shift.cancelled')}</span>}
        </h4>
        <p className="shift__meta">
          {[
            shift.inPairs ? t('ev.shift.pairs') : '',
            shift.qualifications.length ? t('ev.shift.quals', { list: shift.qualifications.map((q) => t(`ev.qual.${q}` as 'ev.qual.handboeien')).join(', ') }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <p className={`shift__count shift__count--${state}`}>
          <span aria-hidden="true">{state === 'full' ? '✓ ' : state === 'short' ? '! ' : ''}</span>
          {t('ev.shift.committed', { committed: shift.committed, needed: shift.needed })}
        </p>
      </div>
      <div className="shift__track" aria-hidden="true">
        <div className="shift__bar" style={{ '--left': `${bar.left}%`, '--width': `${bar.width}%` } as CSSProperties}>
          <div className="shift__fill" style={{ '--fill': `${fill}%` } as CSSProperties} />
        </div>
      </div>
      <div className="shift__body">
        <div>
          <h5 className="visually-hidden">{t('ev.shift.officers')}</h5>
          {shift.officers.length === 0 ? (
            <p className="shift__none">{t('ev.shift.noOfficers')}</p>
          ) : (
            <ul className="shift__officers" aria-label={t('ev.shift.officers')}>
              {shift.officers.map((o) => (
                <li key={o.commitmentId}>
                  <GemeenteTag code={o.employer} /> {o.name}
                </li>
              ))}
            </ul>
          )}
        </div>
        {partnerRequests.length > 0 && (
          <ul className="shift__requests" aria-label={t('ev.shift.requests')}>
            {partnerRequests.map((r) => (
              <li key={r.id} className={`req req--${r.status}`}>
                <span>
                  {r.provider === r.host
                    ? t('ev.shift.requestOwn', { count: r.count, committed: r.committed })
                    : t('ev.shift.request', { provider: gemeenteName(r.provider), count: r.count, committed: r.committed })}
                </span>{' '}
                <span className="req__status">{t(`ev.req.${r.status}`)}</span>
                {r.escalation.needed && !r.escalation.approvedBy && <span className="req__note">{t('ev.shift.escalation', { role: r.escalation.role ?? '' })}</span>}
                {r.escalation.approvedBy && <span className="req__note">{t('ev.shift.approved', { name: r.escalation.approvedBy })}</span>}
                {r.answer && <span className="req__note">{t('ev.shift.declined', { reason: r.answer.reason })}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      {violations.length > 0 && (
        <ul className="shift__warnings" aria-label={t('ev.shift.warnings')}>
          {violations.map((v, i) => (
            <li key={`${v.code}-${i}`} className={`warning warning--${v.accepted ? 'accepted' : v.severity}`}>
              <strong>{v.accepted ? t('ev.warning.accepted') : t(`ev.warning.${v.severity}`)}:</strong> {ruleMessage(v.code, v.params, locale)}
            </li>
          ))}
        </ul>
      )}
      {own && !shift.cancelled && (
        <div className="shift__actions">
          {(['assign', 'request', 'edit', 'copy', 'cancel'] as const).map((action) => (
            <button key={action} type="button" className={action === 'assign' ? 'button button--small' : 'button button--secondary button--small'} onClick={() => onAction(action, shift)}>
              {t(`ev.action.${action}`)}
              <span className="visually-hidden"> {t('ev.action.for', { time: `${shift.start.slice(0, 10)} ${time}` })}</span>
            </button>
          ))}
        </div>
      )}
    </article>
  );
}
