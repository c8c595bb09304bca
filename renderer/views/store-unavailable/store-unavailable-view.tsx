// The database could not be opened: say so, show the file, and offer to move it aside (after confirming).
import { useEffect, useRef, useState } from 'react';
import type { SetupStatus } from '../../../shared/api/contract';
import { api, type ApiCallError } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { useSetupStore } from '../../state/setup-store';
import { Facts } from '../../components/facts';

type Unavailable = Extract<SetupStatus, { state: 'unavailable' }>;

export function StoreUnavailableView({ status }: { status: Unavailable }) {
  const { t } = useI18n();
  const refresh = useSetupStore((s) => s.refresh);
  const setMovedTo = useSetupStore((s) => s.setMovedTo);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiCallError>();
  const confirmRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the step: into the confirmation when it opens, back to its button when cancelled.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) openerRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function moveAside() {
    setBusy(true);
    setFailure(undefined);
    try {
      const { movedTo } = await api().call('store.moveAside', {});
      setMovedTo(movedTo);
      await refresh();
    } catch (err) {
      setFailure(asApiCallError(err));
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>{t('unavailable.title')}</PageHeading>
      <p className="lead">{t('unavailable.intro')}</p>
      <Facts
        items={[
          [t('unavailable.message'), status.message],
          [t('unavailable.file'), <code className="path">{status.file}</code>],
        ]}
      />
      {failure && <ErrorPanel error={failure} />}
      {!status.canMoveAside && <p>{t('unavailable.tooNew')}</p>}
      {status.canMoveAside && !confirming && (
        <>
          <p>{t('unavailable.moveAsideIntro')}</p>
          <div className="form__actions">
            <button ref={openerRef} type="button" className="button button--warning" onClick={() => setConfirming(true)}>
              {t('unavailable.moveAside')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void refresh()}>
              {t('unavailable.retry')}
            </button>
          </div>
        </>
      )}
      {status.canMoveAside && confirming && (
        <div ref={confirmRef} tabIndex={-1} className="panel panel--warning" role="region" aria-labelledby="confirm-title">
          <h2 id="confirm-title" className="panel__title">
            {t('unavailable.confirmTitle')}
          </h2>
          <p>{t('unavailable.confirmText')}</p>
          <div className="form__actions">
            <button type="button" className="button button--warning" disabled={busy} onClick={() => void moveAside()}>
              {busy ? t('unavailable.busy') : t('unavailable.confirm')}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t('unavailable.cancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
