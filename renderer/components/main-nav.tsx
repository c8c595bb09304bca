// The main menu: one link per screen of DESIGN.md section 4; screens still to come carry a "binnenkort" label.
import { SCREENS, type ScreenId } from '../routing/routes';
import { useI18n } from '../i18n/t';
import { ProblemCount } from '../views/problems/problem-count';
import { PostbusCount } from '../views/postbus/postbus-header';

export function MainNav({ current }: { current: ScreenId | undefined }) {
  const { t } = useI18n();
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {SCREENS.map((s) => (
          <li key={s.id}>
            <a href={`#/${s.id}`} aria-current={current === s.id ? 'page' : undefined} className={s.available ? undefined : 'main-nav__soon'}>
              {t(`screen.${s.id}`)}
              {s.id === 'meldingen' && <ProblemCount />}
              {s.id === 'uitwisselen' && <PostbusCount />}
              {!s.available && (
                <>
                  <span className="badge badge--soon" aria-hidden="true">
                    {t('nav.soon')}
                  </span>
                  <span className="visually-hidden"> {t('nav.soonLong')}</span>
                </>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
