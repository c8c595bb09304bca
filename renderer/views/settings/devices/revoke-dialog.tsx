// Revoking a laptop: the reason (verloren, gestolen, vervangen), the cut-off (default: the last entry this
// copy has seen from it), the consequences in plain Dutch from devices.revokePreview (how many entries stay,
// which are undone), and an explicit "I want this" before the button does anything.
import { useEffect, useRef, useState } from 'react';
import { REVOCATION_REASONS, type GemeenteDevice, type RevocationPreview, type RevocationReason } from '../../../../shared/api/identity';
import { api, asApiCallError, type ApiCallError } from '../../../api/client';
import { ErrorPanel } from '../../../components/error-panel';
import { FieldHintAndError, describedBy } from '../../../components/field';
import { ModalDialog } from '../../../components/modal-dialog';
import { formatNumber } from '../../../i18n/format';
import { useI18n } from '../../../i18n/t';
import { formatInstant } from '../../exchange/words';
import { FormProblems } from '../../../components/form-problems';
import { FormActions } from '../../../components/form-actions';

interface Props {
  device: GemeenteDevice;
  onClose(): void;
  onRevoked(text: string): void;
}

function parseAfter(text: string): number | undefined {
  return /^\s*\d{1,9}\s*$/.test(text) ? Number(text.trim()) : undefined;
}

export function RevokeDialog({ device, onClose, onRevoked }: Props) {
  const { t, locale } = useI18n();
  const [reason, setReason] = useState<RevocationReason>();
  const [afterText, setAfterText] = useState(String(device.lastSeq));
  const [preview, setPreview] = useState<RevocationPreview>();
  const [previewError, setPreviewError] = useState<ApiCallError>();
  const [sure, setSure] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiCallError>();
  const firstRef = useRef<HTMLInputElement>(null);
  const after = parseAfter(afterText);

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  // The preview follows the cut-off; only the newest answer counts.
  useEffect(() => {
    if (after === undefined) {
      setPreview(undefined);
      return;
    }
    let live = true;
    setPreviewError(undefined);
    const timer = setTimeout(() => {
      api()
        .call('devices.revokePreview', { device: device.publicKey, after })
        .then((p) => live && setPreview(p))
        .catch((err: unknown) => live && setPreviewError(asApiCallError(err)));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [after, device.publicKey]);

  const afterError = after === undefined ? t('dev.revokeAfterInvalid') : undefined;
  const ready = reason !== undefined && after !== undefined && preview !== undefined && preview.after === after && sure && !busy;

  async function revoke() {
    if (!reason || after === undefined) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await api().call('devices.revoke', { device: device.publicKey, after, reason });
      onRevoked(t('dev.revoked', { label: device.label }));
      onClose();
    } catch (err) {
      setFailure(asApiCallError(err));
      setBusy(false);
    }
  }

  const hint = t('dev.revokeAfterHint', { seq: formatNumber(device.lastSeq, locale) });
  return (
    <ModalDialog title={t('dev.revokeTitle', { label: device.label })} subtitle={device.fingerprint} onClose={onClose} tone="danger">
      <form
        className="form devices__revoke"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void revoke();
        }}
      >
        <fieldset className="field fieldset">
          <legend className="field__label">{t('dev.revokeReason')}</legend>
          <div className="radio-row">
            {REVOCATION_REASONS.map((r, i) => (
              <label key={r} className="radio" htmlFor={`revoke-reason-${r}`}>
                <input ref={i === 0 ? firstRef : undefined} id={`revoke-reason-${r}`} type="radio" name="revoke-reason" checked={reason === r} onChange={() => setReason(r)} />
                <span>{t(`dev.reason.${r}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className={afterError ? 'field field--invalid' : 'field'}>
          <label htmlFor="revoke-after" className="field__label">
            {t('dev.revokeAfter')}
          </label>
          <FieldHintAndError id="revoke-after" hint={hint} error={afterError} />
          <input
            id="revoke-after"
            className="input input--short"
            inputMode="numeric"
            autoComplete="off"
            value={afterText}
            aria-invalid={Boolean(afterError)}
            aria-describedby={describedBy('revoke-after', hint, afterError)}
            onChange={(e) => {
              setAfterText(e.target.value);
              setSure(false);
            }}
          />
        </div>
        <section className="panel panel--warning devices__consequences" aria-labelledby="revoke-consequences" aria-live="polite">
          <h3 id="revoke-consequences" className="panel__title">
            {t('dev.revokeConsequences')}
          </h3>
          {previewError && <ErrorPanel error={previewError} />}
          {after !== undefined && !preview && !previewError && <p>{t('dev.revokePreviewLoading')}</p>}
          {preview && (
            <div data-testid="revoke-preview">
              <p>{preview.message}</p>
              <p>{t('dev.revokeKept', { count: formatNumber(preview.kept, locale) })}</p>
              {preview.undone.length === 0 ? (
                <p>{t('dev.revokeNoneUndone')}</p>
              ) : (
                <>
                  <p>{t('dev.revokeUndone')}</p>
                  <ul>
                    {preview.undone.map((u) => (
                      <li key={u.seq}>{t('dev.revokeUndoneItem', { seq: formatNumber(u.seq, locale), when: formatInstant(u.at, locale), summary: u.summary })}</li>
                    ))}
                  </ul>
                </>
              )}
              <p>{t('dev.revokeTravel')}</p>
            </div>
          )}
        </section>
        <label className="checkbox" htmlFor="revoke-sure">
          <input id="revoke-sure" type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} />
          <span>{t('dev.revokeSure')}</span>
        </label>
        <FormProblems failure={failure} />
        <FormActions label={t('dev.revokeConfirm')} kind="warning" busy={busy} disabled={!ready} cancel={{ onClick: onClose }} />
      </form>
    </ModalDialog>
  );
}
