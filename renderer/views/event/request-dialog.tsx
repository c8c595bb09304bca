// Ask a trusted partner for officers for a shift, under an agreement in force on the shift's dates (own
// officers are assigned directly, see assign-dialog). Shows before sending when the count goes beyond the coordinator's mandate under that agreement.
import { useState, type FormEvent } from 'react';
import type { ShiftPlan } from '../../../shared/api/planning';
import type { AgreementRecord } from '../../../shared/domain/agreement';
import type { RequestRecord } from '../../../shared/domain/request';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { inForceOn } from '../../../shared/rules';
import { api, type ApiCallError } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorPanel } from '../../components/error-panel';
import { Field } from '../../components/field';
import { ModalDialog } from '../../components/modal-dialog';
import { DialogActions } from './dialog-actions';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { wallMinutes } from './shift-model';

interface Props {
  shift: ShiftPlan;
  subtitle: string;
  ownGemeente: string;
  onClose(): void;
  onCreated(request: RequestRecord): void;
}

/** Agreements between us and `provider` in force on every date the shift touches, with terms for the provider. */
export function agreementsFor(agreements: readonly AgreementRecord[], own: string, provider: string, shift: Pick<ShiftPlan, 'start' | 'end'>): AgreementRecord[] {
  const dates = [shift.start.slice(0, 10), shift.end.slice(0, 10)];
  return agreements.filter((a) => a.parties.includes(own) && a.parties.includes(provider) && a.providers[provider] !== undefined && dates.every((d) => inForceOn(a, d)));
}

export function RequestDialog({ shift, subtitle, ownGemeente, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const { data: known, error: loadError } = useApiQuery(async () => {
    const [devices, agreements] = await Promise.all([api().call('partners.list', {}), api().call('agreements.list', {})]);
    const partners = [...new Set(devices.filter((d) => d.trusted && !d.self && d.gemeente !== ownGemeente).map((d) => d.gemeente))].sort((a, b) =>
      gemeenteName(a).localeCompare(gemeenteName(b), 'nl'),
    );
    return { partners, agreements };
  }, [ownGemeente]);
  const partners = known?.partners;
  const agreements = known?.agreements ?? [];
  const [picked, setProvider] = useState('');
  const provider = picked || partners?.[0] || '';
  const [agreementId, setAgreementId] = useState('');
  const asked = shift.requests.filter((r) => r.status === 'open' || r.status === 'partly').reduce((n, r) => n + r.count - r.committed, 0);
  const [count, setCount] = useState(String(Math.max(1, shift.needed - shift.committed - asked)));
  const [note, setNote] = useState('');
  const [countError, setCountError] = useState(false);
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState(false);

  const shownError = failure ?? loadError;
  const usable = provider ? agreementsFor(agreements, ownGemeente, provider, shift) : [];
  const chosen = usable.find((a) => a.id === agreementId) ?? usable[0];
  const n = Number(count);
  const hours = (n * (wallMinutes(shift.end) - wallMinutes(shift.start))) / 60;
  const beyond = chosen && Number.isInteger(n) && (n > chosen.mandate.maxOfficers || (chosen.mandate.maxHours !== null && hours > chosen.mandate.maxHours));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!Number.isInteger(n) || n < 1 || n > 500) return setCountError(true);
    if (!provider || !chosen) return;
    setBusy(true);
    setFailure(undefined);
    try {
      onCreated(await api().call('requests.create', { shiftId: shift.id, provider, agreementId: chosen.id, count: n, note }));
    } catch (err) {
      setFailure(asApiCallError(err));
      setBusy(false);
    }
  }

  return (
    <ModalDialog title={t('evreq.title')} subtitle={subtitle} onClose={onClose}>
      <form className="form form--dialog" noValidate onSubmit={submit}>
        {shownError && <ErrorPanel error={shownError} />}
        {!partners && !loadError && <p role="status">{t('evreq.loading')}</p>}
        {partners && partners.length === 0 && (
          <div className="panel panel--info" role="status">
            <p>{t('evreq.noPartners')}</p>
          </div>
        )}
        <Field id="request-provider" label={t('evreq.provider')} hint={t('evreq.providerHint')}>
          {(aria) => (
            <select {...aria} className="input" value={provider} onChange={(e) => (setProvider(e.target.value), setAgreementId(''))}>
              {(partners ?? []).map((g) => (
                <option key={g} value={g}>
                  {gemeenteName(g)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {provider && usable.length === 0 && (
          <div className="panel panel--warning" role="status">
            <p>{t('evreq.noAgreement', { name: gemeenteName(provider), date: shift.start.slice(0, 10).split('-').reverse().join('-') })}</p>
          </div>
        )}
        {usable.length > 0 && (
          <Field id="request-agreement" label={t('evreq.agreement')} hint={t('evreq.agreementHint')}>
            {(aria) => (
              <select {...aria} className="input" value={chosen?.id ?? ''} onChange={(e) => setAgreementId(e.target.value)}>
                {usable.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field id="request-count" label={t('evreq.count')} error={countError ? t('evreq.countInvalid') : undefined}>
          {(aria) => <input {...aria} type="number" min={1} max={500} className="input input--number" value={count} onChange={(e) => (setCount(e.target.value), setCountError(false))} />}
        </Field>
        {beyond && chosen && (
          <div className="panel panel--warning" role="status">
            <p>
              {t('evreq.escalation', {
                max: chosen.mandate.maxOfficers,
                hours: chosen.mandate.maxHours === null ? '' : t('evreq.escalationHours', { hours: chosen.mandate.maxHours }),
                role: chosen.mandate.escalateTo,
                name: gemeenteName(provider),
              })}
            </p>
          </div>
        )}
        <Field id="request-note" label={t('evreq.note')}>
          {(aria) => <textarea {...aria} className="input" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <DialogActions busy={busy} submitLabel={t('evreq.submit')} onCancel={onClose} disabled={!chosen} />
      </form>
    </ModalDialog>
  );
}
