// Types of the file-transfer part of the api: what each partner still lacks (the outbox), and plan files
// known by an id instead of a path (uploads and downloads in browser mode, dialog choices on the desktop).

/** Kinds of change, from an op's type ("event.create" is of kind "event"). */
export type ChangeKind = string;

export interface OutboxPartner {
  gemeente: string;
  gemeenteName: string;
  /** Entries this copy holds that the partner is not known to have: the news for it. */
  entries: number;
  lastReceived: string | null;
  lastSent: string | null;
  /** Per feed: how far the partner is known to be (from its last file's header), against what this copy has. */
  knows: { gemeente: string; gemeenteName: string; device: string; has: number; of: number }[];
}

export interface OutboxSelection {
  to: string[];
  full: boolean;
  entries: number;
  /** Per gemeente whose changes would go, the number of changes per kind. */
  perGemeente: { gemeente: string; gemeenteName: string; entries: number; kinds: Record<ChangeKind, number> }[];
  /** regie-<Afzender>-aan-<Ontvanger>-<YYYY-MM-DD>.regie */
  suggestedFileName: string;
}

export interface Outbox {
  partners: OutboxPartner[];
  selection: OutboxSelection;
}

export interface ExportFileResult {
  /** The id to download (browser mode) or the chosen path's id (desktop). */
  fileId: string;
  fileName: string;
  /** True when the file waits in the transfer folder for the browser to download it. */
  download: boolean;
  to: string[];
  entries: number;
  bytes: number;
}
