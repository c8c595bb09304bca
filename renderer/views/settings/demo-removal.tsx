// "Voorbeeld verwijderen": one button, one confirmation, and the voorbeeldregio is gone.
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useI18n } from '../../i18n/t';
import { removeDemo } from './demo-state';

export function DemoRemoveButton({ className = 'button button--warning' }: { className?: string }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setConfirming(true)}>
        {t('demo.remove')}
      </button>
      {confirming && (
        <ConfirmDialog title={t('demo.confirmTitle')} confirmLabel={t('demo.confirm')} onConfirm={removeDemo} onClose={() => setConfirming(false)}>
          <p>{t('demo.confirmText')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
