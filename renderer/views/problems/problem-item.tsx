// One problem in the list: what kind, the message in the user's language, who can resolve it, links to the
// records it concerns, and for our own conflicts the way to resolve them.
import { useState } from 'react';
import type { Conflict } from '../../../shared/api/exchange';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import type { Violation } from '../../../shared/rules/types';
import { api, type ApiCallError } from '../../api/client';
import { asApiCallError } from '../../api/api-call-error';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorPanel } from '../../components/error-panel';
import { ROW_FOCUS } from '../../components/virtual-list';
import { useI18n } from '../../i18n/t';
import { conflictText, conflictValue, violationText } from './problem-text';
import { recordLinks, type RecordNames } from './record-links';

export type Problem = { type: 'conflict'; conflict: Conflict } | { type: 'violation'; violation: Violation };

interface Props {
  problem: Problem;
  names: RecordNames;
  ownGemeente: string;
  first: boolean;
  onResolved(text: string): Promise<void>;
}

export function ProblemItem({ problem, names, ownGemeente, first, onResolved }: Props) {
  const { t, locale } = useI18n();
  const ids = problem.type === 'conflict' ? [problem.conflict.recordId, ...(problem.conflict.records ?? [])] : problem.violation.records;
  const links = recordLinks(ids, names, ownGemeente);
  const kind =
    problem.type === 'conflict'
      ? { label: t('problems.kind.conflict'), className: 'badge--conflict' }
      : problem.violation.severity === 'blocking'
        ? { label: t('problems.kind.blocking'), className: 'badge--blocking' }
        : problem.violation.accepted
          ? { label: t('problems.kind.accepted'), className: 'badge--accepted' }
          : { label: t('problems.kind.warning'), className: 'badge--warning' };
  const text = problem.type === 'conflict' ? conflictText(problem.conflict, locale, t) : violationText(problem.violation, locale);
  return (
    <article className={`problem problem--${problem.type === 'conflict' ? 'conflict' : problem.violation.severity}`} aria-label={`${kind.label}: ${text}`}>
      <p className="problem__head">
        <span className={`badge ${kind.className}`}>{kind.label}</span>
        {problem.type === 'violation' && <span className="problem__code">{t(`rule.${problem.violation.code}`)}</span>}
      </p>
      <p className="problem__text" tabIndex={first ? 0 : -1} {...{ [ROW_FOCUS]: '' }}>
        {text}
      </p>
      {problem.type === 'violation' && problem.violation.accepted && <p className="problem__meta">{t('problems.acceptedNote')}</p>}
      {problem.type === 'violation' && problem.violation.resolvableBy !== undefined && (
        <p className="problem__meta">
          {problem.violation.resolvableBy === ownGemeente ? t('problems.resolvableByYou') : t('problems.resolvableBy', { gemeente: gemeenteName(problem.violation.resolvableBy) })}
        </p>
      )}
      {problem.type === 'conflict' && (
        <p className="problem__meta">
          {problem.conflict.resolvableBy === ownGemeente ? t('problems.resolvableByYou') : t('problems.resolvableBy', { gemeente: gemeenteName(problem.conflict.resolvableBy) })}
        </p>
      )}
      {links.length > 0 && (
        <ul className="problem__links">
          {links.map((l) => (
            <li key={l.href}>
              <a href={l.href}>{l.kind === 'request' ? t('problems.link.request') : t(`problems.link.${l.kind}`, { name: l.name })}</a>
            </li>
          ))}
        </ul>
      )}
      {problem.type === 'conflict' && problem.conflict.resolvableBy === ownGemeente && <ResolveConflict conflict={problem.conflict} onResolved={onResolved} />}
    </article>
  );
}

function ResolveConflict({ conflict, onResolved }: { conflict: Conflict; onResolved(text: string): Promise<void> }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [choice, setChoice] = useState(0);
  const [failure, setFailure] = useState<ApiCallError>();
  if (conflict.kind === 'commitment_lapsed') {
    const count = conflict.records?.length ?? 0;
    return (
      <>
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          {t('problems.withdrawLapsed')}
        </button>
        {confirming && (
          <ConfirmDialog
            title={t('problems.withdrawLapsedTitle', { count })}
            confirmLabel={t('problems.withdrawLapsed')}
            onClose={() => setConfirming(false)}
            onConfirm={async () => {
              await api().call('conflicts.resolve', { key: conflict.key });
              await onResolved(t('problems.withdrawnLapsed', { count }));
            }}
          >
            <p>{t('problems.withdrawLapsedText')}</p>
          </ConfirmDialog>
        )}
      </>
    );
  }
  const name = `choice-${conflict.key}`;
  return (
    <fieldset className="fieldset problem__choice">
      <legend>{t('problems.chooseValue')}</legend>
      <div className="radio-row">
        {conflict.values.map((v, i) => (
          <label key={i} className="radio">
            <input type="radio" name={name} checked={choice === i} onChange={() => setChoice(i)} />
            <span>
              {conflictValue(v.value)} <span className="problem__meta">({v.device})</span>
            </span>
          </label>
        ))}
      </div>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setFailure(undefined);
          api()
            .call('conflicts.resolve', { key: conflict.key, choice })
            .then(() => onResolved(t('problems.valueChosen')))
            .catch((err: unknown) => setFailure(asApiCallError(err)));
        }}
      >
        {t('problems.keepValue')}
      </button>
      {failure && <ErrorPanel error={failure} focus />}
    </fieldset>
  );
}
