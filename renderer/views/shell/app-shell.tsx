// The ready app: header, main menu, the current screen, and one live region that announces results.
import { useEffect } from 'react';
import type { Identity } from '../../../shared/api/contract';
import { AppHeader } from '../../components/app-header';
import { MainNav } from '../../components/main-nav';
import { SkipLink } from '../../components/skip-link';
import { parseRoute, screenOf } from '../../routing/routes';
import { usePath } from '../../routing/use-route';
import { useUiStore } from '../../state/ui-store';
import { ScreenForRoute } from './screen-for-route';
import { ExchangeWindowListener } from '../exchange/desktop-listener';
import { DemoBanner } from '../settings/demo-banner';

export function AppShell({ identity }: { identity: Identity }) {
  const path = usePath();
  const route = parseRoute(path);
  const notice = useUiStore((s) => s.notice);
  const clearNotice = useUiStore((s) => s.clearNotice);

  // A success message belongs to the screen it was shown on; moving on removes it.
  useEffect(() => {
    if (notice && notice.path !== path) clearNotice();
  }, [path, notice, clearNotice]);

  return (
    <>
      <SkipLink />
      <ExchangeWindowListener />
      <DemoBanner />
      <AppHeader identity={identity} />
      <MainNav current={screenOf(route)} />
      <main id="main" className="page">
        {/* Always in the DOM, so screen readers announce what is put into it. */}
        <div className="notice" role="status" aria-live="polite">
          {notice?.path === path ? notice.text : ''}
        </div>
        <ScreenForRoute route={route} identity={identity} />
      </main>
    </>
  );
}
