// Add or edit a shift, in a dialog. Checked with the shared schema on submit; the shift-length rule of the
// Arbeidstijdenwet and a shift outside its event's times are shown while typing, as warnings, with the same
// pure functions main checks the plan with (main accepts the shift; officers cannot work it).
import { useState, type FormEvent } from 'react';
import { REQUIRED_QUALIFICATIONS, SHIFT_ROLES, shiftFieldsSchema, type ShiftFields, type ShiftRecord, type ShiftRole } from '../../../shared/domain/shift';
import { shiftLengthProblem } from '../../../shared/rules';
import { shiftOutsideEvent } from '../../../shared/rules/event-span';
import { formatDuration, ruleMessage } from '../../../shared/i18n/rule-messages';
import { isLocalDateTime, localToEpoch } from '../../../shared/time/local';
import { api } from '../../api/client';
import { Field } from '../../components/field';
import { ModalDialog } from '../../components/modal-dialog';
import { DialogActions } from './dialog-actions';
import { focusFirstInvalid, sortIssues, zodErrors, type SortedIssues } from '../../forms/issues';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import type { ApiCallError } from '../../api/client';
import { addMinutes, nextDayEnd } from './shift-model';
import { formatLocal } from '../../i18n/format';
import { FormProblems } from '../../components/form-problems';

const FIELDS = ['start', 'end', 'role', 'needed', 'inPairs', 'qualifications'] as const;
type ShiftField = (typeof FIELDS)[number];

interface Values {
  start: string;
  end: string;
  role: ShiftRole;
  needed: string;
  inPairs: boolean;
  qualifications: string[];
}

interface Props {
  eventId: string;
  /** The event's name and times, to warn while typing when the shift falls outside them. */
  event?: { name: string; start: string; end: string };
  /** The shift to edit, or undefined to add one. */
  shift: ShiftRecord | undefined;
  defaultStart: string;
  onClose(): void;
  onSaved(saved: ShiftRecord): void;
}

function validate(eventId: string, v: Values): { ok: true; fields: ShiftFields } | { ok: false; errors: SortedIssues<ShiftField> } {
  const parsed = shiftFieldsSchema.safeParse({
    eventId,
    start: v.start,
    end: v.end,
    role: v.role,
    needed: v.needed.trim() === '' ? Number.NaN : Number(v.needed),
    inPairs: v.inPairs,
    qualifications: v.qualifications,
  });
  // Every problem at once: an end before the start is reported beside the schema's findings, not after them.
  const endFirst = isLocalDateTime(v.start) && isLocalDateTime(v.end) && localToEpoch(v.end) <= localToEpoch(v.start);
  if (parsed.success && !endFirst) return { ok: true, fields: parsed.data };
  const errors = parsed.success ? { fields: {}, other: [] } : zodErrors(parsed.error, FIELDS);
  if (endFirst) errors.fields.end ??= 'shift.end.before_start';
  return { ok: false, errors };
}

