// What a handler gets: the open store and this device's identity, or a clear refusal when either is missing.
import { mkdirSync, renameSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { AppInfo } from '../../shared/api/contract';
import { StoreOpenError, checkpoint, type Db } from '../store/db';
import { openDatabase } from '../log/open';
import { readIdentity, type LocalIdentity } from '../log/log';
import { backupIfDue, listBackups } from '../store/backup';
import { stmt } from '../store/statements';
import { checkInBackground } from '../store/background-check';
import { activeProfile, DB_FILE, demoDir, type Profile } from './profile';
import { keyedError } from '../../shared/i18n/error-messages';

export { DB_FILE };

/** When no call comes, the whole-file check of the app and the host starts this long after opening. */
export const CHECK_AFTER_MS = 1_000;
/**
 * After an answer, the check waits this long for the next call before it starts: a screen's first calls come
 * one after another (the setup status, then the Kalender's year, ...), and each is answered sooner without
 * the check reading the whole file beside it. It starts at the latest CHECK_LATEST_MS after the first answer.
 */
export const CHECK_QUIET_MS = 300;
export const CHECK_LATEST_MS = 3_000;
/** After an answer, the write-ahead log is copied into the database this much later (checkpointBetweenCalls). */
export const CHECKPOINT_AFTER_MS = 200;

type OpenHook = (db: Db) => void;
const openHooks: OpenHook[] = [];

/**
 * What a higher layer does with every store a context opens, before the first call: the api registers that a
 * copy set up before gemeente keys gets one (issue 15). The session does not import those layers itself.
 */
export function onStoreOpened(hook: OpenHook): void {
  if (!openHooks.includes(hook)) openHooks.push(hook);
}

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
      // The app and the host check it in a worker once the first answers are out (checkAfterFirstAnswers): a
      // file that is not a database is still refused here, at once (and one that needs migrating is checked
      // whole before that, main/store/db.ts); nothing is written before the check passed; damage deeper in the
      // file makes the store unavailable (with the same choices) as soon as the check finds it.
      const db = openDatabase(this.dbFile, {
        check: this.transport === 'cli' ? 'quick' : 'none',
        mapped: this.transport !== 'cli',
        ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
      });
      this.database = db;
      this.problem = undefined;
      for (const hook of openHooks) hook(db);
      if (this.transport !== 'cli') this.checkAfterFirstAnswers(db);
    } catch (err) {
      if (!(err instanceof StoreOpenError)) throw err;
      this.database = undefined;
      this.problem = err;
    }
  }

  /** The whole-file check of the open store (app and host), until it passed. */
  private check: { db: Db; started: boolean; passed: boolean; start: () => void; quiet: () => void; ended: Promise<void>; end: () => void } | undefined;

  /**
   * Issue 22 (opening a copy in 500 ms): the check of the whole file (quick_check, in a worker) reads every
   * page, so it starts once the first answers are out (CHECK_QUIET_MS without a call after an answer, from
   * dispatch's answered(); at the latest CHECK_LATEST_MS after the first), or CHECK_AFTER_MS after opening
   * when no call comes, or at once when something must be written. Until it passed, SQLite refuses every
   * write on this connection (query_only): dispatch waits for the verdict and runs such a call again, the
   * postbus waits for it, and a background import starts only after it.
   */
  private checkAfterFirstAnswers(db: Db): void {
    db.pragma('query_only = ON');
    const file = this.dbFile;
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const state = {
      db,
      started: false,
      passed: false,
      ended,
      end,
      start: () => {
        if (state.started) return;
        state.started = true;
        clearTimeout(timer);
        checkInBackground(file, db, this.nativeBinding, (verdict) => {
          if (this.database === db) {
            if (verdict === 'ok') {
              db.pragma('query_only = OFF');
              state.passed = true;
            } else {
              this.close();
              this.problem = new StoreOpenError('corrupt', `De database is beschadigd (${verdict}).`, file);
            }
          }
          end();
        });
      },
      quiet: () => {
        if (state.started) return;
        firstAnswer ??= Date.now();
        wait(Math.max(0, Math.min(CHECK_QUIET_MS, firstAnswer + CHECK_LATEST_MS - Date.now())));
      },
    };
    let timer: NodeJS.Timeout | undefined;
    let firstAnswer: number | undefined;
    const wait = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(state.start, ms);
      timer.unref();
    };
    wait(CHECK_AFTER_MS);
    this.check = state;
  }

  /** Where the whole-file check of the open store stands; 'none' when it needed none (the command line's ran before opening). */
  get storeCheck(): 'none' | 'waiting' | 'running' | 'passed' {
    const c = this.check;
    return !c ? 'none' : c.passed ? 'passed' : c.started ? 'running' : 'waiting';
  }

  /** True once the open store may be written: its whole-file check passed, or it needed none (the CLI's was before opening). */
  get storeChecked(): boolean {
    return !this.check || this.check.passed;
  }

  /** Starts the whole-file check now if it still waits; settles when it ended (passed, or the store found damaged and closed). */
  whenChecked(): Promise<void> {
    const c = this.check;
    if (!c || c.passed) return Promise.resolve();
    c.start();
    return c.ended;
  }

  /** Calls begun and not yet answered (dispatch). */
  private calls = 0;
  private checkpointTimer: NodeJS.Timeout | undefined;

  /** Before each call (dispatch). */
  began(): void {
    this.calls++;
  }

  /**
   * After each answer (dispatch): a check still waiting starts when no call follows soon (CHECK_QUIET_MS), and
   * the write-ahead log is copied into the database soon after (checkpointBetweenCalls).
   */
  answered(): void {
    this.calls = Math.max(0, this.calls - 1);
    const c = this.check;
    if (c && !c.passed) c.quiet();
    this.checkpointBetweenCalls();
  }

  /**
   * Copies the write-ahead log into the database file CHECKPOINT_AFTER_MS after an answer, at a moment no call
   * is under way (one that is, such as an import reading its file, puts it off again), instead of in the
   * commit that makes the log long (main/store/db.ts, WAL_CEILING_PAGES): the person waits for their import,
   * not for copying the pages earlier calls wrote. Nothing is at stake in when it runs: what is in the log is
   * on disk already. The command line's process copies it when it closes the store.
   */
  private checkpointBetweenCalls(): void {
    if (this.checkpointTimer) return;
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = undefined;
      if (this.calls > 0) return this.checkpointBetweenCalls();
      if (this.database) checkpoint(this.database);
    }, CHECKPOINT_AFTER_MS);
    this.checkpointTimer.unref();
  }

  private backupTimer: NodeJS.Timeout | undefined;
  private firstWorkTimer: NodeJS.Timeout | undefined;
  /** Set while automatic backups run and none was made yet: the first change is then backed up soon. */
  private firstBackup: { log: (err: unknown) => void; afterWorkMs: number } | undefined;

  /**
   * The automatic backups, for the long-running app and host. The first check waits a minute, so it does not
   * compete with the first answers after opening; then every hour, a backup when the newest automatic one is a
   * day old. A copy without any shared record yet (just set up) is not backed up: there is nothing to lose. Until
   * the first automatic backup exists, the first real change is backed up soon after it (see afterCall).
   * A failed backup is logged and tried again later; it never stops the app.
   */
  startAutomaticBackups(
    log: (err: unknown) => void = (err) => console.error('[regie] automatische back-up mislukt:', err),
    timing: { firstCheckMs: number; afterWorkMs: number } = { firstCheckMs: 60_000, afterWorkMs: 15_000 },
  ): void {
    const run = () => {
      // The voorbeeldregio is not backed up: it is not real, and its copies must never sit among the real ones.
      if (!this.database || this.demo || !this.identity() || !this.hasWork()) return;
      backupIfDue(this.database, this.dataDir).catch(log);
    };
    if (!listBackups(this.dataDir).some((b) => b.kind === 'auto')) this.firstBackup = { log, afterWorkMs: timing.afterWorkMs };
    this.backupTimer = setTimeout(() => {
      run();
      this.backupTimer = setInterval(run, 3600 * 1000);
      this.backupTimer.unref();
    }, timing.firstCheckMs);
    this.backupTimer.unref();
  }

  stopAutomaticBackups(): void {
    clearTimeout(this.backupTimer);
    clearInterval(this.backupTimer);
    clearTimeout(this.firstWorkTimer);
    this.backupTimer = this.firstWorkTimer = this.firstBackup = undefined;
  }

  /** True once the copy holds any shared record (its state digest is no longer the empty sum). */
  private hasWork(): boolean {
    if (!this.database) return false;
    const row = stmt(this.database, 'SELECT digest FROM state_digest WHERE id = 1').get() as { digest: string } | undefined;
    return row !== undefined && /[^0]/.test(row.digest);
  }

  /**
   * After every successful api call (dispatch): while no automatic backup exists yet, the first real change
   * schedules one a few seconds later, so a new installation is not a day of work away from its first backup.
   */
  afterCall(): void {
    const first = this.firstBackup;
    if (!first || this.firstWorkTimer || !this.database || this.demo) return;
    try {
      if (!this.hasWork()) return;
    } catch {
      return; // a store that cannot answer now is checked again after the next call
    }
    this.firstWorkTimer = setTimeout(() => {
      this.firstWorkTimer = undefined;
      if (!this.database || this.demo) return;
      this.firstBackup = undefined;
      backupIfDue(this.database, this.dataDir).catch((err: unknown) => {
        this.firstBackup = first;
        first.log(err);
      });
    }, first.afterWorkMs);
    this.firstWorkTimer.unref();
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
    if (!me) throw keyedError('not_initialised', 'setup.needed');
    return me;
  }

  /**
   * Moves an unreadable database (with its WAL and SHM files) aside under a dated name and starts a fresh
   * one. Nothing is deleted: the old file stays next to the new one for recovery or support.
   */
  moveAside(now = new Date()): string {
    if (!this.problem || this.problem.reason === 'too_new') {
      throw keyedError('refused', 'store.only_damaged');
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
    clearTimeout(this.checkpointTimer);
    this.checkpointTimer = undefined;
    this.database?.close();
    this.database = undefined;
    // Whoever waits for the check of this store goes on (and finds it closed).
    this.check?.end();
    this.check = undefined;
  }
}
