// Uitwisselen: import a partner's plan file (with preview), make a file for partners, resolve conflicts,
// and manage partners and fingerprints. Every part reloads after a change any part makes.
import type { Identity } from '../../../shared/api/contract';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { usePath } from '../../routing/use-route';
import { useUiStore } from '../../state/ui-store';
import { ConflictsPanel } from './conflicts-panel';
import { useExchangeStore } from './exchange-store';
import { ExportPanel } from './export-panel';
import { ImportPanel } from './import-panel';
import { PartnersPanel } from './partners-panel';
import { PostbusPanel } from '../postbus/postbus-panel';
import './exchange.css';

export function ExchangeView({ identity }: { identity: Identity }) {
  const { t } = useI18n();
  const path = usePath();
  const announceNotice = useUiStore((s) => s.announce);
  const version = useExchangeStore((s) => s.version);
  const changed = useExchangeStore((s) => s.changed);
  const announce = (text: string) => announceNotice({ text, path });

  return (
    <>
      <PageHeading>{t('screen.uitwisselen')}</PageHeading>
      <p className="lead">{t('ex.intro')}</p>
      <nav aria-label={t('ex.toc')} className="ex-toc">
        <ul>
          <li>
            <a href="#inlezen" onClick={jump('inlezen')}>
              {t('ex.import.title')}
            </a>
          </li>
          <li>
            <a href="#postbus" onClick={jump('postbus')}>
              {t('pb.title')}
            </a>
          </li>
          <li>
            <a href="#versturen" onClick={jump('versturen')}>
              {t('ex.export.title')}
            </a>
          </li>
          <li>
            <a href="#conflicten" onClick={jump('conflicten')}>
              {t('ex.conflicts.title')}
            </a>
          </li>
          <li>
            <a href="#partners" onClick={jump('partners')}>
              {t('ex.partners.title')}
            </a>
          </li>
        </ul>
      </nav>
      <ImportPanel own={identity.gemeente} onChanged={changed} announce={announce} />
      <PostbusPanel version={version} announce={announce} />
      <ExportPanel version={version} onChanged={changed} announce={announce} />
      <ConflictsPanel ownGemeente={identity.gemeente} version={version} onChanged={changed} announce={announce} />
      <PartnersPanel identity={identity} version={version} onChanged={changed} announce={announce} />
    </>
  );
}

/** In-page links without touching the hash, which holds the route. */
function jump(id: string) {
  return (event: { preventDefault(): void }) => {
    event.preventDefault();
    const target = document.getElementById(id);
    target?.scrollIntoView();
    target?.querySelector<HTMLElement>('h2')?.focus();
  };
}
