// Messages that both main and the renderer show: validation of fields and domain refusals.
// Dutch is the default; English is the second language. Keys are stable; texts may change.

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];

const nl = {
  'field.datetime.invalid': 'Vul een geldige datum en tijd in (dd-mm-jjjj uu:mm).',
  'field.invalid': 'Deze waarde is niet geldig.',
  'event.name.required': 'Geef het evenement een naam.',
  'event.name.too_long': 'De naam is te lang (ten hoogste 120 tekens).',
  'event.place.required': 'Vul de locatie in.',
  'event.place.too_long': 'De locatie is te lang (ten hoogste 200 tekens).',
  'event.end.before_start': 'Het einde moet na het begin liggen.',
  'event.risk.invalid': 'Kies risicoklasse A, B of C.',
  'event.visitors.invalid': 'Vul een geheel aantal bezoekers in (0 of meer).',
  'event.status.invalid': 'Kies een geldige status.',
  'device.label.required': 'Geef dit apparaat een naam, bijvoorbeeld "Laptop coördinator".',
  'device.label.too_long': 'De naam van het apparaat is te lang (ten hoogste 60 tekens).',
  'gemeente.unknown': 'Kies een gemeente uit de lijst.',
  'field.date.invalid': 'Vul een geldige datum in (dd-mm-jjjj).',
  'officer.name.required': 'Vul de naam van de handhaver in.',
  'officer.name.too_long': 'De naam is te lang (ten hoogste 80 tekens).',
  'officer.hours.invalid': 'Vul het aantal contracturen per week in: van 0 tot en met 60, met hoogstens één decimaal (28,8).',
  'shift.needed.invalid': 'Vul het aantal benodigde handhavers in: een geheel getal van 1 tot en met 500.',
  'shift.end.before_start': 'Het einde van de dienst moet na het begin liggen.',
  'agreement.title.required': 'Geef de afspraak een titel.',
  'agreement.parties.too_few': 'Een afspraak heeft ten minste twee gemeenten als partij.',
  'rule.reason.required': 'Geef een reden op om deze waarschuwing te accepteren.',
} as const;

export type MessageKey = keyof typeof nl;

const en: Record<MessageKey, string> = {
  'field.datetime.invalid': 'Enter a valid date and time (dd-mm-yyyy hh:mm).',
  'field.invalid': 'This value is not valid.',
  'event.name.required': 'Give the event a name.',
  'event.name.too_long': 'The name is too long (at most 120 characters).',
  'event.place.required': 'Enter the location.',
  'event.place.too_long': 'The location is too long (at most 200 characters).',
  'event.end.before_start': 'The end must be after the start.',
  'event.risk.invalid': 'Choose risk class A, B or C.',
  'event.visitors.invalid': 'Enter a whole number of visitors (0 or more).',
  'event.status.invalid': 'Choose a valid status.',
  'device.label.required': 'Give this device a name, for example "Coordinator laptop".',
  'device.label.too_long': 'The device name is too long (at most 60 characters).',
  'gemeente.unknown': 'Choose a gemeente from the list.',
  'field.date.invalid': 'Enter a valid date (dd-mm-yyyy).',
  'officer.name.required': 'Enter the officer’s name.',
  'officer.name.too_long': 'The name is too long (at most 80 characters).',
  'officer.hours.invalid': 'Enter the contract hours per week: from 0 to 60, with at most one decimal (28.8).',
  'shift.needed.invalid': 'Enter the number of officers needed: a whole number from 1 to 500.',
  'shift.end.before_start': 'The end of the shift must be after its start.',
  'agreement.title.required': 'Give the agreement a title.',
  'agreement.parties.too_few': 'An agreement has at least two gemeenten as parties.',
  'rule.reason.required': 'Give a reason to accept this warning.',
};

export const DOMAIN_MESSAGES: Record<Locale, Record<MessageKey, string>> = { nl, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(nl, key);
}

/** The text for a key; an unknown key (a schema's own message) falls back to a generic one. */
export function domainMessage(key: string, locale: Locale = 'nl'): string {
  return isMessageKey(key) ? DOMAIN_MESSAGES[locale][key] : DOMAIN_MESSAGES[locale]['field.invalid'];
}
