// Backups of the database with SQLite's online backup (consistent while Regie keeps working): one a day
// automatically with rotation, and by hand. Restoring keeps the current file next to it.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './db';

export const BACKUP_DIR = 'back-ups';
/** Automatic backups kept; manual ones are never removed by Regie. */
export const KEEP_AUTOMATIC = 14;
const NAME = /^regie-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2})-(auto|handmatig)\.db$/;

export type { BackupInfo } from '../../shared/api/backup';
import type { BackupInfo } from '../../shared/api/backup';

export function backupDir(dataDir: string): string {
  return join(dataDir, BACKUP_DIR);
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => {
      const [date, time] = m[1]!.split('T');
      return { name, kind: m[2] as BackupInfo['kind'], createdAt: `${date}T${time!.replace(/-/g, ':')}Z`, bytes: statSync(join(dir, name)).size };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function createBackup(db: Db, dataDir: string, kind: BackupInfo['kind'], now = new Date()): Promise<BackupInfo> {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const name = `regie-${now.toISOString().slice(0, 19).replace(/:/g, '-')}-${kind}.db`;
  await db.backup(join(dir, name));
  const automatic = listBackups(dataDir).filter((b) => b.kind === 'auto');
  for (const old of automatic.slice(KEEP_AUTOMATIC)) {
    // Rotation: only Regie's own automatic backups, oldest first.
    await rm(join(dir, old.name), { force: true });
  }
  return listBackups(dataDir).find((b) => b.name === name)!;
}

/** A daily backup when the newest automatic one is older than a day (or there is none). */
export async function backupIfDue(db: Db, dataDir: string, now = new Date()): Promise<BackupInfo | undefined> {
  const newest = listBackups(dataDir).find((b) => b.kind === 'auto');
  if (newest && now.getTime() - Date.parse(newest.createdAt) < 24 * 3600 * 1000) return undefined;
  return createBackup(db, dataDir, 'auto', now);
}

/**
 * Checks a backup before it replaces anything: a Regie database this version can open, and intact.
 * nativeBinding: better-sqlite3 built for the runtime (the desktop app's Electron build), as the context uses.
 */
export function checkBackupFile(file: string, latestVersion: number, nativeBinding?: string): string | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') return 'de back-up is beschadigd';
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion) return 'de back-up is gemaakt door een nieuwere versie van Regie';
    if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'identity'").get()) return 'dit is geen back-up van Regie';
    return undefined;
  } catch (err) {
    return `de back-up kan niet worden gelezen (${(err as Error).message})`;
  } finally {
    db?.close();
  }
}
