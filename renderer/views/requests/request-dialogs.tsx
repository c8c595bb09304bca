// Dialogs that need a few words from the user: the reason for declining, and who approved an escalation.
import { useState, type FormEvent } from 'react';
import type { ApiCallError } from '../../api/client';
import { Field } from '../../components/field';
import { ModalDialog } from '../../components/modal-dialog';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { FormProblems } from '../../components/form-problems';
import { FormActions } from '../../components/form-actions';

interface TextDialogProps {
  title: string;
  intro: string;
  label: string;
  hint: string;
  required: string;
  submit: string;
  multiline: boolean;
  onSubmit(value: string): Promise<void>;
  onClose(): void;
}

function TextDialog({ title, intro, label, hint, required, submit, multiline, onSubmit, onClose }: TextDialogProps) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState(false);

  async function send(e: FormEvent) {
    e.preventDefault();
    if (value.trim() === '') {
      setError(required);
      document.getElementById('dialog-text')?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit(value.trim());
      onClose();
    } catch (err) {
      setFailure(asApiCallError(err));
      setBusy(false);
    }
  }

  return (
    <ModalDialog title={title} onClose={onClose}>
      <form onSubmit={(e) => void send(e)} noValidate>
        <p>{intro}</p>
        <Field id="dialog-text" label={label} hint={hint} error={error}>
          {(aria) =>
            multiline ? (
              <textarea {...aria} className="input" rows={3} value={value} onChange={(e) => (setValue(e.target.value), setError(undefined))} autoFocus />
            ) : (
              <input {...aria} className="input" value={value} onChange={(e) => (setValue(e.target.value), setError(undefined))} autoFocus />
            )
          }
        </Field>
        <FormProblems failure={failure} />
        <FormActions label={submit} busy={busy} cancel={{ onClick: onClose }} />
      </form>
    </ModalDialog>
  );
}

export function DeclineDialog({ onDecline, onClose }: { onDecline(reason: string): Promise<void>; onClose(): void }) {
  const { t } = useI18n();
  return (
    <TextDialog
      title={t('requests.declineTitle')}
      intro={t('requests.declineIntro')}
      label={t('requests.declineReason')}
      hint={t('requests.declineHint')}
      required={t('requests.declineRequired')}
      submit={t('requests.decline')}
      multiline
      onSubmit={onDecline}
      onClose={onClose}
    />
  );
}

export function ApproveDialog({ role, onApprove, onClose }: { role: string; onApprove(approvedBy: string): Promise<void>; onClose(): void }) {
  const { t } = useI18n();
  return (
    <TextDialog
      title={t('requests.approveTitle')}
      intro={t('requests.approveIntro', { role })}
      label={t('requests.approvedBy')}
      hint={t('requests.approvedByHint')}
      required={t('requests.approvedByRequired')}
      submit={t('requests.approve')}
      multiline={false}
      onSubmit={onApprove}
      onClose={onClose}
    />
  );
}
