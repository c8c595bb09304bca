// Availability of one own officer: absences with their reason (kept on this device), add one, cancel one.
import { useState, type FormEvent } from 'react';
import type { AbsenceRecord } from '../../../shared/domain/request';
import type { OfficerRecord } from '../../../shared/domain/officer';
import { api, type ApiCallError } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorPanel } from '../../components/error-panel';
import { Field } from '../../components/field';
import { formatPeriod } from '../../i18n/format';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { useUiStore } from '../../state/ui-store';
import { useProblemsStore } from '../problems/problems-store';

type Absence = AbsenceRecord & { reason?: string };
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export function AbsencesPanel({ officer }: { officer: OfficerRecord }) {
  const { t, locale } = useI18n();
  const announce = useUiStore((s) => s.announce);
  const loadProblems = useProblemsStore((s) => s.load);
  const { data: absences, error, refresh: load } = useApiQuery<Absence[]>(() => api().call('absences.list', { officerId: officer.id }), [officer.id]);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ start?: string; end?: string }>({});
  const [failure, setFailure] = useState<ApiCallError>();
  const [cancelling, setCancelling] = useState<Absence>();
  const path = `/handhavers/${officer.id}`;

  async function add(e: FormEvent) {
    e.preventDefault();
    const errs: { start?: string; end?: string } = {};
    if (!LOCAL.test(start)) errs.start = t('officers.absence.timeInvalid');
    if (!LOCAL.test(end)) errs.end = t('officers.absence.timeInvalid');
    else if (LOCAL.test(start) && end <= start) errs.end = t('officers.absence.endBeforeStart');
    setFieldErrors(errs);
    if (errs.start || errs.end) {
      document.getElementById(errs.start ? 'absence-start' : 'absence-end')?.focus();
      return;
    }
    setFailure(undefined);
    try {
      await api().call('absences.create', { officerId: officer.id, start, end, reason });
      announce({ text: t('officers.absence.added', { period: formatPeriod(start, end, locale) }), path });
      setStart('');
      setEnd('');
      setReason('');
      await Promise.all([load(), loadProblems()]);
    } catch (err) {
      setFailure(asApiCallError(err));
    }
  }

  const current = absences?.filter((a) => !a.cancelled) ?? [];
  return (
    <section aria-labelledby="absences-title" className="absences">
      <h2 id="absences-title">{t('officers.absence.title')}</h2>
      {error && <ErrorPanel error={error} onRetry={() => void load()} />}
      {absences && current.length === 0 && <p>{t('officers.absence.none', { name: officer.name })}</p>}
      {current.length > 0 && (
        <ul className="plain-list">
          {current.map((a) => (
            <li key={a.id} className="plain-list__item">
              <span>
                {formatPeriod(a.start, a.end, locale)}
                {a.reason && <span className="muted"> — {a.reason}</span>}
              </span>
              <button type="button" className="button button--small button--secondary" onClick={() => setCancelling(a)}>
                {t('officers.absence.cancel')}
                <span className="visually-hidden"> {formatPeriod(a.start, a.end, locale)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form form--inline" onSubmit={(e) => void add(e)} noValidate aria-labelledby="absence-add-title">
        <h3 id="absence-add-title">{t('officers.absence.add')}</h3>
        <div className="form__row">
          <Field id="absence-start" label={t('officers.absence.start')} error={fieldErrors.start}>
            {(aria) => <input {...aria} type="datetime-local" className="input input--datetime" value={start} onChange={(e) => setStart(e.target.value)} />}
          </Field>
          <Field id="absence-end" label={t('officers.absence.end')} error={fieldErrors.end}>
            {(aria) => <input {...aria} type="datetime-local" className="input input--datetime" value={end} onChange={(e) => setEnd(e.target.value)} />}
          </Field>
        </div>
        <Field id="absence-reason" label={t('officers.absence.reason')} hint={t('officers.absence.reasonHint')}>
          {(aria) => <input {...aria} className="input" value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        {failure && <ErrorPanel error={failure} />}
        <button type="submit" className="button button--secondary">
          {t('officers.absence.addButton')}
        </button>
      </form>
      {cancelling && (
        <ConfirmDialog
          title={t('officers.absence.cancelTitle')}
          confirmLabel={t('officers.absence.cancel')}
          onClose={() => setCancelling(undefined)}
          onConfirm={async () => {
            await api().call('absences.cancel', { id: cancelling.id });
            announce({ text: t('officers.absence.cancelled'), path });
            await Promise.all([load(), loadProblems()]);
          }}
        >
          <p>{t('officers.absence.cancelText', { name: officer.name, period: formatPeriod(cancelling.start, cancelling.end, locale) })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
