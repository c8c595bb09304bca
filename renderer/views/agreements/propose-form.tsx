// Propose an agreement: title, parties (Kennemerland first), period, per provider an hourly tariff with its
// four surcharges or gesloten beurs, the monthly cap, and the coordinator's mandate. Proposing also signs it.
import { useEffect, useState, type FormEvent } from 'react';
import type { Identity } from '../../../shared/api/contract';
import { GEMEENTEN, gemeenteName } from '../../../shared/domain/gemeenten';
import { api, type ApiCallError } from '../../api/client';
import { PageHeading } from '../../components/page-heading';
import { todayLocal } from '../../components/coord-format';
import { useI18n } from '../../i18n/t';
import { navigate } from '../../routing/routes';
import { asApiCallError } from '../../api/api-call-error';
import { useUiStore } from '../../state/ui-store';
import { orderGemeenten } from '../first-run/gemeente-order';
import { defaultValues, DEFAULT_PROVIDER, validate, valuesFromTerms, type ProposeErrors, type ProposeValues, type ProviderValues } from './propose-model';
import '../../styles/coordination.css';
import { FormProblems } from '../../components/form-problems';
import { Field } from '../../components/field';
import { FormActions } from '../../components/form-actions';

const GROUPS = orderGemeenten(GEMEENTEN);
const FIELD_ORDER = ['title', 'parties', 'start', 'end'];

