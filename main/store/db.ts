// Opens a Regie database: WAL, foreign keys, busy timeout, and numbered migrations tracked in user_version.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Why a database could not be opened, in terms a person can act on. */
export class StoreOpenError extends Error {
  constructor(
    readonly reason: 'corrupt' | 'too_new' | 'unreadable',
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

const MIGRATION_FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** The folder with NNN_name.sql files: next to this module in source, copied next to the bundle in builds. */
export function defaultMigrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'migrations'), join(here, 'store', 'migrations')];
  return candidates.find((d) => existsSync(d)) ?? candidates[0]!;
}

export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, m: MIGRATION_FILE.exec(file) }))
    .filter((x): x is { file: string; m: RegExpExecArray } => x.m !== null)
    .map(({ file, m }) => ({ version: Number(m[1]), name: m[2]!, sql: readFileSync(join(dir, file), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  // Numbers are handed out per piece of work in parallel, so gaps are allowed; each number is used once.
  migrations.forEach((m, i) => {
    if (i > 0 && m.version <= migrations[i - 1]!.version) throw new Error(`Migration ${m.version} is numbered twice`);
  });
  return migrations;
}

/** The schema version these migrations make: the number of the last one (numbers rise, with gaps allowed). */
export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

function tooNew(current: number, latest: number, file: string): StoreOpenError {
  return new StoreOpenError(
    'too_new',
    `De database is gemaakt door een nieuwere versie van Regie (schema ${current}, deze versie kent tot en met ${latest}). Installeer de nieuwste versie van Regie; het bestand is niet gewijzigd.`,
    file,
  );
}

/** Applies the migrations the database lacks, each in its own transaction together with user_version. */
export function migrate(db: Db, migrations: Migration[], file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(migrations);
  if (current > latest) throw tooNew(current, latest, file);
  for (const m of migrations.filter((x) => x.version > current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

export interface OpenOptions {
  migrations?: Migration[];
  /**
   * The compiled better-sqlite3 addon to load. Node (tests, host, CLI) and Electron need builds for different
   * ABIs; the desktop app passes its Electron build so both can live side by side.
   */
  nativeBinding?: string;
  /** 'quick': run SQLite's quick_check (the app, the host and the CLI at start); 'none': only a cheap read. */
  check?: 'quick' | 'none';
  /**
   * Runs on the new connection after the migrations, inside the same error handling (a failure closes it and
   * says why). main/log/open.ts brings the log's state digest up to date here.
   */
  onOpen?: (db: Db) => void;
  /**
   * Read the first MAPPED_BYTES of the file through a memory map (SQLite's mmap_size) instead of copying each
   * page into the connection's cache: for the long-running app and host, whose screens read (see MAPPED_BYTES).
   */
  mapped?: boolean;
}

/**
 * How much of a database file the app's and the host's connection read through a memory map. Issue 22
 * (opening a copy in 500 ms): the first Kalender year of a region after a cold start reads some 700 pages of
 * 16 kB; through the map they are not copied into memory of the process's own, which on this machine (every
 * new page of memory a fault of about 10 us) made the first answer 35-45 ms faster (interleaved host starts,
 * region scale: 399-422 ms against 440-483) and the start's page faults 2,500 fewer. 256 MB holds a region's
 * whole database; of a larger one the rest is read as before. Not for the command line (one command, mostly
 * writing) nor for the workers: mapped pages count in a process's resident memory, and an import's or a
 * check's would then grow with the file it reads. SQLite writes through its own cache either way, so a crash
 * loses no more than without the map. Damage in the file is found as before (the whole-file check), and a
 * file cut short before it is opened is refused at once (SQLite compares it with its header's size before it
 * reads a table; test/unit/main/store/background-check.test.ts). What the map changes: a read error of the
 * disk, or another program cutting the file short while Regie has it open, ends the process instead of
 * failing the one statement. Regie itself never shortens an open file (a restore renames it aside first).
 */
export const MAPPED_BYTES = 256 * 1024 * 1024;

/** SQLite's own words for a database file it cannot use, as a StoreOpenError; undefined for other errors. */
function storeError(err: unknown, file: string): StoreOpenError | undefined {
  if (err instanceof StoreOpenError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new StoreOpenError('corrupt', 'Het databasebestand is beschadigd of is geen Regie-database.', file);
  return undefined;
}

/** The checks that must pass before anything may write: the schema is one this Regie knows, the file is whole. */
function checkBeforeWriting(db: Db, migrations: Migration[], check: 'quick' | 'none', file: string, alreadyChecked = false): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(migrations);
  if (version > latest) throw tooNew(version, latest, file);
  // A store about to be migrated is checked whole whatever was asked (the app and the host otherwise check it
  // after their first answer, before anything is written): migrating writes.
  if (!alreadyChecked && (check === 'quick' || (version > 0 && version < latest))) {
    // Reads the whole file: worth it when the app, the host or a command starts (an import into a damaged
    // database would bury the damage under new rows).
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') {
      // SQLite's report spans lines ("*** in database main ***\nPage 30: ..."): one line, as every refusal.
      const detail = String(result)
        .replace(/\*\*\* in database \w+ \*\*\*/g, '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 200);
      throw new StoreOpenError('corrupt', `De database is beschadigd (${detail}).`, file);
    }
  } else {
    db.pragma('schema_version', { simple: true });
  }
}

/**
 * Opens an existing file read-only for the checks: a database of a newer Regie, or a damaged one, is then
 * left byte for byte as it was (even switching to WAL rewrites header bytes). Errors other than the file's
 * own (a read-only open that SQLite cannot do here) are left to the read-write open, which checks again first.
 */
function checkReadOnly(file: string, migrations: Migration[], check: 'quick' | 'none', nativeBinding: string | undefined): boolean {
  if (!existsSync(file)) return false;
  let ro: Db | undefined;
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    checkBeforeWriting(ro, migrations, check, file);
    return true;
  } catch (err) {
    const known = storeError(err, file);
    if (known) throw known;
    return false;
  } finally {
    ro?.close();
  }
}

/** The page size of a new database (see openStore). */
export const PAGE_SIZE = 16384;

/** The write-ahead log's length at which a commit copies it into the database itself (64 MB of 16 kB pages). */
export const WAL_CEILING_PAGES = 4096;

/**
 * Copies what the write-ahead log holds into the database file, as far as no reader needs it still (SQLite's
 * PASSIVE checkpoint: it waits for no one). Returns how many pages the log held. A closed store is left alone.
 */
export function checkpoint(db: Db): number {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    return r?.log ?? 0;
  } catch {
    return 0;
  }
}

/**
 * Opens (creating or migrating) a database file. Code outside the store opens through main/log/open.ts
 * openDatabase, which adds what the log keeps beside the tables.
 */
export function openStore(file: string, options: OpenOptions | Migration[] = {}): Db {
  const {
    migrations = loadMigrations(),
    nativeBinding,
    check = 'quick',
    onOpen,
    mapped = false,
  } = Array.isArray(options) ? { migrations: options, nativeBinding: undefined, check: 'quick' as const, onOpen: undefined } : options;
  let db: Db | undefined;
  try {
    const checked = checkReadOnly(file, migrations, check, nativeBinding);
    db = new Database(file, nativeBinding ? { fileMustExist: false, nativeBinding } : { fileMustExist: false });
    db.pragma('busy_timeout = 5000');
    // Again, now on the connection that will write (cheap when the read-only open checked the whole file).
    checkBeforeWriting(db, migrations, check, file, checked);
    // A new database gets 16 kB pages (SQLite's default is 4 kB): a quarter as many pages to write, read and
    // checksum. Interleaved benchmark runs at region scale: the full import 2,040-2,060 ms against 2,170-2,240
    // with 4 kB pages (8 kB: 2,060-2,080), the week's import 68-92 ms against 98-100, the first Kalender
    // answer of a new process 431-468 ms against 473-505. A database made before keeps its page size.
    if (db.pragma('page_count', { simple: true }) === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    // Imports write hundreds of thousands of rows at random places in the indexes: a 64 MB page cache
    // (default 2 MB) keeps them in memory instead of re-reading pages.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    // SQLite copies the write-ahead log into the database (a checkpoint) inside the commit that makes it
    // longer than this. Its default of 1,000 pages (16 MB with 16 kB pages) put the copying of what earlier
    // calls wrote into the week's import: on a region copy whose settlement had just been brought up to date,
    // 100 ms against 75 (median of five each). AppContext copies the log between calls instead
    // (checkpointBetweenCalls); this is the ceiling, should calls never pause.
    db.pragma(`wal_autocheckpoint = ${WAL_CEILING_PAGES}`);
    if (mapped) db.pragma(`mmap_size = ${MAPPED_BYTES}`);
    migrate(db, migrations, file);
    onOpen?.(db);
    return db;
  } catch (err) {
    db?.close();
    const known = storeError(err, file);
    if (known) throw known;
    throw new StoreOpenError('unreadable', `De database kon niet worden geopend: ${(err as Error).message}`, file);
  }
}
