// The words of an import's narrative (shared/exchange/narrative) in Dutch and English: one sentence per line,
// with names, dates and times, plural forms through Intl.PluralRules. Used by the screen and by `regie import`.
import type { ImportPreview } from '../api/exchange';
import { gemeenteName } from '../domain/gemeenten';
import { buildNarrative, type Narrative, type NarrativeEvent, type NarrativeLine, type NarrativeSection } from '../exchange/narrative';
import type { Locale } from './messages';
import { plural, pluralForm } from './plural';
import { formatRange, ruleMessage } from './rule-messages';

type P = NarrativeLine['params'];
const s = (p: P, k: string) => String(p[k] ?? '');
const n = (p: P, k: string) => Number(p[k] ?? 0);

const WORDS = {
  nl: {
    and: 'en',
    officer: { one: 'handhaver', other: 'handhavers' },
    change: { one: 'wijziging', other: 'wijzigingen' },
    aspects: {
      time: 'tijden',
      needed: 'aantal nodig',
      role: 'rol',
      qualifications: 'bevoegdheden',
      pairs: 'koppels',
      name: 'naam',
      place: 'locatie',
      risk: 'risicoklasse',
      visitors: 'bezoekers',
      status: 'status',
      count: 'aantal',
      note: 'toelichting',
      agreement: 'afspraak',
      hours: 'contracturen',
      active: 'actief',
      other: 'overige gegevens',
    } as Record<string, string>,
    types: { absence: 'afwezigheid', response: 'antwoord', commitment: 'toezegging', other: 'overig' } as Record<string, string>,
    noEvent: 'Zonder evenement',
    you: 'u',
  },
  en: {
    and: 'and',
    officer: { one: 'officer', other: 'officers' },
    change: { one: 'change', other: 'changes' },
    aspects: {
      time: 'times',
      needed: 'number needed',
      role: 'role',
      qualifications: 'qualifications',
      pairs: 'pairs',
      name: 'name',
      place: 'location',
      risk: 'risk class',
      visitors: 'visitors',
      status: 'status',
      count: 'number',
      note: 'note',
      agreement: 'agreement',
      hours: 'contract hours',
      active: 'active',
      other: 'other details',
    } as Record<string, string>,
    types: { absence: 'absence', response: 'answer', commitment: 'commitment', other: 'other' } as Record<string, string>,
    noEvent: 'No event',
    you: 'you',
  },
} as const;

function list(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${WORDS[locale].and} ${items[items.length - 1] ?? ''}`;
}

function date(day: string, locale: Locale): string {
  const months =
    locale === 'nl' ? ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] : ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(day.slice(8, 10))} ${months[Number(day.slice(5, 7)) - 1] ?? ''} ${day.slice(0, 4)}`;
}

/** 'za 10 jul 20:00–02:00', or '' when the line has no shift. */
function shiftRange(p: P, locale: Locale): string {
  return p.start && p.end ? formatRange(s(p, 'start'), s(p, 'end'), locale).replace(/(\d\d:\d\d)-(\d\d:\d\d)$/, '$1–$2') : '';
}

function eventRange(p: P, locale: Locale): string {
  return p.eventStart && p.eventEnd ? formatRange(s(p, 'eventStart'), s(p, 'eventEnd'), locale).replace(/(\d\d:\d\d)-(\d\d:\d\d)$/, '$1–$2') : '';
}

const officers = (locale: Locale, count: number) => plural(locale, count, WORDS[locale].officer);

