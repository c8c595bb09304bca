// "Weet u het zeker?" before a step that cannot simply be undone: says what will happen, then does it, and
// shows main's refusal in the dialog itself if it comes.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiCallError } from '../api/client';
import { asApiCallError } from '../api/api-call-error';
import { useI18n } from '../i18n/t';
import { ErrorPanel } from './error-panel';
import { ModalDialog } from './modal-dialog';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): Promise<void>;
  onClose(): void;
}

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiCallError>();
  const cancelRef = useRef<HTMLButtonElement>(null);

  // Cancel is the safe default: the dialog opens with focus on it (after showModal, which runs first).
  useEffect(() => {
    cancelRef.current?.focus();
  }, []);

  async function confirm() {
    setBusy(true);
    setFailure(undefined);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setFailure(asApiCallError(err));
      setBusy(false);
    }
  }

  return (
    <ModalDialog title={title} onClose={onClose} tone="danger">
      {children}
      {failure && <ErrorPanel error={failure} />}
      <div className="form__actions">
        <button type="button" className="button button--warning" disabled={busy} onClick={() => void confirm()}>
          {busy ? t('common.busy') : confirmLabel}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={onClose} ref={cancelRef}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