export function ShiftFormDialog({ eventId, event, shift, defaultStart, onClose, onSaved }: Props) {
  const { t, dm, locale } = useI18n();
  const [values, setValues] = useState<Values>(() =>
    shift
      ? { start: shift.start, end: shift.end, role: shift.role, needed: String(shift.needed), inPairs: shift.inPairs, qualifications: shift.qualifications }
      : { start: defaultStart, end: addMinutes(defaultStart, 8 * 60), role: 'toezicht', needed: '2', inPairs: true, qualifications: [] },
  );
  const [errors, setErrors] = useState<SortedIssues<ShiftField>>({ fields: {}, other: [] });
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [k]: value }));
    if (errors.fields[k]) setErrors((e) => ({ ...e, fields: { ...e.fields, [k]: undefined } }));
  };
  const nextDay = nextDayEnd(values.start, values.end);
  const times = isLocalDateTime(values.start) && isLocalDateTime(values.end) && localToEpoch(values.end) > localToEpoch(values.start);
  const length = times ? shiftLengthProblem(values.start, values.end) : null;
  const outside =
    times && event && shiftOutsideEvent(values, event)
      ? ruleMessage('SHIFT_OUTSIDE_EVENT', { event: event.name, start: values.start, end: values.end, eventStart: event.start, eventEnd: event.end }, locale)
      : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFailure(undefined);
    const result = validate(eventId, values);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstInvalid(FIELDS, result.errors.fields, (f) => `shift-${f}`);
      return;
    }
    setBusy(true);
    try {
      onSaved(shift ? await api().call('shifts.update', { id: shift.id, fields: result.fields }) : await api().call('shifts.create', result.fields));
    } catch (err) {
      const error = asApiCallError(err);
      const sorted = sortIssues(error.issues, FIELDS, shift ? 'fields.' : '');
      if (Object.keys(sorted.fields).length) {
        setErrors(sorted);
        focusFirstInvalid(FIELDS, sorted.fields, (f) => `shift-${f}`);
      } else setFailure(error);
      setBusy(false);
    }
  }

  const error = (f: ShiftField) => (errors.fields[f] ? dm(errors.fields[f]) : undefined);
  return (
    <ModalDialog title={shift ? t('evshift.editTitle') : t('evshift.newTitle')} onClose={onClose}>
      <form className="form form--dialog" noValidate onSubmit={submit}>
        <FormProblems summary={Object.values(errors.fields).some(Boolean) && t('evshift.errorSummary')} failure={failure} />
        <div className="form__row">
          <Field id="shift-start" label={t('evshift.start')} hint={t('form.timeHint')} error={error('start')}>
            {(aria) => <input {...aria} type="datetime-local" className="input input--datetime" value={values.start} onChange={(e) => set('start', e.target.value)} />}
          </Field>
          <Field id="shift-end" label={t('evshift.end')} error={error('end')}>
            {(aria) => <input {...aria} type="datetime-local" className="input input--datetime" value={values.end} onChange={(e) => set('end', e.target.value)} />}
          </Field>
        </div>
        {nextDay && (
          <div className="panel panel--info" role="status">
            <p>{t('evshift.nextDay')}</p>
            <button type="button" className="button button--secondary" onClick={() => set('end', nextDay)}>
              {t('evshift.nextDayUse', { end: formatLocal(nextDay, locale) })}
            </button>
          </div>
        )}
        {length && (
          <div className="panel panel--warning" role="status">
            <p>{t(length.variant === 'nightExtended' ? 'evshift.nightLength' : 'evshift.length', { duration: formatDuration(length.minutes, locale) })}</p>
          </div>
        )}
        {outside && (
          <div className="panel panel--warning" role="status">
            <p>{outside}</p>
          </div>
        )}
        <div className="form__row">
          <Field id="shift-role" label={t('evshift.role')} error={error('role')}>
            {(aria) => (
              <select {...aria} className="input input--short" value={values.role} onChange={(e) => set('role', e.target.value as ShiftRole)}>
                {SHIFT_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`ev.role.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="shift-needed" label={t('evshift.needed')} error={error('needed')}>
            {(aria) => <input {...aria} type="number" min={1} max={500} className="input input--number" value={values.needed} onChange={(e) => set('needed', e.target.value)} />}
          </Field>
        </div>
        <div className="field">
          <label className="check">
            <input id="shift-inPairs" type="checkbox" checked={values.inPairs} onChange={(e) => set('inPairs', e.target.checked)} />
            <span>{t('evshift.pairs')}</span>
          </label>
        </div>
        <fieldset className="field fieldset">
          <legend className="field__label">{t('evshift.quals')}</legend>
          <div className="radio-row">
            {REQUIRED_QUALIFICATIONS.map((q) => (
              <label key={q} className="check">
                <input
                  type="checkbox"
                  checked={values.qualifications.includes(q)}
                  onChange={(e) => set('qualifications', e.target.checked ? [...values.qualifications, q] : values.qualifications.filter((x) => x !== q))}
                />
                <span>{t(`ev.qual.${q}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <DialogActions busy={busy} submitLabel={t('evshift.save')} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
