// The buttons under a form: the main button, which says when it is busy and cannot be pressed twice, then a
// cancel button or link, then anything else (a hint).
import type { ReactNode, Ref } from 'react';
import { useI18n } from '../i18n/t';

interface BusyButtonProps {
  label: string;
  busy: boolean;
  /** What the button says while busy; "Bezig…" unless said otherwise. */
  busyLabel?: string;
  type?: 'button' | 'submit';
  kind?: 'primary' | 'secondary' | 'warning';
  disabled?: boolean;
  onClick?: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}

export function BusyButton({ label, busy, busyLabel, type = 'button', kind = 'primary', disabled = false, onClick, buttonRef }: BusyButtonProps) {
  const { t } = useI18n();
  return (
    <button ref={buttonRef} type={type} className={kind === 'primary' ? 'button' : `button button--${kind}`} disabled={busy || disabled} onClick={onClick}>
      {busy ? (busyLabel ?? t('common.busy')) : label}
    </button>
  );
}

export interface Cancel {
  /** "Annuleren" unless said otherwise. */
  label?: string;
  onClick?: () => void;
  /** A link back instead of a button. */
  href?: string;
  /** The cancel button stays usable while the main action runs. */
  whileBusy?: boolean;
}

export function FormActions({ cancel, children, ...submit }: Omit<BusyButtonProps, 'type'> & { type?: 'button' | 'submit'; cancel?: Cancel; children?: ReactNode }) {
  const { t } = useI18n();
  const cancelLabel = cancel?.label ?? t('common.cancel');
  return (
    <div className="form__actions">
      <BusyButton type="submit" {...submit} />
      {cancel?.href !== undefined && (
        <a className="button button--secondary" href={cancel.href}>
          {cancelLabel}
        </a>
      )}
      {cancel?.onClick && (
        <button type="button" className="button button--secondary" disabled={submit.busy && !cancel.whileBusy} onClick={cancel.onClick}>
          {cancelLabel}
        </button>
      )}
      {children}
    </div>
  );
}
