// Main's refusals worded in Dutch and English: one key per refusal, with its values (names, ids, counts) as
// parameters. Main sends the Dutch text as the message (CLI, logs) and the key, so a screen in English shows
// English. Gemeente names are proper names and stay as they are.
import type { Locale } from './messages';
import { plural } from './plural';
import { ruleMessage } from './rule-messages';
import type { RuleCode } from '../rules/types';

export type RefusalParams = Readonly<Record<string, string | number>>;
type Template = (p: RefusalParams, locale: Locale) => string;
const s = (p: RefusalParams, k: string) => String(p[k] ?? '');
const n = (p: RefusalParams, k: string) => Number(p[k] ?? 0);

/** What a refusal is about ("Deze handhaver is van …"), by kind. */
const THING: Record<Locale, Record<string, string>> = {
  nl: { officer: 'Deze handhaver', absence: 'Deze afwezigheid', shift: 'Deze dienst', event: 'Dit evenement', request: 'Dit verzoek' },
  en: { officer: 'This officer', absence: 'This absence', shift: 'This shift', event: 'This event', request: 'This request' },
};
const thing = (p: RefusalParams, l: Locale) => THING[l][s(p, 'what')] ?? s(p, 'what');

/** Rule findings travel as JSON text of [{ code, params }] and are worded by the rule messages. */
export function rulesParam(violations: readonly { code: RuleCode; params: Readonly<Record<string, string | number>> }[]): string {
  return JSON.stringify(violations.map((v) => ({ code: v.code, params: v.params })));
}
const TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };
const day = (iso: string, l: Locale) => (l === 'nl' ? iso.split('-').reverse().join('-') : iso);

/** A settlement's figures, from params prefixed `side` (shifts, minutes, corrections, cents). */
function figures(p: RefusalParams, side: string, l: Locale): string {
  const hours = new Intl.NumberFormat(TAGS[l], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n(p, `${side}Minutes`) / 60);
  const money = new Intl.NumberFormat(TAGS[l], { style: 'currency', currency: 'EUR' }).format(n(p, `${side}Cents`) / 100).replace(/[\u00a0\u202f]/g, ' ');
  const shifts = plural(l, n(p, `${side}Shifts`), l === 'nl' ? { one: 'dienst', other: 'diensten' } : { one: 'shift', other: 'shifts' });
  const corrections = plural(l, n(p, `${side}Corrections`), l === 'nl' ? { one: 'correctie', other: 'correcties' } : { one: 'correction', other: 'corrections' });
  return l === 'nl' ? `${shifts}, ${hours} uur, ${corrections}, te betalen ${money}` : `${shifts}, ${hours} hours, ${corrections}, ${money} due`;
}

function rules(p: RefusalParams, l: Locale): string {
  try {
    const list = JSON.parse(s(p, 'rules')) as { code: RuleCode; params: Record<string, string | number> }[];
    return list.map((v) => ruleMessage(v.code, v.params, l)).join(' ');
  } catch {
    return '';
  }
}

