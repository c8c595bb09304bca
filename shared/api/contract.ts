// The api contract: every method Regie's main process offers, declared once. IPC, the loopback host and
// the CLI all validate arguments with these schemas and dispatch into one handler table (main/api).
import { z } from 'zod';
import { GEMEENTE_CODE, type Gemeente } from '../domain/gemeenten';
import { eventFieldsSchema, type EventRecord } from '../domain/event';
import type { ApiErrorShape } from './errors';
import { officerFieldsSchema, type OfficerDetail, type OfficerRecord } from '../domain/officer';
import { shiftFieldsSchema, type ShiftRecord } from '../domain/shift';
import { agreementTermsSchema, isoDate, type AgreementRecord } from '../domain/agreement';
import type { AbsenceRecord, RequestRecord } from '../domain/request';
import type { Violation } from '../rules/types';
import type { Settlement } from '../settlement/types';
import type { AuditLine } from './audit';
import type { BackupInfo } from './backup';
import type { DemoSummary } from './demo';
import type { CardInfo, Conflict, ExportResult, ImportNotice, ImportPreview, PartnerDevice, VerifyResult } from './exchange';
import type { ExportFileResult, Outbox } from './transfer';
import type { CalendarEvent, EventPlan } from './planning';
import type { AgreementUsage, Candidate, CapacityView, RequestOverview } from './coordination';
import { reportMethods } from './reports';
import { postbusMethods } from './postbus';
import { settleMethods } from './settle';
import { identityMethods } from './identity';

import { method, returns, type PathUse } from './method';
import { lazySchema } from '../domain/lazy-schema';

export type { PathUse };

const none = lazySchema(() => z.object({}).strict());
const recordId = lazySchema(() => z.string().min(1).max(64));
const filePath = lazySchema(() => z.string().min(1).max(4096));
/** A plan file the user handed over (an upload's id, or on the desktop a path chosen in a dialog); main resolves it. */
const fileId = lazySchema(() => z.string().min(1).max(4096));
const localTime = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'field.datetime.invalid' }));

export interface Identity {
  gemeente: string;
  gemeenteName: string;
  deviceLabel: string;
  publicKey: string;
  /** Six groups of five digits, for reading aloud by phone. */
  fingerprint: string;
  createdAt: string;
}

export type SetupStatus =
  | { state: 'new' }
  | { state: 'ready'; identity: Identity; /** The voorbeeldregio is open (see setup.startDemo). */ demo: boolean }
  | { state: 'unavailable'; reason: 'corrupt' | 'too_new' | 'unreadable'; message: string; file: string; canMoveAside: boolean; demo: boolean };

export interface AppInfo {
  version: string;
  dataDir: string;
  transport: 'ipc' | 'host' | 'cli';
}

export const deviceLabelSchema = lazySchema(() => z.string({ error: 'device.label.required' }).trim().min(1, { error: 'device.label.required' }).max(60, { error: 'device.label.too_long' }));

