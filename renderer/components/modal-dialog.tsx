// A modal dialog on the native <dialog>: focus moves in and is kept there, Escape closes, and focus returns
// to what opened it. `tone="danger"` marks a dialog that confirms a step that cannot simply be undone.
import { useEffect, useRef, type ReactNode } from 'react';
import './modal-dialog.css';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Shown under the title: what the dialog is about (a shift, an event). */
  subtitle?: string;
  tone?: 'default' | 'danger';
}

let counter = 0;

export function ModalDialog({ title, subtitle, onClose, children, tone = 'default' }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useRef(`dialog-${++counter}`).current;
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={tone === 'danger' ? 'modal modal--danger' : 'modal'}
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${id}-title`} className="modal__title">
        {title}
      </h2>
      {subtitle && <p className="modal__subtitle">{subtitle}</p>}
      {children}
    </dialog>
  );
}
