// Confirmation before cancelling a shift: says whose commitments lapse, and that nothing is deleted.
import { useState } from 'react';
import type { ShiftPlan } from '../../../shared/api/planning';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { api, type ApiCallError } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { ModalDialog } from '../../components/modal-dialog';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';

export function ShiftCancelDialog({ shift, time, ownGemeente, onClose, onCancelled }: { shift: ShiftPlan; time: string; ownGemeente: string; onClose(): void; onCancelled(): void }) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState(false);
  const perGemeente = new Map<string, number>();
  for (const o of shift.officers) perGemeente.set(o.employer, (perGemeente.get(o.employer) ?? 0) + 1);
  const own = perGemeente.get(ownGemeente) ?? 0;
  const partners = [...perGemeente].filter(([g]) => g !== ownGemeente);
  const open = shift.requests.some((r) => r.status === 'open' || r.status === 'partly');
  async function confirm() {
    setBusy(true);
    try {
      await api().call('shifts.cancel', { id: shift.id });
      onCancelled();
    } catch (err) {
      setFailure(asApiCallError(err));
      setBusy(false);
    }
  }
  return (
    <ModalDialog title={t('evcancel.title')} onClose={onClose}>
      {failure && <ErrorPanel error={failure} />}
      <p>{t('evcancel.text', { time })}</p>
      {partners.map(([g, count]) => (
        <p key={g} className="panel panel--warning">
          {t('evcancel.partners', { gemeente: gemeenteName(g), count })}
        </p>
      ))}
      {own > 0 && <p>{t('evcancel.own', { count: own })}</p>}
      {open && <p>{t('evcancel.requests')}</p>}
      <div className="form__actions">
        <button type="button" className="button button--warning" disabled={busy} onClick={() => void confirm()}>
          {busy ? t('ev.dialog.busy') : t('evcancel.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('evcancel.keep')}
        </button>
      </div>
    </ModalDialog>
  );
}
