// "Laptop toevoegen": the steps, and the halves done in Instellingen. On a laptop holding the gemeente key:
// read the new laptop's request, compare its fingerprint, approve, and save the certificate file. On the new
// laptop (no certificate yet): read that certificate file in.
import { useRef, useState } from 'react';
import type { GemeenteKeyInfo, JoinRequestInfo } from '../../../../shared/api/identity';
import { api, ApiCallError, asApiCallError } from '../../../api/client';
import { ErrorPanel } from '../../../components/error-panel';
import { Fingerprint } from '../../../components/fingerprint';
import { formatNumber } from '../../../i18n/format';
import { useI18n } from '../../../i18n/t';
import { chooseWithDialog, desktop, download, isPlanFileName, upload, baseName } from '../../exchange/file-transfer';
import { useFilePicker } from '../../../components/file-picker';
import { BusyButton } from '../../../components/form-actions';

interface Props {
  info: GemeenteKeyInfo;
  onChanged(): Promise<void>;
  announce(text: string): void;
}

const MAX_REQUEST_BYTES = 16 * 1024;

export function AddLaptop({ info, onChanged, announce }: Props) {
  const { t } = useI18n();
  return (
    <section className="devices__part" aria-labelledby="devices-add">
      <h3 id="devices-add">{t('dev.add')}</h3>
      <p>{t('dev.addSteps')}</p>
      <ol className="devices__steps">
        <li>{t('dev.addStep1')}</li>
        <li>{t('dev.addStep2')}</li>
        <li>{t('dev.addStep3')}</li>
      </ol>
      {info.publicKey === null && <InstallCertificate onChanged={onChanged} announce={announce} />}
      {info.holdsKey ? <ApproveRequest onChanged={onChanged} announce={announce} /> : info.publicKey !== null && <p className="field__hint">{t('dev.addNeedsKey')}</p>}
    </section>
  );
}

function ApproveRequest({ onChanged, announce }: Omit<Props, 'info'>) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<ApiCallError>();
  const [request, setRequest] = useState<{ info: JoinRequestInfo; content: string }>();
  const [matches, setMatches] = useState(false);
  const [busy, setBusy] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const picker = useFilePicker({ accept: '.json,application/json', testId: 'request-file-input', onFile: (file) => void read(file) });

  async function read(file: File) {
    setFailure(undefined);
    try {
      if (file.size > MAX_REQUEST_BYTES) throw new ApiCallError('bad_file', t('dev.notRequest', { name: file.name }));
      const content = await file.text();
      const info = await api().call('devices.inspectRequest', { content });
      setMatches(false);
      setRequest({ info, content });
      // The comparison takes the keyboard once it is on screen.
      setTimeout(() => headingRef.current?.focus(), 0);
    } catch (err) {
      setFailure(asApiCallError(err));
    }
  }

  function close(text: string) {
    setRequest(undefined);
    announce(text);
    setTimeout(() => buttonRef.current?.focus(), 0);
  }

  async function approve() {
    if (!request) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const shell = desktop();
      const base = { content: request.content, fingerprint: request.info.fingerprint };
      let made;
      if (shell) {
        const target = await shell.savePlanDialog(`regie-certificaat-${request.info.label.replace(/[^A-Za-z0-9]+/g, '-')}.regie`);
        if (!target) return;
        made = await api().call('devices.approveFile', { ...base, target });
      } else {
        made = await api().call('devices.approveFile', base);
        if (made.download) await download(made.fileId, made.fileName);
      }
      close(t('dev.approved', { label: request.info.label, name: made.fileName }));
      await onChanged();
    } catch (err) {
      setFailure(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {failure && <ErrorPanel error={failure} focus />}
      {request ? (
        <section className="panel devices__approve" aria-labelledby="devices-approve">
          <h4 id="devices-approve" className="panel__title" tabIndex={-1} ref={headingRef}>
            {t('dev.approveTitle')}
          </h4>
          <p>{t('dev.approveFor', { label: request.info.label, gemeente: request.info.gemeenteName })}</p>
          {request.info.problem ? (
            <p className="panel panel--error" role="alert">
              {request.info.problem}
            </p>
          ) : (
            <>
              <h5>{t('dev.approveFingerprint')}</h5>
              <Fingerprint value={request.info.fingerprint} />
              <p>{t('dev.approveCompare')}</p>
              {request.info.alreadyCertified && <p>{t('dev.approveAlready')}</p>}
              <label className="checkbox" htmlFor="devices-approve-matches">
                <input id="devices-approve-matches" type="checkbox" checked={matches} onChange={(e) => setMatches(e.target.checked)} />
                <span>{t('dev.approveMatches')}</span>
              </label>
            </>
          )}
          <div className="form__actions">
            {request.info.canApprove && !request.info.problem && <BusyButton label={t('dev.approve')} busy={busy} disabled={!matches} onClick={() => void approve()} />}
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => close(t('dev.approveCancelled'))}>
              {t('dev.approveCancel')}
            </button>
          </div>
        </section>
      ) : (
        <div className="devices__action">
          <button ref={buttonRef} type="button" className="button" onClick={picker.open}>
            {t('dev.readRequest')}
          </button>
          {picker.input}
          <p className="field__hint">{t('dev.readRequestHint')}</p>
        </div>
      )}
    </>
  );
}

function InstallCertificate({ onChanged, announce }: Omit<Props, 'info'>) {
  const { t, locale } = useI18n();
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState(false);
  const picker = useFilePicker({ accept: '.regie', testId: 'certificate-file-input', onFile: (file) => void picked(file) });

  async function install(fileId: string) {
    setBusy(true);
    setFailure(undefined);
    try {
      const done = await api().call('devices.installFile', { fileId });
      announce(t('dev.installed', { gemeente: done.gemeenteName, entries: formatNumber(done.entries, locale) }));
      await onChanged();
    } catch (err) {
      setFailure(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  async function choose() {
    const shell = desktop();
    if (!shell) {
      picker.open();
      return;
    }
    const chosen = await chooseWithDialog(shell);
    if (chosen) await install(chosen.fileId);
  }

  async function picked(file: File) {
    if (!isPlanFileName(file.name)) {
      setFailure(new ApiCallError('bad_file', t('dev.notPlan', { name: baseName(file.name) })));
      return;
    }
    try {
      await install(await upload(file));
    } catch (err) {
      setFailure(asApiCallError(err));
    }
  }

  return (
    <div className="devices__action">
      {failure && <ErrorPanel error={failure} focus />}
      <BusyButton label={t('dev.install')} busy={busy} onClick={() => void choose()} />
      {picker.input}
      <p className="field__hint">{t('dev.installHint')}</p>
    </div>
  );
}
