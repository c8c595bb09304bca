import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations, MAPPED_BYTES, migrate, PAGE_SIZE, StoreOpenError } from '../../../../main/store/db';
import { AppContext } from '../../../../main/session/context';
import { openDatabase } from '../../../../main/log/open';
import { recomputeStateHash, stateHash } from '../../../../main/log/state-hash';
import { OWN_ON_EVENT, OWN_ON_SHIFT } from '../../../../main/exchange/preview-facts';
import { tempDir } from '../../helpers';

describe('store', () => {
  it('opens a new database in WAL mode with foreign keys and all migrations applied', () => {
    const file = join(tempDir(), 'regie.db');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().at(-1)!.version);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['identity', 'entries', 'feeds', 'events']));
    for (const t of tables) expect(t.sql, `${t.name} is STRICT`).toMatch(/\)\s*(STRICT|WITHOUT ROWID, STRICT|STRICT, WITHOUT ROWID)$/);
    db.close();
  });

  it('gives a new database 16 kB pages, and leaves an existing one the pages it has', () => {
    const fresh = openDatabase(join(tempDir(), 'regie.db'));
    expect(fresh.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    fresh.close();
    // A copy made before (SQLite's 4 kB pages, an older schema): opened, migrated and written as it is.
    const file = join(tempDir(), 'regie.db');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    migrate(old, loadMigrations().slice(0, 1), file);
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().at(-1)!.version);
    expect(recomputeStateHash(db)).toBe(stateHash(db));
    db.close();
  });

  it('reads the copy of the app and the host through a memory map, and not that of the command line', async () => {
    // Issue 22: the first Kalender answer after a start, without copying each page it reads (MAPPED_BYTES).
    const dir = tempDir();
    const cli = new AppContext(dir, 'cli', 'test');
    expect(cli.db().pragma('mmap_size', { simple: true })).toBe(0);
    cli.close();
    const host = new AppContext(dir, 'host', 'test');
    expect(host.db().pragma('mmap_size', { simple: true })).toBe(MAPPED_BYTES);
    // What the mapped connection writes (after its whole-file check) is there for the next open.
    await host.whenChecked();
    host.db().exec("CREATE TABLE mapped_probe (x TEXT) STRICT; INSERT INTO mapped_probe VALUES ('bewaard')");
    host.close();
    const again = new AppContext(dir, 'cli', 'test');
    expect(again.db().prepare('SELECT x FROM mapped_probe').pluck().get()).toBe('bewaard');
    again.close();
  });

  it('numbers migrations upwards, each number once, and each applies on top of the previous one', () => {
    const migrations = loadMigrations();
    migrations.forEach((m, i) => expect(m.version).toBeGreaterThan(i === 0 ? 0 : migrations[i - 1]!.version));
    const db = new Database(':memory:');
    for (let n = 1; n <= migrations.length; n++) {
      migrate(db, migrations.slice(0, n), ':memory:');
      expect(db.pragma('user_version', { simple: true })).toBe(migrations[n - 1]!.version);
    }
  });

  it('rolls back a failing migration together with its user_version', () => {
    const db = new Database(':memory:');
    const broken = [...loadMigrations(), { version: 99, name: 'broken', sql: 'CREATE TABLE ok_table (x INTEGER) STRICT; CREATE TABLE oops (' }];
    expect(() => migrate(db, broken, ':memory:')).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().at(-1)!.version);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'ok_table'").get()).toEqual({ n: 0 });
  });

  it('refuses a database made by a newer Regie and leaves it unchanged', () => {
    const file = join(tempDir(), 'regie.db');
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase(file)).toThrow(StoreOpenError);
    try {
      openDatabase(file);
    } catch (err) {
      expect((err as StoreOpenError).reason).toBe('too_new');
      expect((err as Error).message).toMatch(/nieuwere versie van Regie/);
    }
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(999);
    again.close();
  });

  it('recognises a file that is not a database as corrupt', () => {
    const file = join(tempDir(), 'regie.db');
    writeFileSync(file, Buffer.alloc(8192, 0x5a));
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ reason: 'corrupt' }));
  });

  it('fills the kept state hash when upgrading a database with records from before schema 4', () => {
    const file = join(tempDir(), 'regie.db');
    const old = new Database(file);
    migrate(old, loadMigrations().slice(0, 3), file);
    old
      .prepare(
        "INSERT INTO events (id, host, created, name, place, starts_at, ends_at, risk, visitors, status, stamps) VALUES ('GM0473.ev.aaaaaaaaaaaaaaaa', 'GM0473', 1, 'Dutch Grand Prix', 'Circuit', '2027-08-27T08:00', '2027-08-29T20:00', 'C', NULL, 'concept', '{}')",
      )
      .run();
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().at(-1)!.version);
    expect(stateHash(db)).toBe(recomputeStateHash(db));
    expect(stateHash(db)).not.toBe(recomputeStateHash(openDatabase(join(tempDir(), 'regie.db'))));
    db.close();
  });

  it("counts our officers on a shift or an event of an import's preview through the shift's own rows", () => {
    const db = openDatabase(join(tempDir(), 'regie.db'));
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('GM0397', 'x') as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(OWN_ON_SHIFT)).toMatch(/^SEARCH r USING INDEX requests_by_shift \(shift_id=\?\) \| SEARCH c USING INDEX commitments_by_request/);
    expect(plan(OWN_ON_EVENT)).toMatch(/^SEARCH s USING INDEX shifts_by_event \(event_id=\?\) \| SEARCH r USING INDEX requests_by_shift/);
    db.close();
  });

  it('finds events by start date through an index', () => {
    const db = openDatabase(join(tempDir(), 'regie.db'));
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM events WHERE starts_at >= '2027-01-01' ORDER BY starts_at").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/events_by_start/);
    db.close();
  });
});

describe('a database this Regie may not write', () => {
  const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

  it('of a newer Regie, in rollback-journal mode, stays byte for byte the same (no switch to WAL)', () => {
    const file = join(tempDir(), 'regie.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.exec('CREATE TABLE later_feature (x INTEGER) STRICT; INSERT INTO later_feature VALUES (1)');
    raw.pragma('user_version = 999');
    raw.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ reason: 'too_new', message: expect.stringMatching(/het bestand is niet gewijzigd/) }));
    expect(() => openDatabase(file, { check: 'none' })).toThrow(expect.objectContaining({ reason: 'too_new' }));
    expect(sha(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('that is damaged is refused before it is switched to WAL, and left as it was', () => {
    const file = join(tempDir(), 'regie.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.exec('CREATE TABLE t (x INTEGER PRIMARY KEY, y TEXT) STRICT');
    const insert = raw.prepare('INSERT INTO t (y) VALUES (?)');
    raw.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run('x'.repeat(200));
    })();
    raw.close();
    // The first byte of page 3 (a leaf of t) is its page type: an invalid one is damage quick_check finds.
    const bytes = readFileSync(file);
    bytes[2 * 4096] = 0x00;
    writeFileSync(file, bytes);
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ reason: 'corrupt' }));
    expect(sha(file)).toBe(before);
  });
});
