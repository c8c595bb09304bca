// The event form for creating and editing. Checks everything on submit with the shared schema, then re-checks
// a marked field as it is corrected; shows main's refusals at the same fields. Enter saves, Escape cancels.
// Not on blur: a message appearing while the pointer is on its way to the next field moves that field away.
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { EVENT_STATUSES, type EventFields } from '../../../shared/domain/event';
import { Field } from '../../components/field';
import { ErrorPanel } from '../../components/error-panel';
import { focusFirstInvalid, hasErrors, sortIssues, type SortedIssues } from '../../forms/issues';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import type { ApiCallError } from '../../api/client';
import { EVENT_FIELDS, elementId, validateEvent, type EventField, type EventFormValues } from './event-form-model';
import { RiskField } from './risk-field';
import { FormProblems } from '../../components/form-problems';
import { FormActions } from '../../components/form-actions';

interface Props {
  initial: EventFormValues;
  /** Sends the fields to main; "fields." prefixes the issue paths of events.update. */
  save(fields: EventFields): Promise<void>;
  cancel(): void;
  issuePrefix?: string;
}

const NO_ERRORS: SortedIssues<EventField> = { fields: {}, other: [] };

export function EventForm({ initial, save, cancel, issuePrefix = '' }: Props) {
  const { t, dm } = useI18n();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState(NO_ERRORS);
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState(false);

  // Re-check only the given fields, so fixing one field does not turn another red mid-edit.
  function recheck(fields: readonly EventField[], next: EventFormValues) {
    const result = validateEvent(next);
    const found = result.ok ? {} : result.errors.fields;
    setErrors((prev) => {
      const merged = { ...prev.fields };
      for (const f of fields) {
        if (found[f]) merged[f] = found[f];
        else delete merged[f];
      }
      return { fields: merged, other: prev.other };
    });
  }

  function set<F extends EventField>(field: F, value: EventFormValues[F]) {
    const next = { ...values, [field]: value };
    setValues(next);
    // Fixing a field clears its message at once; the end depends on the start.
    const shown = (Object.keys(errors.fields) as EventField[]).filter((f) => f === field || (field === 'start' && f === 'end'));
    if (shown.length) recheck(shown, next);
  }

  function showErrors(sorted: SortedIssues<EventField>) {
    setErrors(sorted);
    focusFirstInvalid(EVENT_FIELDS, sorted.fields, elementId);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFailure(undefined);
    const result = validateEvent(values);
    if (!result.ok) return showErrors(result.errors);
    setErrors(NO_ERRORS);
    setBusy(true);
    try {
      await save(result.fields);
    } catch (err) {
      const error = asApiCallError(err);
      const sorted = sortIssues(error.issues, EVENT_FIELDS, issuePrefix);
      if (hasErrors(sorted)) showErrors(sorted);
      else setFailure(error);
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      cancel();
    }
  }

  const error = (f: EventField) => (errors.fields[f] ? dm(errors.fields[f]) : undefined);
  const text = (f: 'name' | 'place' | 'start' | 'end' | 'visitors') => ({
    value: values[f],
    onChange: (e: { target: { value: string } }) => set(f, e.target.value),
  });

  return (
    <form className="form" noValidate onSubmit={submit} onKeyDown={onKeyDown} aria-describedby="event-form-keys">
      <FormProblems summary={hasErrors(errors) && t('form.errorSummary')} details={errors.other.map(dm)} />
      {failure && <ErrorPanel error={failure} />}
      <Field id="event-name" label={t('form.name')} error={error('name')}>
        {(aria) => <input {...aria} {...text('name')} type="text" className="input" autoComplete="off" />}
      </Field>
      <Field id="event-place" label={t('form.place')} hint={t('form.placeHint')} error={error('place')}>
        {(aria) => <input {...aria} {...text('place')} type="text" className="input" autoComplete="off" />}
      </Field>
      <div className="form__row">
        <Field id="event-start" label={t('form.start')} hint={t('form.timeHint')} error={error('start')}>
          {(aria) => <input {...aria} {...text('start')} type="datetime-local" className="input input--datetime" />}
        </Field>
        <Field id="event-end" label={t('form.end')} hint={t('form.timeHint')} error={error('end')}>
          {(aria) => <input {...aria} {...text('end')} type="datetime-local" className="input input--datetime" />}
        </Field>
      </div>
      <RiskField value={values.risk} error={error('risk')} onChange={(r) => set('risk', r)} />
      <Field id="event-visitors" label={t('form.visitors')} hint={t('form.visitorsHint')} error={error('visitors')}>
        {(aria) => <input {...aria} {...text('visitors')} type="text" inputMode="numeric" className="input input--short" autoComplete="off" />}
      </Field>
      <Field id="event-status" label={t('form.status')} error={error('status')}>
        {(aria) => (
          <select {...aria} className="input input--short" value={values.status} onChange={(e) => set('status', e.target.value as EventFormValues['status'])}>
            {EVENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormActions label={t('form.save')} busyLabel={t('form.saving')} busy={busy} cancel={{ label: t('form.cancel'), onClick: cancel, whileBusy: true }}>
        <p id="event-form-keys" className="form__keys">
          {t('form.keys')}
        </p>
      </FormActions>
    </form>
  );
}
