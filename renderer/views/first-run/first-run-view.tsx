// First run: no identity yet. Set up the installation (empty, or with the voorbeeldregio), then show the new
// fingerprint or what the voorbeeldregio holds, and offer the short guide before entering the app.
import { useState } from 'react';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { navigate } from '../../routing/routes';
import { useSetupStore } from '../../state/setup-store';
import { useDemoNotice } from '../settings/demo-state';
import { DemoReadyStep } from './demo-ready-step';
import { FingerprintStep } from './fingerprint-step';
import { JoinStep } from './join-step';
import { SetupForm, type SetupDone } from './setup-form';

export function FirstRunView() {
  const { t } = useI18n();
  const [done, setDone] = useState<SetupDone>();
  const movedTo = useSetupStore((s) => s.movedTo);
  const refresh = useSetupStore((s) => s.refresh);
  const setMovedTo = useSetupStore((s) => s.setMovedTo);
  const demoRemoved = useDemoNotice((s) => s.removed);
  const setDemoRemoved = useDemoNotice((s) => s.setRemoved);

  const enter = (path: string) => {
    setMovedTo(undefined);
    setDemoRemoved(false);
    navigate(path);
    void refresh();
  };

  if (done?.kind === 'real') return <FingerprintStep identity={done.identity} onContinue={() => enter('/kalender')} onGuide={() => enter('/hulp')} />;
  if (done?.kind === 'join') return <JoinStep request={done.request} gemeente={done.gemeente} deviceLabel={done.deviceLabel} onContinue={() => enter('/instellingen')} />;
  if (done?.kind === 'demo') return <DemoReadyStep identity={done.identity} summary={done.summary} onContinue={() => enter('/kalender')} onGuide={() => enter('/hulp')} />;
  return (
    <>
      <PageHeading>{t('firstRun.title')}</PageHeading>
      {movedTo && (
        <div className="panel panel--info" role="status">
          <p>{t('unavailable.movedTo', { file: movedTo })}</p>
        </div>
      )}
      {demoRemoved && (
        <div className="panel panel--info" role="status">
          <p>{t('demo.removed')}</p>
        </div>
      )}
      <p className="lead">{t('firstRun.intro')}</p>
      <SetupForm onDone={setDone} />
    </>
  );
}
