// Hulp and Instellingen in the header: on every screen, apart from the planning screens of the main menu.
import { usePath } from '../../routing/use-route';
import { useI18n } from '../../i18n/t';
import './settings.css';

export function HeaderLinks() {
  const { t } = useI18n();
  const path = usePath();
  const links = [
    { path: '/hulp', label: t('settings.help') },
    { path: '/instellingen', label: t('settings.title') },
  ];
  return (
    <nav className="header-links" aria-label={t('settings.links')}>
      <ul>
        {links.map((l) => (
          <li key={l.path}>
            <a href={`#${l.path}`} aria-current={path === l.path ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
