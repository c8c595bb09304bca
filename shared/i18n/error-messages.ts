// Refusals from main that the renderer words in its own language: main sends a key and raw parameters with
// its (Dutch) message, and the screen renders the key in the user's language. Dates travel as ISO instants.
import { ApiError, type ErrorCode, type FieldIssue } from '../api/errors';
import type { Locale } from './messages';
import { refusalEn, refusalNl, type RefusalKey } from './refusal-messages';

export type ErrorParams = Readonly<Record<string, string | number>>;

const TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** An instant (ISO, UTC) as the wall-clock time in the Netherlands: "za 5 dec 2026 09:01". */
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

type Template = (p: ErrorParams, locale: Locale) => string;
const s = (p: ErrorParams, k: string) => String(p[k] ?? '');

const nl = {
  'import.already': (p, l) => `Dit planbestand van ${s(p, 'sender')} is al ingelezen op ${formatInstant(s(p, 'at'), l)}. Er hoeft niets te gebeuren: alles wat erin staat, hebt u al.`,
  'import.old': (p) =>
    `Dit is een ouder bestand van ${s(p, 'sender')} (${s(p, 'created').slice(0, 10).split('-').reverse().join('-')}). U hebt al een nieuwer bestand van dit apparaat ingelezen en dit bestand brengt niets nieuws; er hoeft niets te gebeuren.`,
  'file.damaged': () =>
    'Het bestand is beschadigd: een deel ervan is onderweg gewijzigd, zodat het niet meer klopt met wat de afzender maakte. Er is niets gewijzigd. Vraag de afzender het bestand opnieuw te sturen.',
  'file.truncated': () => 'Het bestand is afgebroken: het einde ontbreekt (bijvoorbeeld door een onderbroken download). Er is niets gewijzigd. Vraag de afzender het bestand opnieuw te sturen.',
  'file.start_changed': () => 'Het begin van het bestand is gewijzigd of beschadigd. Er is niets gewijzigd. Vraag de afzender het bestand opnieuw te sturen.',
  'demo.export': () =>
    'Dit is de voorbeeldregio: daaruit maakt Regie geen planbestanden, zodat voorbeeldgegevens nooit bij een partner terechtkomen. Er is niets verstuurd. Verwijder de voorbeeldregio (bovenaan het scherm) en richt Regie in voor uw eigen gemeente om echt uit te wisselen.',
  'demo.backup': () =>
    'In de voorbeeldregio maakt Regie geen back-ups en zet er geen terug: niets hiervan is echt. Er is niets gewijzigd. Back-ups komen er zodra u Regie inricht voor uw eigen gemeente.',
  'identity.revoked_sender': (p) =>
    `Dit bestand is verstuurd door ${s(p, 'sender')} (vingerafdruk ${s(p, 'fingerprint')}), een apparaat dat ${s(p, 'gemeente')} heeft ingetrokken (${s(p, 'reason')}). Bestanden van dit apparaat worden niet meer ingelezen. Er is niets gewijzigd.`,
  'identity.wrong_password': () => 'Het wachtwoord klopt niet (of het sleutelbestand is gewijzigd). De gemeentesleutel is niet ingelezen; er is niets gewijzigd.',
  'identity.key_not_held': (p) =>
    `Deze laptop heeft de gemeentesleutel van ${s(p, 'gemeente')} niet. Doe dit op de laptop die de gemeentesleutel heeft, of lees de sleutel eerst in (gemeente-key import). Er is niets gewijzigd.`,
} satisfies Record<string, Template>;

export type ErrorKey = keyof typeof nl | RefusalKey;

const en: Record<keyof typeof nl, Template> = {
  'import.already': (p, l) => `This plan file from ${s(p, 'sender')} was already imported on ${formatInstant(s(p, 'at'), l)}. Nothing needs to be done: you already have everything in it.`,
  'import.old': (p) =>
    `This is an older file from ${s(p, 'sender')} (${s(p, 'created').slice(0, 10).split('-').reverse().join('-')}). You already imported a newer file from this device and this one brings nothing new; nothing needs to be done.`,
  'file.damaged': () => 'The file is damaged: part of it was changed on the way, so it no longer matches what the sender made. Nothing was changed. Ask the sender to send the file again.',
  'file.truncated': () => 'The file is cut short: its end is missing (for example after an interrupted download). Nothing was changed. Ask the sender to send the file again.',
  'file.start_changed': () => 'The start of the file was changed or damaged. Nothing was changed. Ask the sender to send the file again.',
  'demo.export': () =>
    'This is the sample region: Regie makes no plan files from it, so sample data never reaches a partner. Nothing was sent. Remove the sample region (at the top of the screen) and set Regie up for your own gemeente to exchange for real.',
  'demo.backup': () => 'In the sample region Regie makes and restores no backups: none of it is real. Nothing was changed. Backups start once you set Regie up for your own gemeente.',
  'identity.revoked_sender': (p) =>
    `This file was sent by ${s(p, 'sender')} (fingerprint ${s(p, 'fingerprint')}), a device that ${s(p, 'gemeente')} has revoked (${s(p, 'reason')}). Files from this device are no longer read. Nothing was changed.`,
  'identity.wrong_password': () => 'The password is wrong (or the key file was changed). The gemeente key was not imported; nothing was changed.',
  'identity.key_not_held': (p) =>
    `This laptop does not hold the gemeente key of ${s(p, 'gemeente')}. Do this on the laptop that holds the gemeente key, or import the key first (gemeente-key import). Nothing was changed.`,
};

const TEMPLATES: Record<Locale, Record<ErrorKey, Template>> = { nl: { ...nl, ...refusalNl }, en: { ...en, ...refusalEn } };

export function isErrorKey(key: string): key is ErrorKey {
  return Object.prototype.hasOwnProperty.call(TEMPLATES.nl, key);
}

/** The refusal's text in the given language; Dutch is what main sends as the message. */
export function errorText(key: ErrorKey, params: ErrorParams = {}, locale: Locale = 'nl'): string {
  return TEMPLATES[locale][key](params, locale);
}

/** A refusal whose Dutch message comes from this catalogue and whose key and values travel along. */
export function keyedError(code: ErrorCode, key: ErrorKey, params: ErrorParams = {}, issues?: FieldIssue[]): ApiError {
  return new ApiError(code, errorText(key, params, 'nl'), issues, { key, params: { ...params } });
}