function nl(l: NarrativeLine, own: string, inEvent: boolean): string {
  const p = l.params;
  const by = gemeenteName(l.by);
  const at = inEvent ? `de dienst van ${shiftRange(p, 'nl')}` : [s(p, 'event'), shiftRange(p, 'nl')].filter(Boolean).join(' ');
  const provider = s(p, 'provider') === own ? 'u' : gemeenteName(s(p, 'provider'));
  const yours = n(p, 'own');
  const verb = (names: string[]) => pluralForm('nl', names.length, { one: 'komt', other: 'komen' });
  switch (l.code) {
    case 'commitments': {
      const come = l.lists.come ?? [];
      const gone = l.lists.gone ?? [];
      if (gone.length && come.length) return `${list(gone, 'nl')} ${verb(gone)} niet meer op ${at}; ${list(come, 'nl')} ${verb(come)}.`;
      if (gone.length) return `${list(gone, 'nl')} ${verb(gone)} niet meer op ${at}.`;
      return `${list(come, 'nl')} ${verb(come)} op ${at}.`;
    }
    case 'event.new':
      return inEvent ? `Nieuw evenement, ${eventRange(p, 'nl')}.` : `Nieuw evenement ${s(p, 'event')} (${eventRange(p, 'nl')}).`;
    case 'event.changed':
      return `${by} wijzigde evenement ${s(p, 'event')}: ${list(aspects(l, 'nl'), 'nl')}.`;
    case 'event.cancelled':
      return `${by} gelastte ${s(p, 'event')} (${eventRange(p, 'nl')}) af${yours ? `, waarop u ${officers('nl', yours)} had toegezegd` : ''}.`;
    case 'shift.new':
      return `Nieuwe dienst ${inEvent ? shiftRange(p, 'nl') : at}: ${officers('nl', n(p, 'needed'))} nodig.`;
    case 'shift.changed':
      return `${by} wijzigde ${inEvent ? at : `de dienst ${at}`} (${list(aspects(l, 'nl'), 'nl')})${yours ? `; u hebt er ${officers('nl', yours)} op toegezegd` : ''}.`;
    case 'shift.cancelled':
      return `${by} annuleerde de dienst ${shiftRange(p, 'nl')} van ${s(p, 'event')}${yours ? `, waarop u ${officers('nl', yours)} had toegezegd` : ''}.`;
    case 'request.new':
      return `${by} vraagt ${provider} om ${officers('nl', n(p, 'count'))} voor ${at}.`;
    case 'request.changed':
      return `${by} wijzigde het verzoek aan ${provider} voor ${at} (${list(aspects(l, 'nl'), 'nl')}): nu ${officers('nl', n(p, 'count'))}.`;
    case 'request.withdrawn':
      return `${by} trok het verzoek aan ${provider} om ${officers('nl', n(p, 'count'))} voor ${at} in.`;
    case 'request.approved':
      return `Het verzoek aan ${provider} om ${officers('nl', n(p, 'count'))} voor ${at} is goedgekeurd door ${s(p, 'approvedBy')}.`;
    case 'request.declined':
      return `${by} wijst ${s(p, 'requestHost') === own ? 'uw verzoek' : `het verzoek van ${gemeenteName(s(p, 'requestHost'))}`} om ${officers('nl', n(p, 'count'))} voor ${at} af${s(p, 'reason') ? `: ${s(p, 'reason')}` : ''}.`;
    case 'agreement.new':
      return `${by} stelt de afspraak "${s(p, 'title')}" voor, met ${list((l.lists.parties ?? []).map(gemeenteName), 'nl')}.`;
    case 'agreement.changed':
      return `${by} wijzigde de afspraak "${s(p, 'title')}"; de nieuwe versie moet opnieuw door alle partijen worden ondertekend.`;
    case 'agreement.signed':
      return `${by} ondertekende de afspraak "${s(p, 'title')}".`;
    case 'agreement.terminated':
      return `${by} zegt de afspraak "${s(p, 'title')}" op per ${date(s(p, 'date'), 'nl')}.`;
    case 'officers.new':
      return `${pluralForm('nl', n(p, 'count'), { one: 'Nieuwe handhaver', other: `${n(p, 'count')} nieuwe handhavers` })}: ${list(l.lists.names ?? [], 'nl')}.`;
    case 'officers.changed':
      return `Gegevens bijgewerkt van ${list(l.lists.names ?? [], 'nl')}.`;
    case 'other':
      return `${plural('nl', n(p, 'count'), { one: 'andere wijziging', other: 'andere wijzigingen' })} (${list(
        (l.lists.types ?? []).map((t) => WORDS.nl.types[t] ?? t),
        'nl',
      )}).`;
    case 'conflict':
      return s(p, 'message');
    case 'violation':
      return l.violation ? `${l.violation.severity === 'blocking' ? 'Regel overtreden' : 'Waarschuwing'}: ${ruleMessage(l.violation.code, l.violation.params, 'nl')}` : '';
    case 'rejected':
      return `Wijziging nr. ${n(p, 'seq')} van ${by} is geweigerd: ${s(p, 'reason')}. Bewaard voor controle, niet toegepast.`;
    case 'held':
      return `${plural('nl', n(p, 'count'), WORDS.nl.change)} van ${by} (${s(p, 'device')}) ${pluralForm('nl', n(p, 'count'), { one: 'wacht', other: 'wachten' })} op vertrouwen: lees de identiteitskaart van dat apparaat in om ze te verwerken.`;
    case 'parked':
      return `Geparkeerd: ${by} ${n(p, 'from')}-${n(p, 'to')}; nodig: ${by} ${n(p, 'missingFrom') === n(p, 'missingTo') ? n(p, 'missingFrom') : `${n(p, 'missingFrom')}-${n(p, 'missingTo')}`}. Wordt verwerkt zodra die wijzigingen binnen zijn.`;
  }
}

