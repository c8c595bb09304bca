// The postbus's own rows in the database (migration 009): settings, the files this device wrote, what became
// of each file seen in the folder, the partners seen there, and the log. Small functions (db, args) => result.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';

export type PostbusMode = 'partner' | 'all';

export interface Settings {
  dir: string;
  mode: PostbusMode;
  encrypt: boolean;
  since: string;
  lastWritten: string | null;
  lastRead: string | null;
  error: string | null;
  errorSince: string | null;
}

export function readSettings(db: Db): Settings | undefined {
  const r = stmt(db, 'SELECT dir, mode, encrypt, since, last_written AS lastWritten, last_read AS lastRead, error, error_since AS errorSince FROM postbus_settings WHERE id = 1').get() as
    (Omit<Settings, 'encrypt'> & { encrypt: number }) | undefined;
  return r && { ...r, encrypt: r.encrypt === 1 };
}

export function saveSettings(db: Db, s: { dir: string; mode: PostbusMode; encrypt: boolean }, now: Date): void {
  stmt(
    db,
    `INSERT INTO postbus_settings (id, dir, mode, encrypt, since) VALUES (1, @dir, @mode, @encrypt, @since)
     ON CONFLICT (id) DO UPDATE SET mode = excluded.mode, encrypt = excluded.encrypt,
       since = CASE WHEN dir = excluded.dir THEN since ELSE excluded.since END,
       error = CASE WHEN dir = excluded.dir THEN error ELSE NULL END,
       dir = excluded.dir`,
  ).run({ dir: s.dir, mode: s.mode, encrypt: s.encrypt ? 1 : 0, since: now.toISOString() });
}

export function clearSettings(db: Db): void {
  stmt(db, 'DELETE FROM postbus_settings').run();
}

export function markWritten(db: Db, now: Date): void {
  stmt(db, 'UPDATE postbus_settings SET last_written = ? WHERE id = 1').run(now.toISOString());
}

export function markRead(db: Db, now: Date): void {
  stmt(db, 'UPDATE postbus_settings SET last_read = ? WHERE id = 1').run(now.toISOString());
}

/** Records that the folder cannot be reached (or that it can again: null). */
export function setError(db: Db, error: string | null, now: Date): void {
  stmt(db, 'UPDATE postbus_settings SET error = ?, error_since = CASE WHEN ? IS NULL THEN NULL ELSE coalesce(error_since, ?) END WHERE id = 1').run(error, error, now.toISOString());
}

export function autoGemeenten(db: Db): Set<string> {
  return new Set((stmt(db, 'SELECT gemeente FROM postbus_auto').all() as { gemeente: string }[]).map((r) => r.gemeente));
}

export function setAuto(db: Db, gemeente: string, on: boolean, now: Date): void {
  if (on) stmt(db, 'INSERT OR IGNORE INTO postbus_auto (gemeente, since) VALUES (?, ?)').run(gemeente, now.toISOString());
  else stmt(db, 'DELETE FROM postbus_auto WHERE gemeente = ?').run(gemeente);
}

export interface OutRow {
  name: string;
  recipients: string[];
  /** Per author: the last entry a reader of this file has once it read it (carried or known before). */
  upTo: Record<string, number>;
  /** Per author: what this file carries ({from, to}). */
  carried: Record<string, { from: number; to: number }>;
  created: string;
  entries: number;
  bytes: number;
}

export function outRows(db: Db): OutRow[] {
  const rows = stmt(db, 'SELECT name, recipients, feeds, have, created, entries, bytes FROM postbus_out ORDER BY created, name').all() as {
    name: string;
    recipients: string;
    feeds: string;
    have: string;
    created: string;
    entries: number;
    bytes: number;
  }[];
  return rows.map((r) => ({
    name: r.name,
    recipients: JSON.parse(r.recipients) as string[],
    carried: JSON.parse(r.feeds) as OutRow['carried'],
    upTo: JSON.parse(r.have) as OutRow['upTo'],
    created: r.created,
    entries: r.entries,
    bytes: r.bytes,
  }));
}

export function addOut(db: Db, row: OutRow): void {
  stmt(db, 'INSERT OR REPLACE INTO postbus_out (name, recipients, feeds, have, created, entries, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    row.name,
    JSON.stringify(row.recipients),
    JSON.stringify(row.carried),
    JSON.stringify(row.upTo),
    row.created,
    row.entries,
    row.bytes,
  );
}

