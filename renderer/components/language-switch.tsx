// Nederlands / English: two toggle buttons, each name in its own language so anyone can find theirs.
import type { Locale } from '../../shared/i18n/messages';
import { useLocaleStore } from '../i18n/locale-store';
import { useI18n } from '../i18n/t';

const NAMES: Record<Locale, string> = { nl: 'Nederlands', en: 'English' };

export function LanguageSwitch() {
  const { t, locale } = useI18n();
  const setLocale = useLocaleStore((s) => s.setLocale);
  return (
    <div className="language-switch" role="group" aria-label={t('lang.label')}>
      {(Object.keys(NAMES) as Locale[]).map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={locale === l} onClick={() => setLocale(l)}>
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
