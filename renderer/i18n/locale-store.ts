// The chosen UI language, remembered in localStorage; Dutch unless the user picked English.
import { create } from 'zustand';
import { LOCALES, type Locale } from '../../shared/i18n/messages';

const KEY = 'regie.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function readStored(): Locale {
  try {
    const stored = localStorage.getItem(KEY);
    return isLocale(stored) ? stored : 'nl';
  } catch {
    return 'nl';
  }
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

export const useLocaleStore = create<LocaleState>((set) => ({
  locale: readStored(),
  setLocale(locale) {
    try {
      localStorage.setItem(KEY, locale);
    } catch {
      // Not remembered across restarts, but the switch still works for this session.
    }
    set({ locale });
  },
}));

// Screen readers pick their voice from <html lang>, so it follows the switch.
function syncDocumentLang(locale: Locale): void {
  document.documentElement.lang = locale;
}
syncDocumentLang(useLocaleStore.getState().locale);
useLocaleStore.subscribe((s) => syncDocumentLang(s.locale));
