// What a handler gets: the open store and this device's identity, or a clear refusal when either is missing.
import { mkdirSync, renameSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { AppInfo } from '../../shared/api/contract';
import { openDatabase, StoreOpenError, type Db } from '../store/db';
import { readIdentity, type LocalIdentity } from '../log/log';
import { backupIfDue } from '../store/backup';

export const DB_FILE = 'regie.db';

export class AppContext {
  private database: Db | undefined;
  private problem: StoreOpenError | undefined;

  constructor(
    readonly dataDir: string,
    readonly transport: AppInfo['transport'],
    readonly version: string,
    private readonly nativeBinding?: string,
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.open();
  }

  get dbFile(): string {
    return join(this.dataDir, DB_FILE);
  }

  private open(): void {
    try {
      this.database = openDatabase(this.dbFile, {
        check: this.transport === 'cli' ? 'none' : 'quick',
        ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
      });
      this.problem = undefined;
    } catch (err) {
      if (!(err instanceof StoreOpenError)) throw err;
      this.database = undefined;
      this.problem = err;
    }
  }

  private backupTimer: NodeJS.Timeout | undefined;

  /**
   * The daily automatic backup, for the long-running app and host: checked now and every hour after.
   * A failed backup is logged and tried again an hour later; it never stops the app.
   */
  startAutomaticBackups(log: (err: unknown) => void = (err) => console.error('[regie] automatische back-up mislukt:', err)): void {
    const run = () => {
      if (!this.database || !this.identity()) return;
      backupIfDue(this.database, this.dataDir).catch(log);
    };
    run();
    this.backupTimer = setInterval(run, 3600 * 1000);
    this.backupTimer.unref();
  }

  /** Opens the database again (after a restore replaced the file). */
  reopen(): void {
    this.close();
    this.open();
  }

  get storeProblem(): StoreOpenError | undefined {
    return this.problem;
  }

  db(): Db {
    if (!this.database) {
      throw new ApiError('store_unavailable', this.problem?.message ?? 'De database is niet geopend.');
    }
    return this.database;
  }

  identity(): LocalIdentity | undefined {
    return readIdentity(this.db());
  }

  me(): LocalIdentity {
    const me = this.identity();
    if (!me) throw new ApiError('not_initialised', 'Deze installatie is nog niet ingericht: kies eerst uw gemeente en een naam voor dit apparaat.');
    return me;
  }

  /**
   * Moves an unreadable database (with its WAL and SHM files) aside under a dated name and starts a fresh
   * one. Nothing is deleted: the old file stays next to the new one for recovery or support.
   */
  moveAside(now = new Date()): string {
    if (!this.problem || this.problem.reason === 'too_new') {
      throw new ApiError('refused', 'Alleen een beschadigde database kan opzij worden gezet.');
    }
    const stampText = now.toISOString().replace(/[:.]/g, '-');
    const target = join(this.dataDir, `regie.beschadigd-${stampText}.db`);
    renameSync(this.dbFile, target);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(this.dbFile + suffix)) renameSync(this.dbFile + suffix, target + suffix);
    }
    this.open();
    return target;
  }

  close(): void {
    this.database?.close();
    this.database = undefined;
  }
}
