// The language choice as a radio group: each language named in itself, so anyone can find theirs.
import type { Locale } from '../../../shared/i18n/messages';
import { useLocaleStore } from '../../i18n/locale-store';
import { useI18n } from '../../i18n/t';

const NAMES: Record<Locale, string> = { nl: 'Nederlands', en: 'English' };

export function LanguageSection() {
  const { t, locale } = useI18n();
  const setLocale = useLocaleStore((s) => s.setLocale);
  return (
    <section className="settings-section" aria-labelledby="settings-language">
      <h2 id="settings-language">{t('settings.language')}</h2>
      <fieldset className="field fieldset" aria-describedby="settings-language-hint">
        <legend className="visually-hidden">{t('settings.languageLegend')}</legend>
        <p id="settings-language-hint" className="field__hint">
          {t('settings.languageHint')}
        </p>
        <div className="radio-row">
          {(Object.keys(NAMES) as Locale[]).map((l) => (
            <label key={l} className="radio" htmlFor={`settings-lang-${l}`}>
              <input id={`settings-lang-${l}`} type="radio" name="settings-language" value={l} checked={locale === l} onChange={() => setLocale(l)} />
              <span lang={l}>{NAMES[l]}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
