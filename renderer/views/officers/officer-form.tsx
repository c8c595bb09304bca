// The officer form: name, BOA domain and akte, werkgebied, geweldsmiddelen, verkeersregelaar appointment,
// contract hours, active; and, clearly apart, the private details that never leave this device.
import { useState, type FormEvent } from 'react';
import { BOA_DOMAINS, FORCE_MEANS, type OfficerFields } from '../../../shared/domain/officer';
import { GEMEENTEN, gemeenteName } from '../../../shared/domain/gemeenten';
import type { ApiCallError } from '../../api/client';
import { todayLocal } from '../../components/coord-format';
import { Field } from '../../components/field';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { orderGemeenten } from '../first-run/gemeente-order';
import { paperWarnings } from './officer-warnings';
import { PaperWarningText } from './paper-warning-text';
import { FormProblems } from '../../components/form-problems';
import { FormActions } from '../../components/form-actions';

const REGION = orderGemeenten(GEMEENTEN).region;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface OfficerValues {
  name: string;
  domain: (typeof BOA_DOMAINS)[number];
  akteValidUntil: string;
  territory: string[];
  force: (typeof FORCE_MEANS)[number][];
  trafficAppointed: string;
  contractHours: string;
  active: boolean;
  phone: string;
  boaNumber: string;
  notes: string;
}

export function emptyOfficer(own: string): OfficerValues {
  return { name: '', domain: 'I', akteValidUntil: '', territory: [own], force: [], trafficAppointed: '', contractHours: '36', active: true, phone: '', boaNumber: '', notes: '' };
}

type FieldName = 'name' | 'akteValidUntil' | 'territory' | 'trafficAppointed' | 'contractHours';

function check(v: OfficerValues): Partial<Record<FieldName, 'required' | 'date' | 'territory' | 'hours'>> {
  const e: Partial<Record<FieldName, 'required' | 'date' | 'territory' | 'hours'>> = {};
  if (v.name.trim() === '') e.name = 'required';
  if (!DATE.test(v.akteValidUntil)) e.akteValidUntil = 'date';
  if (v.territory.length === 0) e.territory = 'territory';
  if (v.trafficAppointed !== '' && !DATE.test(v.trafficAppointed)) e.trafficAppointed = 'date';
  if (parseHours(v.contractHours) === undefined) e.contractHours = 'hours';
  return e;
}

/** Contract hours as typed: whole or with one decimal, with a comma (28,8) or a point; 0 to 60. */
export function parseHours(text: string): number | undefined {
  const m = /^(\d{1,2})(?:[,.](\d))?$/.exec(text.trim());
  if (!m) return undefined;
  const hours = Number(m[1]) + Number(m[2] ?? 0) / 10;
  return hours <= 60 ? hours : undefined;
}

/** Contract hours for the form's field: "28,8" in Dutch, "28.8" in English. */
export function hoursText(hours: number, locale: 'nl' | 'en'): string {
  return locale === 'nl' ? String(hours).replace('.', ',') : String(hours);
}

export function toFields(v: OfficerValues): OfficerFields {
  return {
    name: v.name.trim(),
    qualifications: { domain: v.domain, akteValidUntil: v.akteValidUntil, territory: v.territory, force: v.force, trafficAppointed: v.trafficAppointed === '' ? null : v.trafficAppointed },
    contractHours: parseHours(v.contractHours) ?? Number.NaN,
    active: v.active,
    phone: v.phone.trim(),
    boaNumber: v.boaNumber.trim(),
    notes: v.notes,
  };
}

const ORDER: FieldName[] = ['name', 'akteValidUntil', 'territory', 'trafficAppointed', 'contractHours'];

