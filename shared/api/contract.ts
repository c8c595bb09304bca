// The api contract: every method Regie's main process offers, declared once. IPC, the loopback host and
// the CLI all validate arguments with these schemas and dispatch into one handler table (main/api).
import { z } from 'zod';
import { GEMEENTE_CODE, type Gemeente } from '../domain/gemeenten';
import { eventFieldsSchema, type EventRecord } from '../domain/event';
import type { ApiErrorShape } from './errors';
import type { CardInfo, Conflict, ExportResult, ImportPreview, PartnerDevice, VerifyResult } from './exchange';

/** Phantom marker for a method's result type; carries no runtime value. */
function returns<T>(): T {
  return undefined as T;
}

function method<I extends z.ZodType, O>(input: I, output: O, summary: string) {
  return { input, output, summary };
}

const none = z.object({}).strict();
const recordId = z.string().min(1).max(64);
const filePath = z.string().min(1).max(4096);

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
  | { state: 'ready'; identity: Identity }
  | { state: 'unavailable'; reason: 'corrupt' | 'too_new' | 'unreadable'; message: string; file: string; canMoveAside: boolean };

export interface AppInfo {
  version: string;
  dataDir: string;
  transport: 'ipc' | 'host' | 'cli';
}

export const deviceLabelSchema = z
  .string({ error: 'device.label.required' })
  .trim()
  .min(1, { error: 'device.label.required' })
  .max(60, { error: 'device.label.too_long' });

export const contract = {
  'app.info': method(none, returns<AppInfo>(), 'Versie, gegevensmap en transport.'),
  'setup.status': method(none, returns<SetupStatus>(), 'Of deze installatie is ingericht, en zo niet waarom.'),
  'setup.init': method(
    z.object({ gemeente: z.string().regex(GEMEENTE_CODE, { error: 'gemeente.unknown' }), deviceLabel: deviceLabelSchema }).strict(),
    returns<Identity>(),
    'Richt deze installatie in voor een gemeente: maakt het sleutelpaar van dit apparaat.',
  ),
  'store.moveAside': method(none, returns<{ movedTo: string }>(), 'Zet een onleesbare database opzij (het bestand blijft bewaard) en begin opnieuw.'),
  'gemeenten.list': method(z.object({ region: z.string().optional() }).strict(), returns<Gemeente[]>(), 'Nederlandse gemeenten met CBS-code.'),
  'events.list': method(none, returns<EventRecord[]>(), 'Alle bekende evenementen in de regio.'),
  'events.get': method(z.object({ id: recordId }).strict(), returns<EventRecord>(), 'Eén evenement.'),
  'events.create': method(eventFieldsSchema, returns<EventRecord>(), 'Maak een evenement van de eigen gemeente.'),
  'events.update': method(
    z.object({ id: recordId, fields: eventFieldsSchema }).strict(),
    returns<EventRecord>(),
    'Wijzig een evenement van de eigen gemeente.',
  ),
  'identity.card': method(none, returns<{ fileName: string; content: string }>(), 'De identiteitskaart van dit apparaat, om aan partners te geven.'),
  'partners.inspectCard': method(z.object({ content: z.string().max(16384) }).strict(), returns<CardInfo>(), 'Toont gemeente, apparaat en vingerafdruk van een identiteitskaart.'),
  'partners.trust': method(
    z.object({ content: z.string().max(16384), fingerprint: z.string().max(64) }).strict(),
    returns<CardInfo & { released: number }>(),
    'Vertrouw het apparaat van een partner, na telefonisch vergelijken van de vingerafdruk.',
  ),
  'partners.list': method(none, returns<PartnerDevice[]>(), 'Bekende apparaten: eigen en van partners, met vertrouwen en uitwisseling.'),
  'exchange.export': method(
    z.object({ to: z.union([z.array(z.string().regex(GEMEENTE_CODE)).min(1).max(50), z.literal('all')]), full: z.boolean().default(false), path: filePath }).strict(),
    returns<ExportResult>(),
    'Schrijf een ondertekend planbestand voor partners (alleen wat zij nog niet hebben, tenzij full).',
  ),
  'exchange.verify': method(z.object({ path: filePath }).strict(), returns<VerifyResult>(), 'Controleer een planbestand volledig zonder iets te wijzigen.'),
  'exchange.preview': method(z.object({ path: filePath }).strict(), returns<ImportPreview>(), 'Wat inlezen van een planbestand zou doen; wijzigt niets.'),
  'exchange.import': method(z.object({ path: filePath }).strict(), returns<ImportPreview>(), 'Lees een planbestand in (in één transactie), na de voorvertoning.'),
  'state.hash': method(none, returns<{ hash: string }>(), 'Controlegetal van de gedeelde planning; gelijk in elke kopie met dezelfde wijzigingen.'),
  'conflicts.list': method(none, returns<Conflict[]>(), 'Openstaande conflicten, met wie ze kan oplossen.'),
  'demo.generate': method(
    z.object({ seed: z.number().int().min(0).max(2 ** 31), scale: z.enum(['small', 'region']).default('small') }).strict(),
    returns<{ officers: number; events: number; shifts: number; entries: number }>(),
    'Schrijf realistische voorbeeldgegevens van de eigen gemeente.',
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

/** The typed client every transport offers the renderer (and tests). */
export type RegieApi = {
  call<K extends MethodName>(name: K, args: MethodInput<K>): Promise<MethodResult<K>>;
};

/** What crosses IPC and HTTP: a result or an error, never a thrown stack. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** The preload's window.regie: one function per method. */
export type RegieBridge = { [K in MethodName]: (args: MethodInput<K>) => Promise<Envelope<MethodResult<K>>> };