export const refusalNl = {
  'setup.needed': () => 'Deze installatie is nog niet ingericht: kies eerst uw gemeente en een naam voor dit apparaat.',
  'setup.already': () => 'Deze installatie is al ingericht; de sleutel van dit apparaat blijft ongewijzigd.',
  'store.only_damaged': () => 'Alleen een beschadigde database kan opzij worden gezet.',
  'backup.unknown': (p) => `Er is geen back-up "${s(p, 'name')}" in ${s(p, 'dir')}.`,
  'backup.unusable': (p) => `Deze back-up kan niet worden teruggezet: ${s(p, 'problem')}. Er is niets gewijzigd.`,
  'gemeente.unknown': (p) => `Onbekende gemeentecode ${s(p, 'code')}.`,
  'demo.already_open': () => 'De voorbeeldregio is al geopend. Verwijder haar eerst als u opnieuw wilt beginnen.',
  'demo.after_setup': () => 'Deze installatie is al ingericht voor uw gemeente; een voorbeeldregio kan alleen bij de eerste start. Uw gegevens zijn niet gewijzigd.',
  'demo.none_open': () => 'Er is geen voorbeeldregio geopend; er is niets verwijderd.',
  'transfer.not_writable': () => 'In dit bestand kan Regie niet schrijven.',
  'transfer.gone': () => 'Dit bestand is niet (meer) beschikbaar. Kies het bestand opnieuw; er is niets gewijzigd.',
  'card.own': () => 'Dit is de kaart van dit apparaat zelf.',
  'card.fingerprint': () => 'De bevestigde vingerafdruk hoort niet bij deze kaart; de partner is niet vastgelegd.',
  'card.other_gemeente': (p) => `Dit apparaat is al bekend als apparaat van ${s(p, 'known')}; de kaart zegt ${s(p, 'card')}.`,
  'export.no_partners': () => 'Er zijn nog geen vertrouwde partners. Lees eerst de identiteitskaart van een partner in.',
  'export.not_partner': (p) => `${s(p, 'name')} (${s(p, 'code')}) is nog geen vertrouwde partner. Lees eerst de identiteitskaart van ${s(p, 'name')} in en vergelijk de vingerafdruk.`,
  'export.write_failed': (p) => `Het planbestand kon niet worden geschreven naar ${s(p, 'path')}: ${s(p, 'reason')}`,
  'period.end_before_start': () => 'De einddatum van de periode ligt vóór de begindatum. Kies een periode opnieuw.',
  'period.too_long': (p) => `Kies een periode van hoogstens ${s(p, 'max')} dagen.`,
  'period.end_not_after': () => 'Het einde van de periode moet na het begin liggen.',
  'pair.same': () => 'Een gemeentepaar bestaat uit twee verschillende gemeenten.',
  'event.unknown': (p) => `Evenement ${s(p, 'id')} bestaat niet in deze kopie.`,
  'event.unknown_pick': (p) => `Evenement ${s(p, 'id')} is niet bekend in deze kopie. Kies een evenement uit de lijst.`,
  'event.cancelled': () => 'Dit evenement is afgelast.',
  'officer.unknown': (p) => `Handhaver ${s(p, 'id')} is niet bekend in deze kopie.`,
  'officer.unknown_pick': (p) => `Handhaver ${s(p, 'id')} is niet bekend in deze kopie. Kies een handhaver uit de lijst.`,
  'record.not_own': (p, l) => `${thing(p, l)} is van ${s(p, 'owner')}; alleen die gemeente kan dit wijzigen.`,
  'copy.not_own': (p, l) => `${thing(p, l)} is van ${s(p, 'owner')}; alleen die gemeente kan het kopiëren. Maak zo nodig een eigen evenement.`,
  'copy.start_invalid': () => 'Vul een geldige datum en tijd in voor het begin van de kopie.',
  'absence.end_before_start': () => 'Het einde van de afwezigheid moet na het begin liggen.',
  'shift.unknown': (p) => `Dienst ${s(p, 'id')} is niet bekend in deze kopie.`,
  'shift.times_invalid': () => 'Vul een geldige begin- en eindtijd in.',
  'shift.end_before_start': () => 'Het einde van de dienst moet na het begin liggen.',
  'shift.move': () => 'Een dienst kan niet naar een ander evenement worden verplaatst; kopieer hem.',
  'shift.cancelled': () => 'Deze dienst is geannuleerd.',
  'assign.not_host': (p) => `Deze dienst is van ${s(p, 'host')}; alleen die gemeente zet er eigen handhavers op.`,
  'assign.too_many': () => 'Op één dienst staan ten hoogste 500 eigen handhavers.',
  'agreement.unknown': (p) => `Afspraak ${s(p, 'id')} is niet bekend in deze kopie.`,
  'agreement.own_party': () => 'U kunt alleen een afspraak voorstellen waarin uw eigen gemeente partij is.',
  'agreement.end_before_start': () => 'De afspraak moet eindigen na het begin.',
  'agreement.strangers': (p) => `Tarieven voor gemeenten die geen partij zijn: ${s(p, 'names')}.`,
  'agreement.not_proposer': (p) => `Deze afspraak is voorgesteld door ${s(p, 'proposer')}; alleen die gemeente kan de tekst wijzigen.`,
  'agreement.not_party': (p) => `${s(p, 'gemeente')} is geen partij bij deze afspraak.`,
  'agreement.text_changed': () => 'De tekst van de afspraak is gewijzigd sinds u hem opende. Lees de nieuwe versie en onderteken opnieuw.',
  'request.unknown': (p) => `Verzoek ${s(p, 'id')} is niet bekend in deze kopie.`,
  'request.not_host_shift': (p) => `Deze dienst is van ${s(p, 'host')}; alleen die gemeente kan er handhavers voor vragen.`,
  'request.needs_agreement': (p) => `Een verzoek aan ${s(p, 'provider')} moet verwijzen naar een afspraak die op de datum van de dienst geldt.`,
  'request.not_host': (p) => `Dit verzoek is van ${s(p, 'host')}; alleen die gemeente kan het wijzigen.`,
  'request.not_provider': (p) => `Dit verzoek is gericht aan ${s(p, 'provider')}; alleen die gemeente kan het beantwoorden.`,
  'request.not_provider_commit': (p) => `Dit verzoek is gericht aan ${s(p, 'provider')}; alleen die gemeente zegt er handhavers voor toe.`,
  'request.no_shift': () => 'De dienst van dit verzoek is niet bekend in deze kopie.',
  'request.within_mandate': () => 'Dit verzoek valt binnen het mandaat; er is geen goedkeuring nodig.',
  'request.withdrawn': () => 'Dit verzoek is ingetrokken.',
  'request.shift_cancelled': () => 'De dienst van dit verzoek is geannuleerd.',
  'commit.duplicate': () => 'Dezelfde handhaver staat twee keer in de keuze.',
  'commit.too_many': (p, l) => `Er zijn ${plural(l, n(p, 'count'), { one: 'handhaver', other: 'handhavers' })} gevraagd; ${n(p, 'committed')} ${n(p, 'committed') === 1 ? 'is' : 'zijn'} al toegezegd.`,
  'commit.not_own_officer': (p) => `Handhaver ${s(p, 'id')} is geen handhaver van ${s(p, 'gemeente')}.`,
  'commit.inactive': (p) => `${s(p, 'name')} is niet actief.`,
  'commitment.unknown': (p) => `Toezegging ${s(p, 'id')} is niet bekend in deze kopie.`,
  'commitment.not_own': (p) => `Deze toezegging is van ${s(p, 'provider')}; alleen die gemeente kan haar intrekken.`,
  'rules.request': (p, l) => `Een verzoek aan ${s(p, 'provider')} kan niet: ${rules(p, l)}`,
  'rules.commit': (p, l) => `${s(p, 'name')} toezeggen kan niet: ${rules(p, l)}`,
  'rules.reason': (p, l) => `Voor ${s(p, 'name')} is een reden nodig: ${rules(p, l)}`,
  'conflict.gone': () => 'Dit conflict bestaat niet (meer); mogelijk is het al opgelost.',
  'conflict.not_yours': (p) => `Alleen ${s(p, 'gemeente')} kan dit conflict oplossen.`,
  'conflict.pick': (p) => `Kies een van de ${s(p, 'count')} waarden.`,
  'settle.not_party': (p) => `${s(p, 'me')} is geen partij bij de verrekening ${s(p, 'a')} – ${s(p, 'b')}: alleen die twee gemeenten stellen haar vast. Er is niets vastgelegd.`,
  'settle.too_many': (p, l) =>
    `De verrekening van deze periode heeft ${plural(l, n(p, 'count'), { one: 'dienst', other: 'diensten' })}; dat is te veel voor één ondertekende verrekening. Stel per kwartaal of per maand vast. Er is niets vastgelegd.`,
  'settle.unknown': (p) => `Verrekening ${s(p, 'id')} is niet bekend in deze kopie. Lees eerst het planbestand van uw partner in.`,
  'settle.fixed': (p, l) =>
    `De periode ${day(s(p, 'from'), l)} t/m ${day(s(p, 'to'), l)} is al vastgesteld (${s(p, 'number')}). Een vastgestelde verrekening verandert niet meer: een latere wijziging verschijnt als correctie in de volgende open periode. Er is niets vastgelegd.`,
  'settle.differs': (p, l) =>
    `Deze verrekening komt niet overeen met uw eigen berekening: het voorstel van ${s(p, 'proposer')} telt ${figures(p, 'theirs', l)}, uw planning nu ${figures(p, 'mine', l)}. Er is sindsdien iets veranderd of nog niet uitgewisseld. Er is niets ondertekend; maak een nieuw voorstel met de actuele cijfers.`,
  'settle.hash_changed': () => 'Dit is niet de tekst die u las: het controlegetal van de verrekening verschilt. Open de verrekening opnieuw. Er is niets ondertekend.',
  'postbus.not_absolute': (p) => `Geef de volledige plaats van de map op (bijvoorbeeld ${s(p, 'example')}), niet "${s(p, 'dir')}".`,
  'postbus.data_dir': () => 'Dit is de map met de eigen gegevens van Regie; kies een gedeelde map daarbuiten. Er is niets gewijzigd.',
  'postbus.not_waiting': (p) => `Het bestand ${s(p, 'name')} wacht niet (meer) in de postbus; er is niets gewijzigd.`,
  'postbus.not_partner': (p) => `${s(p, 'name')} is nog geen vertrouwde partner: lees eerst de identiteitskaart in en vergelijk de vingerafdruk. Er is niets gewijzigd.`,
  'postbus.none': () => 'Er is nog geen postbus gekozen. Kies eerst een gedeelde map (Uitwisselen › Postbus, of regie postbus set MAP).',
} satisfies Record<string, Template>;

