// Back-ups: the list, "Nu een back-up maken", and restoring one — after a confirmation that says what it
// means (the current database kept, a new key for this device, partners trusting it) — with the new fingerprint.
import { useEffect, useRef, useState } from 'react';
import type { BackupInfo } from '../../../shared/api/backup';
import { epochToLocal } from '../../../shared/time/local';
import { api, type ApiCallError } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorPanel } from '../../components/error-panel';
import { Fingerprint } from '../../components/fingerprint';
import { formatLocal } from '../../i18n/format';
import { useI18n } from '../../i18n/t';
import { usePath } from '../../routing/use-route';
import { asApiCallError } from '../../api/api-call-error';
import { useSetupStore } from '../../state/setup-store';
import { useUiStore } from '../../state/ui-store';

interface Restored {
  message: string;
  fingerprint: string;
}

function folderOf(dataDir: string): string {
  return `${dataDir}${dataDir.includes('\\') ? '\\' : '/'}back-ups`;
}

export function BackupsSection() {
  const { t, locale } = useI18n();
  const path = usePath();
  const announce = useUiStore((s) => s.announce);
  const refreshSetup = useSetupStore((s) => s.refresh);
  const {
    data,
    error: loadError,
    refresh,
  } = useApiQuery(async () => {
    const [backups, info] = await Promise.all([api().call('backups.list', {}), api().call('app.info', {})]);
    return { list: backups, folder: folderOf(info.dataDir) };
  }, []);
  const list = data?.list;
  const folder = data?.folder;
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<BackupInfo>();
  const [restored, setRestored] = useState<Restored>();
  const restoredRef = useRef<HTMLElement>(null);

  const when = (b: BackupInfo) => formatLocal(epochToLocal(Date.parse(b.createdAt)), locale);
  const size = (b: BackupInfo) =>
    t('settings.size', { size: new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.max(0.1, b.bytes / 1048576)) });

  const shownError = failure ?? loadError;
  const load = () => {
    setFailure(undefined);
    void refresh();
  };

  // After a restore, focus moves to its result (once the confirmation has closed and returned focus).
  useEffect(() => {
    if (restored && !confirming) restoredRef.current?.focus();
  }, [restored, confirming]);

  async function backupNow() {
    setBusy(true);
    setFailure(undefined);
    try {
      const made = await api().call('backups.create', {});
      announce({ text: t('settings.backupMade', { when: when(made) }), path });
      load();
    } catch (err) {
      setFailure(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  async function restore(b: BackupInfo) {
    const result = await api().call('backups.restore', { name: b.name });
    setRestored({ message: result.message, fingerprint: result.fingerprint });
    announce({ text: t('settings.restoredNotice'), path });
    // The header and Uitwisselen show this device's identity: it has a new key now.
    await refreshSetup();
    load();
  }

  return (
    <section className="settings-section" aria-labelledby="settings-backups">
      <h2 id="settings-backups">{t('settings.backups')}</h2>
      <p>{t('settings.backupsIntro')}</p>
      {folder && (
        <dl className="facts">
          <div>
            <dt>{t('settings.backupsFolder')}</dt>
            <dd>
              <code className="path">{folder}</code>
            </dd>
          </div>
        </dl>
      )}
      {restored && (
        <section ref={restoredRef} tabIndex={-1} className="panel panel--info" aria-labelledby="settings-restored">
          <h3 id="settings-restored" className="panel__title">
            {t('settings.restoredTitle')}
          </h3>
          <p>{restored.message}</p>
          <h4>{t('settings.restoredFingerprint')}</h4>
          <Fingerprint value={restored.fingerprint} />
          <p>{t('settings.restoredNext')}</p>
        </section>
      )}
      {shownError && <ErrorPanel error={shownError} onRetry={load} />}
      <div className="form__actions settings-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void backupNow()}>
          {busy ? t('settings.backupBusy') : t('settings.backupNow')}
        </button>
      </div>
      {!list && !shownError && <p role="status">{t('settings.backupsLoading')}</p>}
      {list && list.length === 0 && <p className="panel panel--empty">{t('settings.backupsNone')}</p>}
      {list && list.length > 0 && (
        <table className="table">
          <caption>{t('settings.backupsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.col.when')}</th>
              <th scope="col">{t('settings.col.kind')}</th>
              <th scope="col" className="table__num">
                {t('settings.col.size')}
              </th>
              <th scope="col">{t('settings.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <tr key={b.name}>
                <th scope="row">{when(b)}</th>
                <td>{t(`settings.kind.${b.kind}`)}</td>
                <td className="table__num">{size(b)}</td>
                <td>
                  <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(b)}>
                    {t('settings.restore')}
                    <span className="visually-hidden"> {t('settings.restoreWhich', { when: when(b) })}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('settings.restoreTitle', { when: when(confirming) })}
          confirmLabel={t('settings.restoreConfirm')}
          onConfirm={() => restore(confirming)}
          onClose={() => setConfirming(undefined)}
        >
          <p>{t('settings.restoreIntro')}</p>
          <ul className="settings-consequences">
            <li>{t('settings.restoreKept')}</li>
            <li>{t('settings.restoreKey')}</li>
            <li>{t('settings.restoreTrust')}</li>
            <li>{t('settings.restoreLater')}</li>
          </ul>
        </ConfirmDialog>
      )}
    </section>
  );
}
