// Copy a whole event as a template for its next edition: a new name and start; every shift moves along.
import { useState, type FormEvent } from 'react';
import type { EventRecord } from '../../../shared/domain/event';
import { isLocalDateTime } from '../../../shared/time/local';
import { api, type ApiCallError } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { Field } from '../../components/field';
import { ModalDialog } from '../../components/modal-dialog';
import { DialogActions } from './dialog-actions';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { addMinutes, nextEditionName } from './shift-model';

export function EventCopyDialog({ event, shiftCount, onClose, onCopied }: { event: EventRecord; shiftCount: number; onClose(): void; onCopied(copy: EventRecord): void }) {
  const { t, dm } = useI18n();
  const [start, setStart] = useState(addMinutes(event.start, 364 * 24 * 60));
  const [name, setName] = useState(nextEditionName(event.name, event.start.slice(0, 4), addMinutes(event.start, 364 * 24 * 60).slice(0, 4)));
  const [errors, setErrors] = useState<{ name?: string; start?: string }>({});
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = { ...(name.trim() ? {} : { name: dm('event.name.required') }), ...(isLocalDateTime(start) ? {} : { start: dm('field.datetime.invalid') }) };
    setErrors(found);
    if (found.name || found.start) return document.getElementById(found.name ? 'copy-name' : 'copy-event-start')?.focus();
    setBusy(true);
    try {
      onCopied(await api().call('events.copy', { id: event.id, start, name: name.trim() }));
    } catch (err) {
      setFailure(asApiCallError(err));
      setBusy(false);
    }
  }
  return (
    <ModalDialog title={t('evcopy.event.title')} subtitle={event.name} onClose={onClose}>
      <form className="form form--dialog" noValidate onSubmit={submit}>
        <p>{t('evcopy.event.intro', { count: shiftCount })}</p>
        {failure && <ErrorPanel error={failure} />}
        <Field id="copy-name" label={t('evcopy.event.name')} error={errors.name}>
          {(aria) => <input {...aria} type="text" className="input" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
        </Field>
        <Field id="copy-event-start" label={t('evcopy.event.start')} hint={t('evcopy.event.startHint')} error={errors.start}>
          {(aria) => <input {...aria} type="datetime-local" className="input input--datetime" value={start} onChange={(e) => setStart(e.target.value)} />}
        </Field>
        <DialogActions busy={busy} submitLabel={t('evcopy.event.submit')} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
