// Backups through the api: list, make one now, and restore one — which gives this device a new key so
// no fork can arise, and says so.
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../store/backup';
import { backupDir, checkBackupFile, createBackup, listBackups } from '../store/backup';
import { latestVersion, loadMigrations } from '../store/db';
import { fingerprint } from '../log/identity';
import { rotateIdentity } from '../log/log';
import { signSuccession } from '../exchange/signing';
import { certifySelf } from '../exchange/trust/store';
import { keyedError } from '../../shared/i18n/error-messages';
import type { AppContext } from '../session/context';

export interface RestoreResult {
  restoredFrom: string;
  /** The database that was replaced, kept next to the new one. */
  keptAs: string;
  fingerprint: string;
  message: string;
}

export function backups(ctx: AppContext): BackupInfo[] {
  return listBackups(ctx.dataDir);
}

export function backupNow(ctx: AppContext): Promise<BackupInfo> {
  return createBackup(ctx.db(), ctx.dataDir, 'handmatig');
}

export async function restoreBackup(ctx: AppContext, name: string, now = new Date()): Promise<RestoreResult> {
  const backup = listBackups(ctx.dataDir).find((b) => b.name === name);
  if (!backup) throw keyedError('not_found', 'backup.unknown', { name, dir: backupDir(ctx.dataDir) });
  const file = join(backupDir(ctx.dataDir), backup.name);
  const problem = checkBackupFile(file, latestVersion(loadMigrations()), ctx.sqliteBinding);
  if (problem) throw keyedError('refused', 'backup.unusable', { problem });
  const keptAs = join(ctx.dataDir, `regie.voor-herstel-${now.toISOString().replace(/[:.]/g, '-')}.db`);
  ctx.close();
  renameSync(ctx.dbFile, keptAs);
  for (const suffix of ['-wal', '-shm']) if (existsSync(ctx.dbFile + suffix)) renameSync(ctx.dbFile + suffix, keptAs + suffix);
  copyFileSync(file, ctx.dbFile);
  ctx.reopen();
  // The reopened copy is written only after its whole-file check passed (AppContext, issue 22): wait for it
  // here, since running this call again would move the restored file aside a second time.
  await ctx.whenChecked();
  const me = rotateIdentity(ctx.db(), (old, successor) => signSuccession(old.privateKey, old.publicKey, successor, old.gemeente), now);
  // The new key is certified by the gemeente key where this laptop holds it (issue 15); elsewhere the
  // succession signed by the old key carries the trust, as before.
  certifySelf(ctx.db(), me, now);
  return {
    restoredFrom: backup.name,
    keptAs,
    fingerprint: fingerprint(me.publicKey),
    message:
      `De back-up van ${new Date(backup.createdAt).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })} is teruggezet; de database van daarvoor is bewaard als ${keptAs}. ` +
      'Dit apparaat heeft een nieuwe sleutel gekregen, zodat er nooit twee verschillende wijzigingen met hetzelfde nummer kunnen ontstaan. ' +
      'Partners die dit apparaat vertrouwden, vertrouwen de nieuwe sleutel automatisch. Wijzigingen die u na de back-up maakte, komen terug zodra een partner u een planbestand stuurt.',
  };
}