export function removeOut(db: Db, name: string): void {
  stmt(db, 'DELETE FROM postbus_out WHERE name = ?').run(name);
}

export type InState = 'changing' | 'waiting' | 'applied' | 'ack' | 'duplicate' | 'refused' | 'ignored' | 'own-copy';

export interface InRow {
  name: string;
  size: number;
  mtime: number;
  firstSeen: string;
  state: InState;
  reason: string | null;
  fileId: string | null;
  gemeente: string | null;
  staged: string | null;
  summary: string | null;
  trustEpoch: number;
  at: string;
}

const IN_COLUMNS = 'name, size, mtime, first_seen AS firstSeen, state, reason, file_id AS fileId, gemeente, staged, summary, trust_epoch AS trustEpoch, at';

export function inRows(db: Db): Map<string, InRow> {
  const rows = stmt(db, `SELECT ${IN_COLUMNS} FROM postbus_in`).all() as InRow[];
  return new Map(rows.map((r) => [r.name, r]));
}

export function inRow(db: Db, name: string): InRow | undefined {
  return stmt(db, `SELECT ${IN_COLUMNS} FROM postbus_in WHERE name = ?`).get(name) as InRow | undefined;
}

export function putIn(db: Db, row: InRow): void {
  stmt(
    db,
    `INSERT OR REPLACE INTO postbus_in (name, size, mtime, first_seen, state, reason, file_id, gemeente, staged, summary, trust_epoch, at)
     VALUES (@name, @size, @mtime, @firstSeen, @state, @reason, @fileId, @gemeente, @staged, @summary, @trustEpoch, @at)`,
  ).run(row);
}

export function dropIn(db: Db, name: string): void {
  stmt(db, 'DELETE FROM postbus_in WHERE name = ?').run(name);
}

export function sawPartner(db: Db, gemeente: string, now: Date): void {
  stmt(db, 'INSERT INTO postbus_partners (gemeente, first_seen, last_seen) VALUES (?, ?, ?) ON CONFLICT (gemeente) DO UPDATE SET last_seen = excluded.last_seen').run(
    gemeente,
    now.toISOString(),
    now.toISOString(),
  );
}

export function partnersSeen(db: Db): { gemeente: string; firstSeen: string; lastSeen: string }[] {
  return stmt(db, 'SELECT gemeente, first_seen AS firstSeen, last_seen AS lastSeen FROM postbus_partners ORDER BY gemeente').all() as {
    gemeente: string;
    firstSeen: string;
    lastSeen: string;
  }[];
}

export type LogKind = 'written' | 'removed' | 'applied' | 'waiting' | 'refused' | 'ignored' | 'error' | 'tidied';

const LOG_KEEP = 500;

export function log(db: Db, kind: LogKind, name: string | null, message: string, now: Date): void {
  stmt(db, 'INSERT INTO postbus_log (at, kind, name, message) VALUES (?, ?, ?, ?)').run(now.toISOString(), kind, name, message);
  stmt(db, 'DELETE FROM postbus_log WHERE id <= (SELECT max(id) FROM postbus_log) - ?').run(LOG_KEEP);
}

export function logLines(db: Db, limit = 50): { at: string; kind: LogKind; name: string | null; message: string }[] {
  return stmt(db, 'SELECT at, kind, name, message FROM postbus_log ORDER BY id DESC LIMIT ?').all(limit) as {
    at: string;
    kind: LogKind;
    name: string | null;
    message: string;
  }[];
}

/** Changes when a device is trusted: a file refused for an untrusted sender is then worth reading again. */
export function trustEpoch(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM authors WHERE trusted = 1').get() as { n: number }).n;
}

/** What this copy held per author when it last wrote to (or looked at) these recipients; undefined: never. */
export function heldFor(db: Db, recipientsKey: string): Map<string, number> | undefined {
  const row = stmt(db, 'SELECT up_to FROM postbus_held WHERE recipients = ?').get(recipientsKey) as { up_to: string } | undefined;
  return row ? new Map(Object.entries(JSON.parse(row.up_to) as Record<string, number>)) : undefined;
}

export function setHeldFor(db: Db, recipientsKey: string, upTo: Map<string, number>): void {
  stmt(db, 'INSERT INTO postbus_held (recipients, up_to) VALUES (?, ?) ON CONFLICT (recipients) DO UPDATE SET up_to = excluded.up_to').run(recipientsKey, JSON.stringify(Object.fromEntries(upTo)));
}
