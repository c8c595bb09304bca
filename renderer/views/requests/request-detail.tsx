// The selected request: what is asked, by whom, under which agreement, what was answered, its problems, and
// the actions of whoever may act on it (provider: answer, decline, withdraw a commitment; host: withdraw, approve).
import { useEffect, useRef, useState } from 'react';
import type { Identity } from '../../../shared/api/contract';
import type { CommittedOfficer, RequestOverview } from '../../../shared/api/coordination';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { RiskBadge } from '../../components/risk-badge';
import { useI18n } from '../../i18n/t';
import { useUiStore } from '../../state/ui-store';
import { problemsOf, useProblemsStore } from '../problems/problems-store';
import { conflictText, violationText } from '../problems/problem-text';
import { AnswerPanel } from './answer-panel';
import { ApproveDialog, DeclineDialog } from './request-dialogs';
import { EscalationBadge, eventTitle, RequestStatusBadge, ShiftPeriod } from './request-labels';
import { Facts } from '../../components/facts';

interface Props {
  request: RequestOverview;
  identity: Identity;
  onChanged(): Promise<void>;
}

type Dialog = { kind: 'decline' } | { kind: 'approve' } | { kind: 'withdraw' } | { kind: 'withdrawCommitment'; commitment: CommittedOfficer } | undefined;

export function RequestDetail({ request: r, identity, onChanged }: Props) {
  const { t, locale } = useI18n();
  const announce = useUiStore((s) => s.announce);
  const byRecord = useProblemsStore((s) => s.byRecord);
  const [dialog, setDialog] = useState<Dialog>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isProvider = r.provider === identity.gemeente;
  const isHost = r.host === identity.gemeente;
  const live = r.status !== 'withdrawn' && r.status !== 'cancelled';
  const title = eventTitle(r, t('requests.unknownEvent'));
  const problems = problemsOf(byRecord, r.id, ...r.commitments.map((c) => c.id));

  // Opening a request from the list moves the reader to it.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function done(text: string) {
    announce({ text, path: location.hash.replace(/^#/, '') });
    await onChanged();
  }

  return (
    <section className="detail" aria-labelledby="request-title">
      <h2 id="request-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <p className="detail__sub">
        <ShiftPeriod request={r} /> {r.shift && <>· {t(`requests.role.${r.shift.role}`)}</>} {r.event && <RiskBadge risk={r.event.risk} />}
      </p>
      <Facts
        className="facts facts--compact"
        items={[
          [
            t('requests.field.status'),
            <>
              <RequestStatusBadge request={r} /> <EscalationBadge request={r} />
            </>,
          ],
          [t('requests.field.host'), gemeenteName(r.host)],
          [t('requests.field.provider'), gemeenteName(r.provider)],
          [t('requests.field.asked'), t('requests.committedOf', { committed: r.committed, count: r.count })],
          [t('requests.field.agreement'), r.agreementId ? <a href={`#/afspraken/${encodeURIComponent(r.agreementId)}`}>{r.agreementTitle ?? r.agreementId}</a> : t('requests.ownStaff')],
          r.event && [t('requests.field.place'), r.event.place],
          !!r.note && [t('requests.field.note'), r.note],
          r.answer && [t('requests.field.declineReason'), r.answer.reason],
          r.escalation.needed && [
            t('requests.field.escalation'),
            r.escalation.approvedBy
              ? t('requests.escalation.approved', { name: r.escalation.approvedBy })
              : t('requests.escalation.needed', { role: r.escalation.role ?? t('requests.escalation.someone') }),
          ],
        ]}
      />

      {(problems.conflicts.length > 0 || problems.violations.length > 0) && (
        <div className="panel panel--warning" role="region" aria-label={t('requests.problemsTitle')}>
          <h3 className="panel__title">{t('requests.problemsTitle')}</h3>
          <ul>
            {problems.conflicts.map((c) => (
              <li key={c.key}>{conflictText(c, locale, t)}</li>
            ))}
            {problems.violations.map((v, i) => (
              <li key={i}>{violationText(v, locale)}</li>
            ))}
          </ul>
          <a href="#/meldingen">{t('requests.toProblems')}</a>
        </div>
      )}

      <h3>{t('requests.committedTitle')}</h3>
      {r.commitments.length === 0 ? (
        <p>{t('requests.noneCommitted')}</p>
      ) : (
        <ul className="plain-list">
          {r.commitments.map((c) => (
            <li key={c.id} className="plain-list__item">
              <span>
                {c.officerName}
                {Object.keys(c.reasons).length > 0 && <span className="muted"> — {t('requests.withReason', { reason: Object.values(c.reasons).join('; ') })}</span>}
              </span>
              {isProvider && (
                <button type="button" className="button button--small button--secondary" onClick={() => setDialog({ kind: 'withdrawCommitment', commitment: c })}>
                  {t('requests.withdrawCommitment')}
                  <span className="visually-hidden"> {c.officerName}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      {isProvider && live && r.committed < r.count && <AnswerPanel request={r} onCommitted={done} />}

      <div className="form__actions">
        {isProvider && live && r.committed < r.count && r.status !== 'declined' && (
          <button type="button" className="button button--secondary" onClick={() => setDialog({ kind: 'decline' })}>
            {t('requests.decline')}
          </button>
        )}
        {isHost && live && r.escalation.needed && !r.escalation.approvedBy && (
          <button type="button" className="button button--secondary" onClick={() => setDialog({ kind: 'approve' })}>
            {t('requests.approve')}
          </button>
        )}
        {isHost && live && (
          <button type="button" className="button button--warning" onClick={() => setDialog({ kind: 'withdraw' })}>
            {t('requests.withdraw')}
          </button>
        )}
      </div>

      {dialog?.kind === 'decline' && (
        <DeclineDialog
          onClose={() => setDialog(undefined)}
          onDecline={async (reason) => {
            await api().call('requests.decline', { id: r.id, reason });
            await done(t('requests.declined', { event: title }));
          }}
        />
      )}
      {dialog?.kind === 'approve' && (
        <ApproveDialog
          role={r.escalation.role ?? ''}
          onClose={() => setDialog(undefined)}
          onApprove={async (approvedBy) => {
            await api().call('requests.approve', { id: r.id, approvedBy });
            await done(t('requests.approved', { event: title }));
          }}
        />
      )}
      {dialog?.kind === 'withdraw' && (
        <ConfirmDialog
          title={t('requests.withdrawTitle')}
          confirmLabel={t('requests.withdraw')}
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            await api().call('requests.withdraw', { id: r.id });
            await done(t('requests.withdrawn', { event: title }));
          }}
        >
          <p>{t('requests.withdrawText', { provider: gemeenteName(r.provider) })}</p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'withdrawCommitment' && (
        <ConfirmDialog
          title={t('requests.withdrawCommitmentTitle', { name: dialog.commitment.officerName })}
          confirmLabel={t('requests.withdrawCommitment')}
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            await api().call('commitments.withdraw', { id: dialog.commitment.id });
            await done(t('requests.commitmentWithdrawn', { name: dialog.commitment.officerName }));
          }}
        >
          <p>{t('requests.withdrawCommitmentText', { host: gemeenteName(r.host) })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
