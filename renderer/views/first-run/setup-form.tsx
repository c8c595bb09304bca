// The first-run form: choose the own gemeente, name this device, and start empty (for real) or with the
// voorbeeldregio (a demo in its own database). Checked with main's own schema first.
import { useEffect, useState, type FormEvent } from 'react';
import { contract, type Identity } from '../../../shared/api/contract';
import type { DemoSummary } from '../../../shared/api/demo';
import type { JoinRequestFile } from '../../../shared/api/identity';
import { api, type ApiCallError } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { focusFirstInvalid, hasErrors, sortIssues, zodErrors, type SortedIssues } from '../../forms/issues';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { GemeenteCombobox } from './gemeente-combobox';
import { orderGemeenten, type GemeenteGroups } from './gemeente-order';
import './first-run.css';
import { FormProblems } from '../../components/form-problems';
import { Field } from '../../components/field';
import { FormActions } from '../../components/form-actions';

const FIELDS = ['gemeente', 'deviceLabel'] as const;
type SetupField = (typeof FIELDS)[number];
const ELEMENT_ID: Record<SetupField, string> = { gemeente: 'setup-gemeente', deviceLabel: 'setup-device' };

export type SetupDone =
  { kind: 'real'; identity: Identity } | { kind: 'demo'; identity: Identity; summary: DemoSummary } | { kind: 'join'; request: JoinRequestFile; gemeente: string; deviceLabel: string };
type Start = 'empty' | 'demo' | 'join';

const START_TEXT = {
  empty: ['firstRun.startEmpty', 'firstRun.startEmptyHint'],
  demo: ['firstRun.startDemo', 'firstRun.startDemoHint'],
  join: ['join.option', 'join.optionHint'],
} as const;

export function SetupForm({ onDone }: { onDone(done: SetupDone): void }) {
  const { t, dm } = useI18n();
  const [groups, setGroups] = useState<GemeenteGroups>();
  const [loadError, setLoadError] = useState<ApiCallError>();
  const [gemeente, setGemeente] = useState('');
  const [deviceLabel, setDeviceLabel] = useState('');
  const [start, setStart] = useState<Start>('empty');
  const [errors, setErrors] = useState<SortedIssues<SetupField>>({ fields: {}, other: [] });
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState(false);

  const loadGemeenten = () => {
    setLoadError(undefined);
    api()
      .call('gemeenten.list', {})
      .then((all) => setGroups(orderGemeenten(all)))
      .catch((err: unknown) => setLoadError(asApiCallError(err)));
  };
  useEffect(loadGemeenten, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFailure(undefined);
    const parsed = contract['setup.init'].input.safeParse({ gemeente, deviceLabel });
    if (!parsed.success) {
      const sorted = zodErrors(parsed.error, FIELDS);
      setErrors(sorted);
      focusFirstInvalid(FIELDS, sorted.fields, (f) => ELEMENT_ID[f]);
      return;
    }
    setErrors({ fields: {}, other: [] });
    setBusy(true);
    try {
      if (start === 'demo') onDone({ kind: 'demo', ...(await api().call('setup.startDemo', parsed.data)) });
      else if (start === 'join') onDone({ kind: 'join', request: await api().call('devices.joinRequest', parsed.data), ...parsed.data });
      else onDone({ kind: 'real', identity: await api().call('setup.init', parsed.data) });
    } catch (err) {
      const error = asApiCallError(err);
      const sorted = sortIssues(error.issues, FIELDS);
      if (hasErrors(sorted)) {
        setErrors(sorted);
        focusFirstInvalid(FIELDS, sorted.fields, (f) => ELEMENT_ID[f]);
      } else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  if (loadError) return <ErrorPanel error={loadError} onRetry={loadGemeenten} />;
  if (!groups) return <p role="status">{t('firstRun.loadingGemeenten')}</p>;

  const error = (f: SetupField) => (errors.fields[f] ? dm(errors.fields[f]) : undefined);
  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormProblems summary={hasErrors(errors) && t('firstRun.errorSummary')} details={errors.other.map(dm)} failure={failure} />
      <GemeenteCombobox id={ELEMENT_ID.gemeente} label={t('firstRun.gemeente')} hint={t('firstRun.gemeenteHint')} error={error('gemeente')} groups={groups} value={gemeente} onChange={setGemeente} />
      <Field id={ELEMENT_ID.deviceLabel} label={t('firstRun.device')} hint={t('firstRun.deviceHint')} error={error('deviceLabel')}>
        {(aria) => <input {...aria} type="text" className="input" maxLength={80} autoComplete="off" value={deviceLabel} onChange={(e) => setDeviceLabel(e.target.value)} />}
      </Field>
      <fieldset className="field fieldset">
        <legend className="field__label">{t('firstRun.startLegend')}</legend>
        <div className="start-choice">
          {(['empty', 'demo', 'join'] as const).map((option) => (
            <label key={option} className="radio start-choice__option" htmlFor={`setup-start-${option}`}>
              <input id={`setup-start-${option}`} type="radio" name="setup-start" checked={start === option} aria-describedby={`setup-start-${option}-hint`} onChange={() => setStart(option)} />
              <span>
                <span className="start-choice__name">{t(START_TEXT[option][0])}</span>
                <span id={`setup-start-${option}-hint`} className="start-choice__hint">
                  {t(START_TEXT[option][1])}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormActions label={t('firstRun.submit')} busyLabel={t('firstRun.busy')} busy={busy} />
      {/* Creating the demo takes seconds: say so while it runs. */}
      <p role="status" className="start-choice__progress">
        {busy && start === 'demo' ? t('firstRun.demoBusy') : ''}
      </p>
    </form>
  );
}
