// The submit and cancel buttons every dialog of the Evenement screen ends with.
import { useI18n } from '../../i18n/t';

export function DialogActions({ busy, submitLabel, onCancel, disabled = false }: { busy: boolean; submitLabel: string; onCancel: () => void; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="form__actions">
      <button type="submit" className="button" disabled={busy || disabled}>
        {busy ? t('ev.dialog.busy') : submitLabel}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t('ev.dialog.cancel')}
      </button>
    </div>
  );
}
