// The top bar on every screen: app name, this installation's gemeente and device, Hulp and Instellingen, and
// the language switch.
import type { Identity } from '../../shared/api/contract';
import { useI18n } from '../i18n/t';
import { LanguageSwitch } from './language-switch';
import { HeaderLinks } from '../views/settings/header-links';
import { PostbusHeader } from '../views/postbus/postbus-header';
import { Facts } from './facts';

export function AppHeader({ identity }: { identity?: Identity | undefined }) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <div className="app-header__brand">
          <span className="app-header__name">{t('app.name')}</span>
          <span className="app-header__tagline">{t('app.tagline')}</span>
        </div>
        {identity && (
          <Facts
            className="app-header__who"
            items={[
              [t('header.gemeente'), identity.gemeenteName],
              [t('header.device'), identity.deviceLabel],
            ]}
          />
        )}
        {identity && <PostbusHeader />}
        {identity && <HeaderLinks />}
        <LanguageSwitch />
      </div>
    </header>
  );
}
