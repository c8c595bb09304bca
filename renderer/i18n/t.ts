// The typed translate function: t('form.saved', { name }) checks the key and its {parameters} at compile time.
import { useMemo } from 'react';
import { domainMessage, type Locale } from '../../shared/i18n/messages';
import { fillMessage } from '../../shared/i18n/plural';
import { nl } from './nl';
import { en } from './en';
import { useLocaleStore } from './locale-store';

export type UiKey = keyof typeof nl;

/** `{name}` and the plural form `{count|dienst|diensten}` both name a parameter. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? (P extends `${infer N}|${string}` ? N : P) | Placeholders<Rest> : never;
type ParamsOf<K extends UiKey> = Record<Placeholders<(typeof nl)[K]>, string | number>;
type ParamArgs<K extends UiKey> = [Placeholders<(typeof nl)[K]>] extends [never] ? [] : [ParamsOf<K>];

export type Translate = <K extends UiKey>(key: K, ...params: ParamArgs<K>) => string;

const TABLES: Record<Locale, Record<UiKey, string>> = { nl, en };

export function translator(locale: Locale): Translate {
  return (key, ...params) => {
    const text = TABLES[locale][key];
    const values = params[0] as Record<string, string | number> | undefined;
    if (!values) return text;
    return fillMessage(text, values, locale);
  };
}

export interface I18n {
  locale: Locale;
  t: Translate;
  /** A shared domain message (validation, refusals) by its stable key. */
  dm: (key: string) => string;
}

export function useI18n(): I18n {
  const locale = useLocaleStore((s) => s.locale);
  return useMemo(() => ({ locale, t: translator(locale), dm: (key: string) => domainMessage(key, locale) }), [locale]);
}