export const contract = {
  'app.info': method(() => none, returns<AppInfo>(), 'Versie, gegevensmap en transport.'),
  'setup.status': method(() => none, returns<SetupStatus>(), 'Of deze installatie is ingericht, en zo niet waarom.'),
  'setup.init': method(
    () => z.object({ gemeente: z.string().regex(GEMEENTE_CODE, { error: 'gemeente.unknown' }), deviceLabel: deviceLabelSchema }).strict(),
    returns<Identity>(),
    'Richt deze installatie in voor een gemeente: maakt het sleutelpaar van dit apparaat.',
  ),
  'setup.startDemo': method(
    () => z.object({ gemeente: z.string().regex(GEMEENTE_CODE, { error: 'gemeente.unknown' }), deviceLabel: deviceLabelSchema }).strict(),
    returns<{ identity: Identity; summary: DemoSummary }>(),
    'Begin met een voorbeeldregio: een aparte database met een eigen (demo)sleutel; de echte database blijft onaangeroerd.',
  ),
  'setup.endDemo': method(() => none, returns<{ ok: true }>(), 'Verwijder de voorbeeldregio in één stap en ga terug naar de echte database (of de eerste start).'),
  'store.moveAside': method(() => none, returns<{ movedTo: string }>(), 'Zet een onleesbare database opzij (het bestand blijft bewaard) en begin opnieuw.'),
  'gemeenten.list': method(() => z.object({ region: z.string().optional() }).strict(), returns<Gemeente[]>(), 'Nederlandse gemeenten met CBS-code.'),
  'events.list': method(() => none, returns<EventRecord[]>(), 'Alle bekende evenementen in de regio.'),
  'events.get': method(() => z.object({ id: recordId }).strict(), returns<EventRecord>(), 'Eén evenement.'),
  'events.create': method(() => eventFieldsSchema, returns<EventRecord>(), 'Maak een evenement van de eigen gemeente.'),
  'events.update': method(() => z.object({ id: recordId, fields: eventFieldsSchema }).strict(), returns<EventRecord>(), 'Wijzig een evenement van de eigen gemeente.'),
  'events.copy': method(
    () => z.object({ id: recordId, start: localTime, name: z.string().trim().min(1, { error: 'event.name.required' }).max(120, { error: 'event.name.too_long' }).optional() }).strict(),
    returns<EventRecord>(),
    'Kopieer een eigen evenement naar een nieuw begin (volgende editie), met alle diensten even ver verschoven.',
  ),
  'events.plan': method(() => z.object({ id: recordId }).strict(), returns<EventPlan>(), 'Eén evenement met zijn diensten, toegezegde handhavers en verzoeken per dienst.'),
  'events.violations': method(() => z.object({ id: recordId }).strict(), returns<Violation[]>(), 'Overtredingen van de regels die één evenement raken (zijn diensten, verzoeken en toezeggingen).'),
  'calendar.range': method(() => z.object({ from: isoDate, to: isoDate }).strict(), returns<CalendarEvent[]>(), 'Evenementen in een periode, met de bezetting van hun diensten.'),
  'shifts.copy': method(() => z.object({ id: recordId, start: localTime }).strict(), returns<ShiftRecord>(), 'Kopieer een dienst van een eigen evenement naar een nieuw begin (even lang).'),
  'identity.card': method(() => none, returns<{ fileName: string; content: string }>(), 'De identiteitskaart van dit apparaat, om aan partners te geven.'),
  'partners.inspectCard': method(() => z.object({ content: z.string().max(16384) }).strict(), returns<CardInfo>(), 'Toont gemeente, apparaat en vingerafdruk van een identiteitskaart.'),
  'partners.trust': method(
    () => z.object({ content: z.string().max(16384), fingerprint: z.string().max(64) }).strict(),
    returns<CardInfo & { released: number }>(),
    'Vertrouw het apparaat van een partner, na telefonisch vergelijken van de vingerafdruk.',
  ),
  'partners.list': method(() => none, returns<PartnerDevice[]>(), 'Bekende apparaten: eigen en van partners, met vertrouwen en uitwisseling.'),
  'exchange.export': method(
    () =>
      z
        .object({ to: z.union([z.array(z.string().regex(GEMEENTE_CODE)).min(1).max(50), z.literal('all')]), full: z.boolean().default(false), encrypt: z.boolean().default(false), path: filePath })
        .strict(),
    returns<ExportResult>(),
    'Schrijf een ondertekend planbestand voor partners (alleen wat zij nog niet hebben, tenzij full).',
    { takesPath: 'write' },
  ),
  'exchange.verify': method(() => z.object({ path: filePath }).strict(), returns<VerifyResult>(), 'Controleer een planbestand volledig zonder iets te wijzigen.', { takesPath: 'read' }),
  'exchange.preview': method(() => z.object({ path: filePath }).strict(), returns<ImportPreview>(), 'Wat inlezen van een planbestand zou doen; wijzigt niets.', { takesPath: 'read' }),
  'exchange.import': method(() => z.object({ path: filePath }).strict(), returns<ImportPreview>(), 'Lees een planbestand in (in één transactie), na de voorvertoning.', { takesPath: 'read' }),
  'exchange.outbox': method(
    () => z.object({ to: z.array(z.string().regex(GEMEENTE_CODE)).max(50).optional(), full: z.boolean().default(false) }).strict(),
    returns<Outbox>(),
    'Per partner wat zij nog niet hebben, en wat een bestand voor de gekozen ontvangers zou bevatten.',
  ),
  'exchange.exportFile': method(
    () =>
      z
        .object({
          to: z.union([z.array(z.string().regex(GEMEENTE_CODE)).min(1).max(50), z.literal('all')]),
          full: z.boolean().default(false),
          encrypt: z.boolean().default(false),
          fileName: z.string().min(1).max(200).optional(),
          target: fileId.optional(),
        })
        .strict(),
    returns<ExportFileResult>(),
    'Schrijf een planbestand om te downloaden, of naar de plek die in het opslaan-venster is gekozen.',
  ),
  'exchange.verifyFile': method(() => z.object({ fileId }).strict(), returns<VerifyResult>(), 'Controleer een aangeboden planbestand volledig zonder iets te wijzigen.'),
  'exchange.previewFile': method(() => z.object({ fileId }).strict(), returns<ImportPreview>(), 'Wat inlezen van een aangeboden planbestand zou doen; wijzigt niets.'),
  'exchange.importFile': method(() => z.object({ fileId }).strict(), returns<ImportPreview>(), 'Lees een aangeboden planbestand in, na de voorvertoning.'),
  'exchange.discardFile': method(() => z.object({ fileId }).strict(), returns<{ ok: true }>(), 'Ruim een aangeboden planbestand op zonder het in te lezen.'),
  'state.hash': method(() => none, returns<{ hash: string }>(), 'Controlegetal van de gedeelde planning; gelijk in elke kopie met dezelfde wijzigingen.'),
  'conflicts.list': method(() => none, returns<Conflict[]>(), 'Openstaande conflicten, met wie ze kan oplossen.'),
  'notices.list': method(() => none, returns<ImportNotice[]>(), 'Wat ingelezen bestanden voor u veranderden (eigen handhavers, evenementen, verzoeken, afspraken), nieuwste eerst.'),
  'officers.list': method(() => z.object({ employer: z.string().regex(GEMEENTE_CODE).optional() }).strict(), returns<OfficerRecord[]>(), 'Handhavers (van één gemeente of van allemaal).'),
  'officers.get': method(() => z.object({ id: recordId }).strict(), returns<OfficerDetail | OfficerRecord>(), 'Eén handhaver; eigen handhavers met hun privégegevens.'),
  'officers.create': method(() => officerFieldsSchema, returns<OfficerDetail | OfficerRecord>(), 'Voeg een eigen handhaver toe.'),
  'officers.update': method(() => z.object({ id: recordId, fields: officerFieldsSchema }).strict(), returns<OfficerDetail | OfficerRecord>(), 'Wijzig een eigen handhaver.'),
  'absences.list': method(() => z.object({ officerId: recordId.optional() }).strict(), returns<(AbsenceRecord & { reason?: string })[]>(), 'Afwezigheid van handhavers.'),
  'absences.create': method(
    () => z.object({ officerId: recordId, start: localTime, end: localTime, reason: z.string().max(500).default('') }).strict(),
    returns<AbsenceRecord>(),
    'Leg afwezigheid van een eigen handhaver vast (de reden blijft op dit apparaat).',
  ),
  'absences.cancel': method(() => z.object({ id: recordId }).strict(), returns<{ ok: true }>(), 'Trek een afwezigheid in.'),
  'agreements.list': method(() => none, returns<AgreementRecord[]>(), 'Afspraken met handtekeningen en status.'),
  'agreements.get': method(() => z.object({ id: recordId }).strict(), returns<AgreementRecord>(), 'Eén afspraak.'),
  'agreements.propose': method(() => agreementTermsSchema, returns<AgreementRecord>(), 'Stel een afspraak voor (en onderteken haar als voorsteller).'),
  'agreements.revise': method(
    () => z.object({ id: recordId, terms: agreementTermsSchema }).strict(),
    returns<AgreementRecord>(),
    'Wijzig de tekst van een eigen voorstel; alle partijen tekenen opnieuw.',
  ),
  'agreements.sign': method(() => z.object({ id: recordId, contentHash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(), returns<AgreementRecord>(), 'Onderteken de gelezen versie van een afspraak.'),
  'agreements.terminate': method(() => z.object({ id: recordId, from: isoDate }).strict(), returns<AgreementRecord>(), 'Zeg een afspraak op vanaf een datum.'),
  'shifts.list': method(() => z.object({ eventId: recordId.optional() }).strict(), returns<ShiftRecord[]>(), 'Diensten (van één evenement of alle).'),
  'shifts.create': method(() => shiftFieldsSchema, returns<ShiftRecord>(), 'Voeg een dienst toe aan een eigen evenement.'),
  'shifts.update': method(() => z.object({ id: recordId, fields: shiftFieldsSchema }).strict(), returns<ShiftRecord>(), 'Wijzig een dienst van een eigen evenement.'),
  'shifts.cancel': method(() => z.object({ id: recordId }).strict(), returns<ShiftRecord>(), 'Annuleer een dienst; toezeggingen worden conflicten bij de leveranciers.'),
  'requests.list': method(() => z.object({ direction: z.enum(['in', 'out', 'all']).default('all') }).strict(), returns<RequestRecord[]>(), 'Inzetverzoeken aan ons (in) en van ons (out).'),
  'requests.create': method(
    () =>
      z
        .object({
          shiftId: recordId,
          provider: z.string().regex(GEMEENTE_CODE),
          agreementId: recordId.nullable().default(null),
          count: z.number().int().min(1).max(500),
          note: z.string().max(500).default(''),
        })
        .strict(),
    returns<RequestRecord>(),
    'Vraag een partner om handhavers voor een dienst, onder een afspraak.',
  ),
  'requests.withdraw': method(() => z.object({ id: recordId }).strict(), returns<RequestRecord>(), 'Trek een eigen verzoek in.'),
  'requests.approve': method(
    () => z.object({ id: recordId, approvedBy: z.string().trim().min(1).max(120) }).strict(),
    returns<RequestRecord>(),
    'Leg de goedkeuring vast van een verzoek buiten het mandaat.',
  ),
  'requests.decline': method(() => z.object({ id: recordId, reason: z.string().trim().min(1).max(500) }).strict(), returns<RequestRecord>(), 'Wijs een verzoek af, met een reden.'),
  'requests.commit': method(
    () => z.object({ id: recordId, officerIds: z.array(recordId).min(1).max(500), reasons: z.record(recordId, z.record(z.string().max(40), z.string().max(500))).default({}) }).strict(),
    returns<{ request: RequestRecord; committed: string[]; warnings: Violation[] }>(),
    'Zeg eigen handhavers toe op een verzoek (waarschuwingen met reden).',
  ),
  'commitments.withdraw': method(() => z.object({ id: recordId }).strict(), returns<{ ok: true }>(), 'Trek een eigen toezegging in.'),
  'requests.overview': method(
    () => z.object({ direction: z.enum(['in', 'out', 'all']).default('all') }).strict(),
    returns<RequestOverview[]>(),
    'Verzoeken met dienst, evenement, afspraak en toegezegde handhavers.',
  ),
  'shifts.candidates': method(() => z.object({ shiftId: recordId }).strict(), returns<Candidate[]>(), 'Eigen handhavers voor een eigen dienst, met wat de regels zeggen: vrij en bevoegd eerst.'),
  'shifts.assign': method(
    () => z.object({ shiftId: recordId, officerIds: z.array(recordId).min(1).max(500), reasons: z.record(recordId, z.record(z.string().max(40), z.string().max(500))).default({}) }).strict(),
    returns<{ committed: string[]; warnings: Violation[] }>(),
    'Zet eigen handhavers direct op een eigen dienst, zonder verzoek (waarschuwingen met reden).',
  ),
  'requests.candidates': method(() => z.object({ id: recordId }).strict(), returns<Candidate[]>(), 'Eigen handhavers voor een verzoek, met wat de regels zeggen: vrij en bevoegd eerst.'),
  'capacity.get': method(
    () => z.object({ from: isoDate, to: isoDate }).strict(),
    returns<CapacityView>(),
    'Eigen handhavers per dag (beschikbaar, toegezegd, afwezig) en handhavers van partners op onze evenementen.',
  ),
  'agreements.usage': method(() => z.object({ id: recordId.optional() }).strict(), returns<AgreementUsage[]>(), 'Uren per leverancier per maand onder een afspraak (of alle), tegen het maximum.'),
  'conflicts.resolve': method(
    () => z.object({ key: z.string().min(1).max(2000), choice: z.number().int().min(0).default(0) }).strict(),
    returns<{ resolved: string }>(),
    'Los een conflict op (een ondertekende wijziging).',
  ),
  'violations.list': method(
    () => z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict(),
    returns<Violation[]>(),
    'Overtredingen van de regels in de samengevoegde planning (standaard: vanaf vandaag; de weken ervoor tellen mee voor rust en uren).',
  ),
  'settlement.get': method(() => z.object({ from: isoDate, to: isoDate }).strict(), returns<Settlement>(), 'Verrekening per gemeentepaar over een periode, met regels per dienst.'),
  'audit.get': method(() => z.object({ id: recordId }).strict(), returns<AuditLine[]>(), 'Wie wat wanneer aan een record veranderde.'),
  ...reportMethods,
  ...postbusMethods,
  ...settleMethods,
  ...identityMethods,
  'backups.list': method(() => none, returns<BackupInfo[]>(), 'Back-ups van deze installatie (automatisch per dag, en handmatig).'),
  'backups.create': method(() => none, returns<BackupInfo>(), 'Maak nu een back-up.'),
  'backups.restore': method(
    () => z.object({ name: z.string().regex(/^regie-[0-9T-]+-(auto|handmatig)\.db$/) }).strict(),
    returns<{ restoredFrom: string; keptAs: string; fingerprint: string; message: string }>(),
    'Zet een back-up terug; dit apparaat krijgt een nieuwe sleutel zodat er geen vork ontstaat.',
  ),
  'demo.generate': method(
    () =>
      z
        .object({
          seed: z
            .number()
            .int()
            .min(0)
            .max(2 ** 31),
          scale: z.enum(['small', 'region', 'stress', 'week']).default('small'),
        })
        .strict(),
    returns<Record<string, number>>(),
    'Voorbeeldgegevens: small = de eigen gemeente (en afspraken, verzoeken, toezeggingen met partners); region = heel Veiligheidsregio Kennemerland, 5 jaar; stress = 10x region; week = een week extra bij een region met hetzelfde zaad.',
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
export type MethodArgs<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodResult<K extends MethodName> = Contract[K]['output'];

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Whether a method reads or writes a file named by its `path` argument (see `takesPath`); undefined if none. */
export function pathUseOf(name: string): PathUse | undefined {
  if (!isMethodName(name)) return undefined;
  const m = contract[name];
  return 'takesPath' in m ? m.takesPath : undefined;
}

/** The typed client every transport offers the renderer (and tests). */
export type RegieApi = {
  call<K extends MethodName>(name: K, args: MethodInput<K>): Promise<MethodResult<K>>;
};

/** What crosses IPC and HTTP: a result or an error, never a thrown stack. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** The preload's window.regie: one function per method. */
export type RegieBridge = { [K in MethodName]: (args: MethodInput<K>) => Promise<Envelope<MethodResult<K>>> };
