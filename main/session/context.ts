// What a handler gets: the open store and this device's identity, or a clear refusal when either is missing.
import { mkdirSync, renameSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { AppInfo } from '../../shared/api/contract';
import { StoreOpenError, type Db } from '../store/db';
import { openDatabase } from '../log/open';
import { readIdentity, type LocalIdentity } from '../log/log';
import { backupIfDue } from '../store/backup';
import { checkInBackground } from '../store/background-check';
import { activeProfile, DB_FILE, demoDir, type Profile } from './profile';

export { DB_FILE };

export class AppContext {
  private database: Db | undefined;
  private problem: StoreOpenError | undefined;
  /** Which database is open: the real one, or the voorbeeldregio in its own folder (see demo-profile.ts). */
  private active: Profile = 'real';

  constructor(
    readonly dataDir: string,
    readonly transport: AppInfo['transport'],
    readonly version: string,
    private readonly nativeBinding?: string,
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.open();
  }

  /** True while the voorbeeldregio is open: nothing in it is real, and nothing of it may reach a partner. */
  get demo(): boolean {
    return this.active === 'demo';
  }

  /** The folder of the open database: the data folder itself, or its demo folder. */
  get storeDir(): string {
    return this.demo ? demoDir(this.dataDir) : this.dataDir;
  }

  get dbFile(): string {
    return join(this.storeDir, DB_FILE);
  }

  /** better-sqlite3's native module for this runtime (the Electron build in the desktop app), or undefined. */
  get sqliteBinding(): string | undefined {
    return this.nativeBinding;
  }

  /** Opens a Regie database file with this context's native binding (for building the demo before switching). */
  openFile(file: string): Db {
    return openDatabase(file, { check: 'none', ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}) });
  }

  private open(): void {
    this.active = activeProfile(this.dataDir);
    try {
      // The CLI checks the whole file before it runs a command: nothing is imported into a damaged database.
      // The app and the host check it in a worker beside the first answers (background-check.ts): a file that
      // is not a database is still refused here, at once; damage deeper in the file makes the store
      // unavailable (with the same choices) as soon as the check finds it.
      const db = openDatabase(this.dbFile, {
        check: this.transport === 'cli' ? 'quick' : 'none',
        ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
      });
      this.database = db;
      this.problem = undefined;
      if (this.transport !== 'cli') {
        const file = this.dbFile;
        checkInBackground(file, db, this.nativeBinding, (verdict) => {
          if (verdict === 'ok' || this.database !== db) return;
          this.close();
          this.problem = new StoreOpenError('corrupt', `De database is beschadigd (${verdict}).`, file);
        });
      }
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
      // The voorbeeldregio is not backed up: it is not real, and its copies must never sit among the real ones.
      if (!this.database || this.demo || !this.identity()) return;
      backupIfDue(this.database, this.dataDir).catch(log);
    };
    run();
    this.backupTimer = setInterval(run, 3600 * 1000);
    this.backupTimer.unref();
  }

  /** Opens the database again (after a restore replaced the file, or the profile changed). */
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
    const target = join(this.storeDir, `regie.beschadigd-${stampText}.db`);
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