export function OfficerForm({ initial, own, save, submitLabel }: { initial: OfficerValues; own: string; save(fields: OfficerFields): Promise<void>; submitLabel: string }) {
  const { t } = useI18n();
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<ReturnType<typeof check>>({});
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState(false);
  const warnings = paperWarnings({ akteValidUntil: v.akteValidUntil, trafficAppointed: v.trafficAppointed || null }, todayLocal());
  const territoryChoices = [...REGION.map((g) => g.code), ...v.territory.filter((c) => !REGION.some((g) => g.code === c))];

  function set<K extends keyof OfficerValues>(key: K, value: OfficerValues[K]) {
    setV((prev) => ({ ...prev, [key]: value }));
    setErrors(({ [key as FieldName]: _gone, ...rest }) => rest);
  }

  const msg = (f: FieldName) => {
    const e = errors[f];
    return e ? t(`officers.error.${e}`) : undefined;
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFailure(undefined);
    const found = check(v);
    setErrors(found);
    const first = ORDER.find((f) => found[f]);
    if (first) {
      document.getElementById(first === 'territory' ? `territory-${territoryChoices[0]}` : `officer-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await save(toFields(v));
    } catch (err) {
      setFailure(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormProblems summary={Object.keys(errors).length > 0 && t('officers.errorSummary')} failure={failure} />
      <Field id="officer-name" label={t('officers.field.name')} error={msg('name')}>
        {(aria) => <input {...aria} className="input" value={v.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <div className="form__row">
        <Field id="officer-domain" label={t('officers.field.domain')}>
          {(aria) => (
            <select {...aria} className="input" value={v.domain} onChange={(e) => set('domain', e.target.value as OfficerValues['domain'])}>
              {BOA_DOMAINS.map((d) => (
                <option key={d} value={d}>
                  {t(`officers.domainName.${d}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="officer-akteValidUntil" label={t('officers.field.akte')} hint={t('officers.akteHint')} error={msg('akteValidUntil')}>
          {(aria) => <input {...aria} type="date" className="input input--short" value={v.akteValidUntil} onChange={(e) => set('akteValidUntil', e.target.value)} />}
        </Field>
      </div>
      {warnings.length > 0 && (
        <div className="panel panel--warning" role="status" data-testid="paper-warnings">
          {warnings.map((w) => (
            <p key={w.kind}>
              <PaperWarningText warning={w} />
            </p>
          ))}
        </div>
      )}
      <fieldset className={`fieldset field${errors.territory ? ' field--invalid' : ''}`}>
        <legend className="field__label">{t('officers.field.territory')}</legend>
        <p className="field__hint">{t('officers.territoryHint')}</p>
        {errors.territory && <p className="field__error">{msg('territory')}</p>}
        <div className="checkbox-grid">
          {territoryChoices.map((code) => (
            <label key={code} className="checkbox">
              <input
                id={`territory-${code}`}
                type="checkbox"
                checked={v.territory.includes(code)}
                onChange={(e) => set('territory', e.target.checked ? [...v.territory, code] : v.territory.filter((c) => c !== code))}
              />{' '}
              {gemeenteName(code)}
              {code === own && ` (${t('agreements.own')})`}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset field">
        <legend className="field__label">{t('officers.field.force')}</legend>
        <div className="checkbox-grid">
          {FORCE_MEANS.map((f) => (
            <label key={f} className="checkbox">
              <input type="checkbox" checked={v.force.includes(f)} onChange={(e) => set('force', e.target.checked ? [...v.force, f] : v.force.filter((x) => x !== f))} /> {t(`officers.force.${f}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form__row">
        <Field id="officer-trafficAppointed" label={t('officers.field.traffic')} hint={t('officers.trafficHint')} error={msg('trafficAppointed')}>
          {(aria) => <input {...aria} type="date" className="input input--short" value={v.trafficAppointed} onChange={(e) => set('trafficAppointed', e.target.value)} />}
        </Field>
        <Field id="officer-contractHours" label={t('officers.field.hours')} error={msg('contractHours')}>
          {(aria) => <input {...aria} inputMode="decimal" className="input input--tiny" value={v.contractHours} onChange={(e) => set('contractHours', e.target.value)} />}
        </Field>
      </div>
      <label className="checkbox field">
        <input type="checkbox" checked={v.active} onChange={(e) => set('active', e.target.checked)} /> {t('officers.field.active')}
      </label>
      <fieldset className="fieldset private">
        <legend className="private__legend">{t('officers.privateTitle')}</legend>
        <p className="private__note">{t('officers.privateNote')}</p>
        <div className="form__row">
          <Field id="officer-phone" label={t('officers.field.phone')}>
            {(aria) => <input {...aria} type="tel" className="input input--short" value={v.phone} onChange={(e) => set('phone', e.target.value)} />}
          </Field>
          <Field id="officer-boaNumber" label={t('officers.field.boaNumber')}>
            {(aria) => <input {...aria} className="input input--short" value={v.boaNumber} onChange={(e) => set('boaNumber', e.target.value)} />}
          </Field>
        </div>
        <Field id="officer-notes" label={t('officers.field.notes')}>
          {(aria) => <textarea {...aria} className="input" rows={3} value={v.notes} onChange={(e) => set('notes', e.target.value)} />}
        </Field>
      </fieldset>
      <FormActions label={submitLabel} busy={busy} cancel={{ href: '#/handhavers' }} />
    </form>
  );
}
