// The root: asks main whether this installation is set up and shows first run, the store problem, or the app.
import { useEffect, type ReactNode } from 'react';
import { assertNever } from '../../shared/api/errors';
import { AppHeader } from '../components/app-header';
import { ErrorPanel } from '../components/error-panel';
import { PageHeading } from '../components/page-heading';
import { SkipLink } from '../components/skip-link';
import { useI18n } from '../i18n/t';
import { useSetupStore } from '../state/setup-store';
import { FirstRunView } from './first-run/first-run-view';
import { AppShell } from './shell/app-shell';
import { StoreUnavailableView } from './store-unavailable/store-unavailable-view';
import { DemoBanner } from './settings/demo-banner';

function Plain({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      {/* Only while the voorbeeldregio is open (its database unreadable): it can still be removed from here. */}
      <DemoBanner />
      <AppHeader />
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}

export function App() {
  const { t } = useI18n();
  const { status, error, refresh } = useSetupStore();

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (error) {
    return (
      <Plain>
        <PageHeading>{t('error.startTitle')}</PageHeading>
        <ErrorPanel error={error} onRetry={() => void refresh()} />
      </Plain>
    );
  }
  if (!status) {
    return (
      <Plain>
        <p role="status">{t('app.loading')}</p>
      </Plain>
    );
  }
  switch (status.state) {
    case 'new':
      return (
        <Plain>
          <FirstRunView />
        </Plain>
      );
    case 'unavailable':
      return (
        <Plain>
          <StoreUnavailableView status={status} />
        </Plain>
      );
    case 'ready':
      return <AppShell identity={status.identity} />;
    default:
      return assertNever(status);
  }
}
