// Small wording helpers of the Uitwisselen screen: kinds of change and moments in Dutch time.
import type { Locale } from '../../../shared/i18n/messages';
import type { Translate, UiKey } from '../../i18n/t';

const KINDS = ['event', 'shift', 'request', 'response', 'commitment', 'agreement', 'signature', 'officer', 'absence', 'statement', 'cosign'] as const;

/** "diensten" for shift changes; unknown kinds (from a newer Regie) count as "overige". */
export function kindLabel(kind: string, t: Translate): string {
  const known = (KINDS as readonly string[]).includes(kind) ? kind : 'other';
  return t(`ex.kind.${known}` as UiKey & `ex.kind.${string}`);
}

const TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** An instant (ISO, UTC) as the wall-clock time in the Netherlands: "vr 27 nov 2026 10:12". */
export function formatInstant(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(TAGS[locale], {
    timeZone: 'Europe/Amsterdam',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => (parts.find((p) => p.type === type)?.value ?? '').replace(/\.$/, '');
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')} ${get('hour')}:${get('minute')}`;
}
