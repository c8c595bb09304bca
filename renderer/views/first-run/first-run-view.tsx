// First run: no identity yet. Set up the installation, show the new fingerprint, then enter the app.
import { useState } from 'react';
import type { Identity } from '../../../shared/api/contract';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { useSetupStore } from '../../state/setup-store';
import { FingerprintStep } from './fingerprint-step';
import { SetupForm } from './setup-form';

export function FirstRunView() {
  const { t } = useI18n();
  const [identity, setIdentity] = useState<Identity>();
  const movedTo = useSetupStore((s) => s.movedTo);
  const refresh = useSetupStore((s) => s.refresh);
  const setMovedTo = useSetupStore((s) => s.setMovedTo);

  if (identity) {
    return (
      <FingerprintStep
        identity={identity}
        onContinue={() => {
          setMovedTo(undefined);
          void refresh();
        }}
      />
    );
  }
  return (
    <>
      <PageHeading>{t('firstRun.title')}</PageHeading>
      {movedTo && (
        <div className="panel panel--info" role="status">
          <p>{t('unavailable.movedTo', { file: movedTo })}</p>
        </div>
      )}
      <p className="lead">{t('firstRun.intro')}</p>
      <SetupForm onDone={setIdentity} />
    </>
  );
}
