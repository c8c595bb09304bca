// Plural forms through Intl.PluralRules, so "1 dienst" / "2 diensten" and "1 problem" / "2 problems" follow
// the language's own rules instead of a hand-written `count === 1`.
import type { Locale } from './messages';

const TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };
const rules = new Map<Locale, Intl.PluralRules>();

export interface PluralForms {
  one: string;
  other: string;
}

/** The form for `count` (its Intl plural category; categories a language lacks fall back to `other`). */
export function pluralForm(locale: Locale, count: number, forms: PluralForms): string {
  let r = rules.get(locale);
  if (!r) {
    r = new Intl.PluralRules(TAGS[locale]);
    rules.set(locale, r);
  }
  return r.select(count) === 'one' ? forms.one : forms.other;
}

/** "1 dienst", "3 diensten": the number (formatted for the locale) and its form. */
export function plural(locale: Locale, count: number, forms: PluralForms): string {
  return `${new Intl.NumberFormat(TAGS[locale]).format(count)} ${pluralForm(locale, count, forms)}`;
}
