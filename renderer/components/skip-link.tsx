// "Naar de inhoud": the first Tab stop, so keyboard users can jump past header and menu.
import { useI18n } from '../i18n/t';

export function SkipLink() {
  const { t } = useI18n();
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(e) => {
        // A plain #main would be read as a route by the hash router; move focus instead.
        e.preventDefault();
        document.querySelector<HTMLElement>('main h1')?.focus();
      }}
    >
      {t('app.skip')}
    </a>
  );
}
