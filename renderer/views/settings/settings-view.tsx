// Instellingen: the language, this gemeente's devices and keys (Apparaten en sleutels), the backups of this installation, and — in the voorbeeldregio — removing it.
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { BackupsSection } from './backups-section';
import { DemoRemoveButton } from './demo-removal';
import { useIsDemo } from './demo-state';
import { DevicesSection } from './devices/devices-section';
import { LanguageSection } from './language-section';
import './settings.css';

export function SettingsView() {
  const { t } = useI18n();
  const demo = useIsDemo();
  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>
      <p className="lead">{t('settings.lead')}</p>
      {demo && (
        // Not a landmark of its own: the banner above is the one region named Voorbeeldregio.
        <div className="panel panel--warning">
          <h2 className="panel__title">{t('settings.demo')}</h2>
          <p>{t('settings.demoText')}</p>
          <DemoRemoveButton />
        </div>
      )}
      <LanguageSection />
      {!demo && <DevicesSection />}
      {demo ? (
        <section className="settings-section" aria-labelledby="settings-backups">
          <h2 id="settings-backups">{t('settings.backups')}</h2>
          <p>{t('settings.demoBackups')}</p>
        </section>
      ) : (
        <BackupsSection />
      )}
    </>
  );
}
