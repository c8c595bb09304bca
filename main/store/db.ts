// Opens a Regie database: WAL, foreign keys, busy timeout, and numbered migrations tracked in user_version.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureStateDigest } from '../log/state-hash';

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

/** Applies the migrations the database lacks, each in its own transaction together with user_version. */
export function migrate(db: Db, migrations: Migration[], file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new StoreOpenError(
      'too_new',
      `De database is gemaakt door een nieuwere versie van Regie (schema ${current}, deze versie kent tot en met ${latest}). Installeer de nieuwste versie van Regie; het bestand is niet gewijzigd.`,
      file,
    );
  }
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
  /** 'quick': run SQLite's quick_check (the app and the host at start); 'none': only a cheap read (CLI). */
  check?: 'quick' | 'none';
}

export function openDatabase(file: string, options: OpenOptions | Migration[] = {}): Db {
  const { migrations = loadMigrations(), nativeBinding, check = 'quick' } = Array.isArray(options) ? { migrations: options, nativeBinding: undefined, check: 'quick' as const } : options;
  let db: Db | undefined;
  try {
    db = new Database(file, nativeBinding ? { fileMustExist: false, nativeBinding } : { fileMustExist: false });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    // Imports write hundreds of thousands of rows at random places in the indexes: a 64 MB page cache
    // (default 2 MB) keeps them in memory instead of re-reading pages.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    if (check === 'quick') {
      // Reads the whole file: worth it when the app or host starts, not for every command-line call.
      const result = db.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new StoreOpenError('corrupt', `De database is beschadigd (${String(result)}).`, file);
    } else {
      db.pragma('schema_version', { simple: true });
    }
    migrate(db, migrations, file);
    ensureStateDigest(db);
    return db;
  } catch (err) {
    db?.close();
    if (err instanceof StoreOpenError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new StoreOpenError('corrupt', 'Het databasebestand is beschadigd of is geen Regie-database.', file);
    }
    throw new StoreOpenError('unreadable', `De database kon niet worden geopend: ${(err as Error).message}`, file);
  }
}
