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

/**
 * Fills a message template: `{name}` becomes the value, and `{count|dienst|diensten}` becomes the number with
 * the form its plural category asks for ("1 dienst", "3 diensten"; "1 problem", "2 problems"). The one helper
 * every UI string with a count goes through, so no screen writes "1 diensten" or "dienst(en)".
 */
export function fillMessage(text: string, values: Readonly<Record<string, string | number>>, locale: Locale): string {
  return text.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one: string | undefined, other: string | undefined) => {
    if (!(name in values)) return whole;
    const value = values[name]!;
    if (one === undefined || other === undefined) return String(value);
    const count = Number(value);
    return Number.isFinite(count) ? plural(locale, count, { one, other }) : `${value} ${other}`;
  });
}