export type RefusalKey = keyof typeof refusalNl;

export const refusalEn: Record<RefusalKey, Template> = {
  'setup.needed': () => 'This installation is not set up yet: first choose your gemeente and a name for this device.',
  'setup.already': () => 'This installation is already set up; the key of this device stays as it is.',
  'store.only_damaged': () => 'Only a damaged database can be set aside.',
  'backup.unknown': (p) => `There is no backup "${s(p, 'name')}" in ${s(p, 'dir')}.`,
  'backup.unusable': (p) => `This backup cannot be restored: ${s(p, 'problem')}. Nothing was changed.`,
  'gemeente.unknown': (p) => `Unknown gemeente code ${s(p, 'code')}.`,
  'demo.already_open': () => 'The sample region is already open. Remove it first if you want to start again.',
  'demo.after_setup': () => 'This installation is already set up for your gemeente; a sample region is only possible at the first start. Your data was not changed.',
  'demo.none_open': () => 'No sample region is open; nothing was removed.',
  'transfer.not_writable': () => 'Regie cannot write to this file.',
  'transfer.gone': () => 'This file is not available (any more). Choose the file again; nothing was changed.',
  'card.own': () => 'This is the card of this device itself.',
  'card.fingerprint': () => 'The confirmed fingerprint does not belong to this card; the partner was not recorded.',
  'card.other_gemeente': (p) => `This device is already known as a device of ${s(p, 'known')}; the card says ${s(p, 'card')}.`,
  'export.no_partners': () => 'There are no trusted partners yet. First import the identity card of a partner.',
  'export.not_partner': (p) => `${s(p, 'name')} (${s(p, 'code')}) is not a trusted partner yet. First import the identity card of ${s(p, 'name')} and compare the fingerprint.`,
  'export.write_failed': (p) => `The plan file could not be written to ${s(p, 'path')}: ${s(p, 'reason')}`,
  'period.end_before_start': () => 'The end date of the period is before the start date. Choose the period again.',
  'period.too_long': (p) => `Choose a period of at most ${s(p, 'max')} days.`,
  'period.end_not_after': () => 'The end of the period must be after its start.',
  'pair.same': () => 'A pair of gemeenten consists of two different gemeenten.',
  'event.unknown': (p) => `Event ${s(p, 'id')} does not exist in this copy.`,
  'event.unknown_pick': (p) => `Event ${s(p, 'id')} is not known in this copy. Choose an event from the list.`,
  'event.cancelled': () => 'This event has been called off.',
  'officer.unknown': (p) => `Officer ${s(p, 'id')} is not known in this copy.`,
  'officer.unknown_pick': (p) => `Officer ${s(p, 'id')} is not known in this copy. Choose an officer from the list.`,
  'record.not_own': (p, l) => `${thing(p, l)} belongs to ${s(p, 'owner')}; only that gemeente can change it.`,
  'copy.not_own': (p, l) => `${thing(p, l)} belongs to ${s(p, 'owner')}; only that gemeente can copy it. Make an event of your own if needed.`,
  'copy.start_invalid': () => 'Enter a valid date and time for the start of the copy.',
  'absence.end_before_start': () => 'The end of the absence must be after its start.',
  'shift.unknown': (p) => `Shift ${s(p, 'id')} is not known in this copy.`,
  'shift.times_invalid': () => 'Enter a valid start and end time.',
  'shift.end_before_start': () => 'The end of the shift must be after its start.',
  'shift.move': () => 'A shift cannot be moved to another event; copy it.',
  'shift.cancelled': () => 'This shift has been cancelled.',
  'assign.not_host': (p) => `This shift belongs to ${s(p, 'host')}; only that gemeente puts its own officers on it.`,
  'assign.too_many': () => 'One shift holds at most 500 of your own officers.',
  'agreement.unknown': (p) => `Agreement ${s(p, 'id')} is not known in this copy.`,
  'agreement.own_party': () => 'You can only propose an agreement to which your own gemeente is a party.',
  'agreement.end_before_start': () => 'The agreement must end after it starts.',
  'agreement.strangers': (p) => `Rates for gemeenten that are not a party: ${s(p, 'names')}.`,
  'agreement.not_proposer': (p) => `This agreement was proposed by ${s(p, 'proposer')}; only that gemeente can change its text.`,
  'agreement.not_party': (p) => `${s(p, 'gemeente')} is not a party to this agreement.`,
  'agreement.text_changed': () => 'The text of the agreement changed since you opened it. Read the new version and sign again.',
  'request.unknown': (p) => `Request ${s(p, 'id')} is not known in this copy.`,
  'request.not_host_shift': (p) => `This shift belongs to ${s(p, 'host')}; only that gemeente can ask for officers for it.`,
  'request.needs_agreement': (p) => `A request to ${s(p, 'provider')} must refer to an agreement in force on the date of the shift.`,
  'request.not_host': (p) => `This request belongs to ${s(p, 'host')}; only that gemeente can change it.`,
  'request.not_provider': (p) => `This request is addressed to ${s(p, 'provider')}; only that gemeente can answer it.`,
  'request.not_provider_commit': (p) => `This request is addressed to ${s(p, 'provider')}; only that gemeente commits officers to it.`,
  'request.no_shift': () => 'The shift of this request is not known in this copy.',
  'request.within_mandate': () => 'This request is within the mandate; no approval is needed.',
  'request.withdrawn': () => 'This request has been withdrawn.',
  'request.shift_cancelled': () => 'The shift of this request has been cancelled.',
  'commit.duplicate': () => 'The same officer is chosen twice.',
  'commit.too_many': (p, l) =>
    `${plural(l, n(p, 'count'), { one: 'officer was', other: 'officers were' })} asked for; ${n(p, 'committed')} ${n(p, 'committed') === 1 ? 'is' : 'are'} already committed.`,
  'commit.not_own_officer': (p) => `Officer ${s(p, 'id')} is not an officer of ${s(p, 'gemeente')}.`,
  'commit.inactive': (p) => `${s(p, 'name')} is not active.`,
  'commitment.unknown': (p) => `Commitment ${s(p, 'id')} is not known in this copy.`,
  'commitment.not_own': (p) => `This commitment belongs to ${s(p, 'provider')}; only that gemeente can withdraw it.`,
  'rules.request': (p, l) => `A request to ${s(p, 'provider')} is not possible: ${rules(p, l)}`,
  'rules.commit': (p, l) => `Committing ${s(p, 'name')} is not possible: ${rules(p, l)}`,
  'rules.reason': (p, l) => `${s(p, 'name')} needs a reason: ${rules(p, l)}`,
  'conflict.gone': () => 'This conflict does not exist (any more); it may already have been resolved.',
  'conflict.not_yours': (p) => `Only ${s(p, 'gemeente')} can resolve this conflict.`,
  'conflict.pick': (p) => `Choose one of the ${s(p, 'count')} values.`,
  'settle.not_party': (p) => `${s(p, 'me')} is not a party to the settlement ${s(p, 'a')} – ${s(p, 'b')}: only those two gemeenten settle it. Nothing was recorded.`,
  'settle.too_many': (p, l) =>
    `The settlement of this period has ${plural(l, n(p, 'count'), { one: 'shift', other: 'shifts' })}; that is too many for one signed settlement. Settle per quarter or per month. Nothing was recorded.`,
  'settle.unknown': (p) => `Settlement ${s(p, 'id')} is not known in this copy. First import your partner's plan file.`,
  'settle.fixed': (p, l) =>
    `The period ${day(s(p, 'from'), l)} to ${day(s(p, 'to'), l)} has already been settled (${s(p, 'number')}). A settled statement does not change any more: a later change appears as a correction in the next open period. Nothing was recorded.`,
  'settle.differs': (p, l) =>
    `This settlement does not match your own calculation: the proposal of ${s(p, 'proposer')} counts ${figures(p, 'theirs', l)}, your planning now ${figures(p, 'mine', l)}. Something changed since, or has not been exchanged yet. Nothing was signed; make a new proposal with the current figures.`,
  'settle.hash_changed': () => 'This is not the text you read: the settlement check number differs. Open the settlement again. Nothing was signed.',
  'postbus.not_absolute': (p) => `Give the full location of the folder (for example ${s(p, 'example')}), not "${s(p, 'dir')}".`,
  'postbus.data_dir': () => "This is the folder with Regie's own data; choose a shared folder outside it. Nothing was changed.",
  'postbus.not_waiting': (p) => `The file ${s(p, 'name')} is not (or no longer) waiting in the postbus; nothing was changed.`,
  'postbus.not_partner': (p) => `${s(p, 'name')} is not a trusted partner yet: first import the identity card and compare the fingerprint. Nothing was changed.`,
  'postbus.none': () => 'No postbus has been chosen yet. First choose a shared folder (Exchange › Postbus, or regie postbus set FOLDER).',
};