function en(l: NarrativeLine, own: string, inEvent: boolean): string {
  const p = l.params;
  const by = gemeenteName(l.by);
  const at = inEvent ? `the shift of ${shiftRange(p, 'en')}` : [s(p, 'event'), shiftRange(p, 'en')].filter(Boolean).join(' ');
  const provider = s(p, 'provider') === own ? 'you' : gemeenteName(s(p, 'provider'));
  const yours = n(p, 'own');
  const verb = (names: string[]) => pluralForm('en', names.length, { one: 'is', other: 'are' });
  switch (l.code) {
    case 'commitments': {
      const come = l.lists.come ?? [];
      const gone = l.lists.gone ?? [];
      if (gone.length && come.length) return `${list(gone, 'en')} ${verb(gone)} no longer coming to ${at}; ${list(come, 'en')} ${verb(come)} coming.`;
      if (gone.length) return `${list(gone, 'en')} ${verb(gone)} no longer coming to ${at}.`;
      return `${list(come, 'en')} ${verb(come)} coming to ${at}.`;
    }
    case 'event.new':
      return inEvent ? `New event, ${eventRange(p, 'en')}.` : `New event ${s(p, 'event')} (${eventRange(p, 'en')}).`;
    case 'event.changed':
      return `${by} changed event ${s(p, 'event')}: ${list(aspects(l, 'en'), 'en')}.`;
    case 'event.cancelled':
      return `${by} called off ${s(p, 'event')} (${eventRange(p, 'en')})${yours ? `, for which you had committed ${officers('en', yours)}` : ''}.`;
    case 'shift.new':
      return `New shift ${inEvent ? shiftRange(p, 'en') : at}: ${officers('en', n(p, 'needed'))} needed.`;
    case 'shift.changed':
      return `${by} changed ${inEvent ? at : `the shift ${at}`} (${list(aspects(l, 'en'), 'en')})${yours ? `; you have committed ${officers('en', yours)} to it` : ''}.`;
    case 'shift.cancelled':
      return `${by} cancelled the shift ${shiftRange(p, 'en')} of ${s(p, 'event')}${yours ? `, for which you had committed ${officers('en', yours)}` : ''}.`;
    case 'request.new':
      return `${by} asks ${provider} for ${officers('en', n(p, 'count'))} for ${at}.`;
    case 'request.changed':
      return `${by} changed the request to ${provider} for ${at} (${list(aspects(l, 'en'), 'en')}): now ${officers('en', n(p, 'count'))}.`;
    case 'request.withdrawn':
      return `${by} withdrew the request to ${provider} for ${officers('en', n(p, 'count'))} for ${at}.`;
    case 'request.approved':
      return `The request to ${provider} for ${officers('en', n(p, 'count'))} for ${at} was approved by ${s(p, 'approvedBy')}.`;
    case 'request.declined':
      return `${by} declines ${s(p, 'requestHost') === own ? 'your request' : `the request from ${gemeenteName(s(p, 'requestHost'))}`} for ${officers('en', n(p, 'count'))} for ${at}${s(p, 'reason') ? `: ${s(p, 'reason')}` : ''}.`;
    case 'agreement.new':
      return `${by} proposes the agreement "${s(p, 'title')}" with ${list((l.lists.parties ?? []).map(gemeenteName), 'en')}.`;
    case 'agreement.changed':
      return `${by} changed the agreement "${s(p, 'title')}"; every party must sign the new version again.`;
    case 'agreement.signed':
      return `${by} signed the agreement "${s(p, 'title')}".`;
    case 'agreement.terminated':
      return `${by} terminates the agreement "${s(p, 'title')}" from ${date(s(p, 'date'), 'en')}.`;
    case 'officers.new':
      return `${pluralForm('en', n(p, 'count'), { one: 'New officer', other: `${n(p, 'count')} new officers` })}: ${list(l.lists.names ?? [], 'en')}.`;
    case 'officers.changed':
      return `Details updated of ${list(l.lists.names ?? [], 'en')}.`;
    case 'other':
      return `${plural('en', n(p, 'count'), { one: 'other change', other: 'other changes' })} (${list(
        (l.lists.types ?? []).map((t) => WORDS.en.types[t] ?? t),
        'en',
      )}).`;
    case 'conflict':
      return s(p, 'kind') === 'commitment_lapsed'
        ? `${plural('en', n(p, 'count'), { one: 'commitment has', other: 'commitments have' })} lapsed: the ${s(p, 'field') === 'request' ? 'request was withdrawn' : s(p, 'field') === 'shift' ? 'shift was cancelled' : 'event was called off'}.`
        : `${gemeenteName(s(p, 'resolvableBy'))}'s "${s(p, 'field')}" was changed at the same time on ${n(p, 'count')} devices; the most recent value is shown until ${gemeenteName(s(p, 'resolvableBy'))} chooses.`;
    case 'violation':
      return l.violation ? `${l.violation.severity === 'blocking' ? 'Rule broken' : 'Warning'}: ${ruleMessage(l.violation.code, l.violation.params, 'en')}` : '';
    case 'rejected':
      return `Change no. ${n(p, 'seq')} from ${by} is refused: ${s(p, 'reason')}. Kept for audit, not applied.`;
    case 'held':
      return `${plural('en', n(p, 'count'), WORDS.en.change)} from ${by} (${s(p, 'device')}) ${pluralForm('en', n(p, 'count'), { one: 'waits', other: 'wait' })} for trust: read that device's identity card to apply them.`;
    case 'parked':
      return `Parked: ${by} ${n(p, 'from')}-${n(p, 'to')}; needed first: ${by} ${n(p, 'missingFrom') === n(p, 'missingTo') ? n(p, 'missingFrom') : `${n(p, 'missingFrom')}-${n(p, 'missingTo')}`}. Applied as soon as those changes arrive.`;
  }
}

