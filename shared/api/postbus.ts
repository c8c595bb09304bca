// The api methods of the postbus (a shared folder a sync engine carries between gemeenten), spread into the
// contract: its state, choosing the folder, automatic import per partner, one round now, and opening a file
// that waits for the user in the usual preview.
import { z } from 'zod';
import { method, returns } from './method';
import { GEMEENTE_CODE } from '../domain/gemeenten';
import { lazySchema } from '../domain/lazy-schema';

const none = lazySchema(() => z.object({}).strict());
const code = lazySchema(() => z.string().regex(GEMEENTE_CODE, { error: 'gemeente.unknown' }));

export interface PostbusFileSummary {
  sender: string;
  created: string;
  entries: number;
  perGemeente: { gemeente: string; created: number; changed: number }[];
  conflicts: number;
  violations: number;
  held: number;
  rejected: number;
}

export interface PostbusWaiting {
  name: string;
  gemeente: string | null;
  gemeenteName: string | null;
  reason: string;
  since: string;
  summary: PostbusFileSummary | null;
}

export interface PostbusApplied {
  name: string;
  gemeente: string | null;
  gemeenteName: string | null;
  at: string;
  byUser: boolean;
  summary: PostbusFileSummary | null;
}

export interface PostbusPartner {
  gemeente: string;
  gemeenteName: string;
  trusted: boolean;
  /** Files of this partner were seen in the postbus, from ... until ... (null: none yet). */
  firstSeen: string | null;
  lastSeen: string | null;
  auto: boolean;
}

export interface PostbusLogLine {
  at: string;
  kind: string;
  name: string | null;
  message: string;
}

export interface PostbusStatus {
  configured: boolean;
  dir: string | null;
  mode: 'partner' | 'all';
  encrypt: boolean;
  since: string | null;
  lastWritten: string | null;
  lastRead: string | null;
  /** "Map niet bereikbaar: ..." while the folder cannot be used, with since when. */
  error: { message: string; since: string | null } | null;
  /** A round in progress, with the file being read. */
  busy: { name: string; done: number; total: number } | null;
  /** This process keeps the postbus running (watching the folder, writing after changes). */
  running: boolean;
  waiting: PostbusWaiting[];
  applied: PostbusApplied[];
  partners: PostbusPartner[];
  ownFiles: { name: string; to: string[]; created: string; entries: number; bytes: number }[];
  log: PostbusLogLine[];
}

export interface PostbusRoundResult {
  written: { name: string; to: string[]; entries: number; bytes: number }[];
  removed: string[];
  read: { name: string; state: string; reason: string | null; gemeente: string | null; entries: number }[];
  changing: string[];
  error: string | null;
}

/** The import under way: a large plan file (from the postbus or chosen by the user) applied in the background. */
export interface ImportProgress {
  /** The file's name as the user knows it. */
  name: string;
  /** Entries stored so far. */
  done: number;
  /** Entries the file brings, as its preview counted them; null when unknown. */
  total: number | null;
}

export const postbusMethods = {
  'import.progress': method(() => none, returns<{ active: ImportProgress | null }>(), 'Het inlezen dat nu loopt (een groot planbestand, op de achtergrond): hoeveel wijzigingen klaar zijn.'),
  'postbus.status': method(() => none, returns<PostbusStatus>(), 'De postbus: map, laatst geschreven en gelezen, wachtende bestanden, partners die er schrijven, het logboek.'),
  'postbus.set': method(
    () =>
      z
        .object({
          dir: z.string().min(1).max(4096).nullable(),
          mode: z.enum(['partner', 'all']).default('partner'),
          encrypt: z.boolean().default(false),
        })
        .strict(),
    returns<PostbusStatus>(),
    'Kies de gedeelde map als postbus (null: geen postbus meer); één bestand per partner of één voor allen, versleuteld of niet.',
  ),
  'postbus.auto': method(() => z.object({ gemeente: code, on: z.boolean() }).strict(), returns<PostbusStatus>(), 'Automatisch inlezen van een partner als er niets botst: aan of uit.'),
  'postbus.run': method(() => none, returns<PostbusRoundResult>(), 'Eén ronde nu: schrijven wat partners missen, lezen wat binnenkwam, opruimen.'),
  'postbus.open': method(
    () => z.object({ name: z.string().min(1).max(255) }).strict(),
    returns<{ fileId: string; fileName: string }>(),
    'Bied een wachtend postbusbestand aan voor de gewone voorvertoning (exchange.previewFile / importFile).',
  ),
} as const;

export type PostbusMethodName = keyof typeof postbusMethods;