/** `counterTo`: a partner's proposal this one answers (a counter-proposal: its terms, changed, sent back). */
export function ProposeForm({ identity, counterTo }: { identity: Identity; counterTo?: string }) {
  const { t } = useI18n();
  const announce = useUiStore((s) => s.announce);
  const [values, setValues] = useState<ProposeValues>(() => defaultValues(identity.gemeente, todayLocal()));
  const [errors, setErrors] = useState<ProposeErrors>({});
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState(false);
  const [other, setOther] = useState('');
  const [countering, setCountering] = useState<{ title: string; proposer: string }>();

  useEffect(() => {
    if (!counterTo) return;
    api()
      .call('agreements.get', { id: counterTo })
      .then((a) => {
        setValues(valuesFromTerms(a));
        setCountering({ title: a.title, proposer: a.proposer });
      })
      .catch((err: unknown) => setFailure(asApiCallError(err)));
  }, [counterTo]);

  const err = (id: string) => (errors[id] ? t(`agreements.error.${errors[id]}`) : undefined);

  function set<K extends keyof ProposeValues>(key: K, value: ProposeValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      const { [key]: _gone, ...rest } = e;
      return rest;
    });
  }

  function toggleParty(code: string, on: boolean) {
    const parties = on ? [...new Set([...values.parties, code])] : values.parties.filter((p) => p !== code);
    setValues((v) => ({ ...v, parties, providers: { ...v.providers, [code]: v.providers[code] ?? { ...DEFAULT_PROVIDER } } }));
    setErrors(({ parties: _p, ...rest }) => rest);
  }

  function setProvider(code: string, key: keyof ProviderValues, value: string) {
    setValues((v) => ({ ...v, providers: { ...v.providers, [code]: { ...(v.providers[code] ?? DEFAULT_PROVIDER), [key]: value } } }));
    setErrors(({ [`${key}-${code}`]: _gone, ...rest }) => rest);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFailure(undefined);
    const result = validate(values);
    if (!result.ok) {
      setErrors(result.errors);
      const first = [...FIELD_ORDER, ...Object.keys(result.errors)].find((k) => result.errors[k]);
      document.getElementById(first === 'parties' ? `party-${GROUPS.region[0]?.code ?? ''}` : `propose-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const a = await api().call('agreements.propose', result.terms);
      announce({
        text: countering ? t('agreements.countered', { title: a.title, gemeente: gemeenteName(countering.proposer) }) : t('agreements.proposed', { title: a.title }),
        path: `/afspraken/${a.id}`,
      });
      navigate(`/afspraken/${encodeURIComponent(a.id)}`);
    } catch (error) {
      setFailure(asApiCallError(error));
      setBusy(false);
    }
  }

  const others = values.parties.filter((p) => !GROUPS.region.some((g) => g.code === p));
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <>
      <PageHeading>{counterTo ? t('agreements.counterTitle') : t('agreements.newTitle')}</PageHeading>
      <p className="lead">{countering ? t('agreements.counterIntro', { title: countering.title, gemeente: gemeenteName(countering.proposer) }) : t('agreements.newIntro')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormProblems summary={hasErrors && t('agreements.errorSummary')} failure={failure} />
        <Field id="propose-title" label={t('agreements.field.title')} error={err('title')}>
          {(aria) => <input {...aria} className="input" value={values.title} onChange={(e) => set('title', e.target.value)} />}
        </Field>

        <fieldset className={`fieldset field${errors.parties ? ' field--invalid' : ''}`} aria-describedby="parties-hint">
          <legend className="field__label">{t('agreements.field.parties')}</legend>
          <p id="parties-hint" className="field__hint">
            {t('agreements.partiesHint')}
          </p>
          {errors.parties && <p className="field__error">{err('parties')}</p>}
          <div className="checkbox-grid">
            {GROUPS.region.map((g) => (
              <label key={g.code} className="checkbox">
                <input
                  id={`party-${g.code}`}
                  type="checkbox"
                  checked={values.parties.includes(g.code)}
                  disabled={g.code === identity.gemeente}
                  onChange={(e) => toggleParty(g.code, e.target.checked)}
                />{' '}
                {g.name}
                {g.code === identity.gemeente && ` (${t('agreements.own')})`}
              </label>
            ))}
            {others.map((code) => (
              <label key={code} className="checkbox">
                <input type="checkbox" checked disabled={code === identity.gemeente} onChange={(e) => toggleParty(code, e.target.checked)} /> {gemeenteName(code)}
              </label>
            ))}
          </div>
          <div className="inline-add">
            <label htmlFor="party-other" className="field__label">
              {t('agreements.field.otherParty')}
            </label>
            <select id="party-other" className="input input--short" value={other} onChange={(e) => setOther(e.target.value)}>
              <option value="">{t('agreements.chooseOther')}</option>
              {GROUPS.others.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.name}
                </option>
              ))}
            </select>
            <button type="button" className="button button--secondary" disabled={!other} onClick={() => (toggleParty(other, true), setOther(''))}>
              {t('agreements.addParty')}
            </button>
          </div>
        </fieldset>

        <div className="form__row">
          <Field id="propose-start" label={t('agreements.field.start')} error={err('start')}>
            {(aria) => <input {...aria} type="date" className="input input--short" value={values.start} onChange={(e) => set('start', e.target.value)} />}
          </Field>
          <Field id="propose-end" label={t('agreements.field.end')} error={err('end')}>
            {(aria) => <input {...aria} type="date" className="input input--short" value={values.end} onChange={(e) => set('end', e.target.value)} />}
          </Field>
        </div>

        <h2>{t('agreements.payTitle')}</h2>
        <p className="field__hint">{t('agreements.payHint')}</p>
        {[...values.parties]
          .sort((a, b) => gemeenteName(a).localeCompare(gemeenteName(b), 'nl'))
          .map((code) => {
            const pv = values.providers[code] ?? DEFAULT_PROVIDER;
            const name = gemeenteName(code);
            return (
              <fieldset key={code} className="fieldset provider">
                <legend className="provider__legend">{t('agreements.providerLegend', { name })}</legend>
                <div className="radio-row">
                  <label className="radio">
                    <input type="radio" name={`model-${code}`} checked={pv.model === 'tariff'} onChange={() => setProvider(code, 'model', 'tariff')} /> {t('agreements.model.tariff')}
                  </label>
                  <label className="radio">
                    <input type="radio" name={`model-${code}`} checked={pv.model === 'gesloten_beurs'} onChange={() => setProvider(code, 'model', 'gesloten_beurs')} /> {t('agreements.model.closed')}
                  </label>
                </div>
                {pv.model === 'tariff' && (
                  <div className="form__row">
                    <Field id={`propose-hourly-${code}`} label={t('agreements.field.hourly', { name })} error={err(`hourly-${code}`)}>
                      {(aria) => <input {...aria} inputMode="decimal" className="input input--tiny" value={pv.hourly} onChange={(e) => setProvider(code, 'hourly', e.target.value)} />}
                    </Field>
                    {(['evening', 'night', 'weekend', 'holiday'] as const).map((k) => (
                      <Field key={k} id={`propose-${k}-${code}`} label={t(`agreements.field.${k}`, { name })} error={err(`${k}-${code}`)}>
                        {(aria) => <input {...aria} inputMode="numeric" className="input input--tiny" value={pv[k]} onChange={(e) => setProvider(code, k, e.target.value)} />}
                      </Field>
                    ))}
                  </div>
                )}
              </fieldset>
            );
          })}

        <h2>{t('agreements.limitsTitle')}</h2>
        <Field id="propose-cap" label={t('agreements.field.cap')} hint={t('agreements.capHint')} error={err('cap')}>
          {(aria) => <input {...aria} inputMode="numeric" className="input input--tiny" value={values.cap} onChange={(e) => set('cap', e.target.value)} />}
        </Field>
        <div className="form__row">
          <Field id="propose-maxOfficers" label={t('agreements.field.maxOfficers')} error={err('maxOfficers')}>
            {(aria) => <input {...aria} inputMode="numeric" className="input input--tiny" value={values.maxOfficers} onChange={(e) => set('maxOfficers', e.target.value)} />}
          </Field>
          <Field id="propose-maxHours" label={t('agreements.field.maxHours')} hint={t('agreements.maxHoursHint')} error={err('maxHours')}>
            {(aria) => <input {...aria} inputMode="numeric" className="input input--tiny" value={values.maxHours} onChange={(e) => set('maxHours', e.target.value)} />}
          </Field>
        </div>
        <Field id="propose-escalateTo" label={t('agreements.field.escalateTo')} hint={t('agreements.escalateHint')} error={err('escalateTo')}>
          {(aria) => <input {...aria} className="input" value={values.escalateTo} onChange={(e) => set('escalateTo', e.target.value)} />}
        </Field>
        <FormActions label={t('agreements.propose')} busy={busy} cancel={{ href: '#/afspraken' }} />
      </form>
    </>
  );
}
