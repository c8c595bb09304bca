// Copy a shift: by default to the same time the next day, or to any start the user picks.
import { useState, type FormEvent } from 'react';
import type { ShiftRecord } from '../../../shared/domain/shift';
import { formatDuration } from '../../../shared/i18n/rule-messages';
import { isLocalDateTime } from '../../../shared/time/local';
import { api, type ApiCallError } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { Field } from '../../components/field';
import { ModalDialog } from '../../components/modal-dialog';
import { DialogActions } from './dialog-actions';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { addMinutes, wallMinutes } from './shift-model';

export function ShiftCopyDialog({ shift, subtitle, onClose, onCopied }: { shift: ShiftRecord; subtitle: string; onClose(): void; onCopied(copy: ShiftRecord): void }) {
  const { t, dm, locale } = useI18n();
  const [start, setStart] = useState(addMinutes(shift.start, 24 * 60));
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!isLocalDateTime(start)) return setInvalid(true);
    setBusy(true);
    try {
      onCopied(await api().call('shifts.copy', { id: shift.id, start }));
    } catch (err) {
      setFailure(asApiCallError(err));
      setBusy(false);
    }
  }
  return (
    <ModalDialog title={t('evcopy.shift.title')} subtitle={subtitle} onClose={onClose}>
      <form className="form form--dialog" noValidate onSubmit={submit}>
        {failure && <ErrorPanel error={failure} />}
        <Field
          id="copy-start"
          label={t('evcopy.shift.start')}
          hint={t('evcopy.shift.hint', { duration: formatDuration(wallMinutes(shift.end) - wallMinutes(shift.start), locale) })}
          error={invalid ? dm('field.datetime.invalid') : undefined}
        >
          {(aria) => <input {...aria} type="datetime-local" className="input input--datetime" value={start} onChange={(e) => (setStart(e.target.value), setInvalid(false))} />}
        </Field>
        <DialogActions busy={busy} submitLabel={t('evcopy.shift.submit')} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