function aspects(l: NarrativeLine, locale: Locale): string[] {
  return (l.lists.aspects ?? []).map((a) => WORDS[locale].aspects[a] ?? a);
}

/**
 * One line of the narrative as a sentence. `inEvent`: shown under its event's heading, so the event's name
 * is not repeated ("Sanne de Wit komt op de dienst van za 10 jul 20:00–02:00").
 */
export function narrativeLine(l: NarrativeLine, own: string, locale: Locale = 'nl', inEvent = false): string {
  return locale === 'en' ? en(l, own, inEvent) : nl(l, own, inEvent);
}

/** The line with the gemeente it comes from in front ("Heemstede: ..."), for lists that mix gemeenten. */
export function narrativeLineFrom(l: NarrativeLine, own: string, locale: Locale = 'nl'): string {
  const text = narrativeLine(l, own, locale);
  const name = gemeenteName(l.by);
  return l.by && l.code !== 'violation' && l.code !== 'conflict' && !text.startsWith(name) ? `${name}: ${text}` : text;
}

/** "Heemstede · 3 wijzigingen": the count is that of the lines listed below it. */
export function sectionTitle(section: NarrativeSection, locale: Locale = 'nl'): string {
  return `${gemeenteName(section.gemeente)} · ${plural(locale, section.count, WORDS[locale].change)}`;
}

export function eventTitle(e: NarrativeEvent, locale: Locale = 'nl'): string {
  if (!e.id) return WORDS[locale].noEvent;
  return e.start && e.end ? `${e.name} (${formatRange(e.start, e.end, locale).replace(/(\d\d:\d\d)-(\d\d:\d\d)$/, '$1–$2')})` : e.name;
}

/** "en nog 1.234 wijzigingen die hier niet één voor één staan". */
export function omittedText(count: number, locale: Locale = 'nl'): string {
  return locale === 'en' ? `And ${plural('en', count, WORDS.en.change)} more, too many to list one by one.` : `En nog ${plural('nl', count, WORDS.nl.change)}, te veel om één voor één te noemen.`;
}

/** The whole narrative as plain text: what `regie import FILE` prints. */
export function narrativeText(preview: ImportPreview, own: string, locale: Locale = 'nl', narrative: Narrative = buildNarrative(preview, own)): string {
  const out: string[] = [];
  if (narrative.attention.length) {
    out.push(locale === 'en' ? 'Needs your attention:' : 'Let op:');
    for (const l of narrative.attention) out.push(`  - ${narrativeLineFrom(l, own, locale)}`);
  }
  for (const section of narrative.sections) {
    out.push(`${sectionTitle(section, locale)}:`);
    for (const e of section.events) {
      out.push(`  ${eventTitle(e, locale)}`);
      for (const l of e.lines) out.push(`    - ${narrativeLine(l, own, locale, e.id !== '')}`);
    }
    for (const l of section.other) out.push(`  - ${narrativeLine(l, own, locale)}`);
  }
  if (narrative.omitted) out.push(omittedText(narrative.omitted, locale));
  return out.join('\n');
}
