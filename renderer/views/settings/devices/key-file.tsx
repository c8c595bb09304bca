// Keeping the gemeente key: save it as a password-protected file (password twice, a strength hint, never
// shown back), import such a file on another laptop, and replace the key after a confirmation that says
// what partners will see.
import { useState, type FormEvent } from 'react';
import type { GemeenteKeyInfo } from '../../../../shared/api/identity';
import { api, asApiCallError, type ApiCallError } from '../../../api/client';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorPanel } from '../../../components/error-panel';
import { describedBy, Field, FieldHintAndError } from '../../../components/field';
import { useI18n } from '../../../i18n/t';
import { desktop, download, upload } from '../../exchange/file-transfer';
import { useFilePicker } from '../../../components/file-picker';
import { FormActions } from '../../../components/form-actions';

interface Props {
  info: GemeenteKeyInfo;
  onChanged(): Promise<void>;
  announce(text: string): void;
}

export const MIN_PASSWORD = 12;

/** A rough, honest hint: length and variety, and long sentences of words count as strong. */
export function passwordStrength(pw: string): 'weak' | 'fair' | 'strong' {
  const words = pw
    .trim()
    .split(/\s+/)
    .filter((w) => w.length >= 3).length;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  if (pw.length < MIN_PASSWORD) return 'weak';
  if (pw.length >= 20 || words >= 4 || (pw.length >= 14 && classes >= 3)) return 'strong';
  return 'fair';
}

export function KeyFileSection({ info, onChanged, announce }: Props) {
  const { t } = useI18n();
  if (info.publicKey === null && !info.holdsKey) return null;
  return (
    <section className="devices__part" aria-labelledby="devices-keyfile">
      <h3 id="devices-keyfile">{t('dev.keyFile')}</h3>
      <p>{t('dev.keyFileIntro')}</p>
      {info.holdsKey && <ExportKey announce={announce} />}
      <ImportKey onChanged={onChanged} announce={announce} />
      {info.holdsKey && <RotateKey info={info} onChanged={onChanged} announce={announce} />}
    </section>
  );
}

function ExportKey({ announce }: { announce(text: string): void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState(false);
  const strength = password ? passwordStrength(password) : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found: typeof errors = {};
    if (!password) found.password = t('dev.pwEmpty');
    else if (password.length < MIN_PASSWORD) found.password = t('dev.pwTooShort');
    if (!found.password && repeat !== password) found.repeat = t('dev.pwMismatch');
    setErrors(found);
    if (found.password || found.repeat) {
      document.getElementById(found.password ? 'key-export-password' : 'key-export-repeat')?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      const made = await api().call('gemeenteKey.exportFile', { password });
      if (made.download && !desktop()) await download(made.fileId, made.fileName);
      setPassword('');
      setRepeat('');
      announce(t('dev.exportSaved', { name: made.fileName }));
    } catch (err) {
      setFailure(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form devices__form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="key-export-title">
      <h4 id="key-export-title">{t('dev.export')}</h4>
      {failure && <ErrorPanel error={failure} focus />}
      <Field id="key-export-password" label={t('dev.exportPassword')} hint={t('dev.exportPasswordHint')} error={errors.password}>
        {(aria) => <input {...aria} type="password" className="input" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <p className="devices__strength" aria-live="polite" data-strength={strength}>
        {strength ? t('dev.strength', { level: t(`dev.strength.${strength}`) }) : ''}
      </p>
      <Field id="key-export-repeat" label={t('dev.exportRepeat')} error={errors.repeat}>
        {(aria) => <input {...aria} type="password" className="input" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />}
      </Field>
      <FormActions label={t('dev.exportSubmit')} kind="secondary" busy={busy} />
    </form>
  );
}

function ImportKey({ onChanged, announce }: Omit<Props, 'info'>) {
  const { t } = useI18n();
  const [file, setFile] = useState<File>();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ file?: string; password?: string }>({});
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState(false);
  const picker = useFilePicker({ accept: '.json,.regie,application/json', testId: 'key-file-input', onFile: setFile });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found: typeof errors = {};
    if (!file) found.file = t('dev.importNoFile');
    if (!password) found.password = t('dev.pwEmpty');
    setErrors(found);
    if (found.file || found.password || !file) {
      document.getElementById(found.file ? 'key-import-file' : 'key-import-password')?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      const shell = desktop();
      const fileId = shell ? await shell.openDroppedFile(file) : await upload(file);
      if (!fileId) throw new Error(t('dev.importNoFile'));
      const info = await api().call('gemeenteKey.importFile', { fileId, password });
      setPassword('');
      setFile(undefined);
      announce(t('dev.imported', { fingerprint: info.fingerprint ?? '' }));
      await onChanged();
    } catch (err) {
      // A wrong password: main says so and wrote nothing; the password field is cleared, never shown back.
      setPassword('');
      setFailure(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  const fileHint = file ? t('dev.importChosen', { name: file.name }) : undefined;
  return (
    <form className="form devices__form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="key-import-title">
      <h4 id="key-import-title">{t('dev.import')}</h4>
      {failure && <ErrorPanel error={failure} focus />}
      {/* A button, not a labelled field: its own words name it; "Sleutelbestand" and the chosen file describe it. */}
      <div className={errors.file ? 'field field--invalid' : 'field'}>
        <p className="field__label">{t('dev.importFile')}</p>
        <FieldHintAndError id="key-import-file" hint={fileHint} error={errors.file} />
        <button
          id="key-import-file"
          type="button"
          className="button button--secondary"
          aria-invalid={Boolean(errors.file)}
          aria-describedby={describedBy('key-import-file', fileHint, errors.file)}
          onClick={picker.open}
        >
          {t('dev.importChoose')}
        </button>
      </div>
      {picker.input}
      <Field id="key-import-password" label={t('dev.importPassword')} error={errors.password}>
        {(aria) => <input {...aria} type="password" className="input" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <FormActions label={t('dev.importSubmit')} kind="secondary" busy={busy} />
    </form>
  );
}

function RotateKey({ info, onChanged, announce }: Props) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);

  async function rotate() {
    const result = await api().call('gemeenteKey.rotate', {});
    announce(t('dev.rotated', { fingerprint: result.fingerprint, count: result.recertified }));
    await onChanged();
  }

  return (
    <div className="devices__form">
      <h4>{t('dev.rotate')}</h4>
      <p>{t('dev.rotateIntro')}</p>
      <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
        {t('dev.rotateButton')}
      </button>
      {confirming && (
        <ConfirmDialog title={t('dev.rotateTitle')} confirmLabel={t('dev.rotateConfirm')} onConfirm={rotate} onClose={() => setConfirming(false)}>
          <p>{t('dev.rotateWhat')}</p>
          <ul className="settings-consequences">
            <li>{t('dev.rotateNew')}</li>
            <li>{t('dev.rotateDevices')}</li>
            <li>{t('dev.rotatePartners', { gemeente: info.gemeenteName })}</li>
            <li>{t('dev.rotateFiles')}</li>
          </ul>
        </ConfirmDialog>
      )}
    </div>
  );
}
