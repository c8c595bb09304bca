// Problems in the user's language: rule violations re-rendered from their code and params; conflicts from
// their kind, since main words them in Dutch.
import type { Conflict } from '../../../shared/api/exchange';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import type { Locale } from '../../../shared/i18n/messages';
import { ruleMessage } from '../../../shared/rules';
import type { Violation } from '../../../shared/rules/types';
import type { Translate } from '../../i18n/t';

export function violationText(v: Violation, locale: Locale): string {
  return locale === 'nl' ? v.message : ruleMessage(v.code, v.params, locale);
}

export function conflictText(c: Conflict, locale: Locale, t: Translate): string {
  if (locale === 'nl') return c.message;
  if (c.kind === 'commitment_lapsed') {
    const count = c.records?.length ?? 0;
    const cause = c.field === 'request' ? t('problems.lapsed.request') : c.field === 'shift' ? t('problems.lapsed.shift') : t('problems.lapsed.event');
    return t('problems.lapsed.text', { cause, count });
  }
  return t('problems.concurrent.text', { field: c.field, count: c.values.length, owner: gemeenteName(c.owner) });
}

export function conflictValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
