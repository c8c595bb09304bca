// Every earlier schema version, with data in it, upgrades to the current one without losing anything.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations, migrate } from '../../../../main/store/db';
import { openDatabase } from '../../../../main/log/open';
import { recomputeStateHash, stateHash } from '../../../../main/log/state-hash';
import { tempDir } from '../../helpers';

/** Rows a copy of each schema version could hold, inserted with plain SQL as that version's Regie would. */
const DATA: Record<number, string[]> = {
  1: [
    "INSERT INTO identity VALUES (1, 'GM0473', 'Laptop', 'pub', 'priv', '2026-01-01T00:00:00.000Z')",
    "INSERT INTO authors VALUES ('pub', 'GM0473', 'Laptop', 1, 1, NULL, '2026-01-01', '2026-01-01')",
    "INSERT INTO entries VALUES ('" + 'a'.repeat(64) + "', 'pub', 1, NULL, '0001795660527123:0000', 'GM0473', x'7b7d', 'applied', NULL, '2026-01-01')",
    "INSERT INTO feeds (author, seq, head) VALUES ('pub', 1, '" + 'a'.repeat(64) + "')",
    "INSERT INTO events VALUES ('GM0473.ev.aaaaaaaaaaaaaaaa', 'GM0473', 1, 'Dutch Grand Prix', 'Circuit', '2027-08-27T10:00', '2027-08-29T18:00', 'C', 105000, 'vergund', '{}')",
  ],
  2: [
    "INSERT INTO officers (id, employer, created, name, qualifications, contract_hours, active, stamps) VALUES ('GM0473.of.aaaaaaaaaaaaaaaa', 'GM0473', 1, 'Sanne de Vries', '{}', 36, 1, '{}')",
    "INSERT INTO officer_private VALUES ('GM0473.of.aaaaaaaaaaaaaaaa', '06-1', 'BOA-1', 'notitie')",
    "INSERT INTO shifts VALUES ('GM0473.sh.aaaaaaaaaaaaaaaa', 'GM0473', 1, 'GM0473.ev.aaaaaaaaaaaaaaaa', '2027-08-27T10:00', '2027-08-27T18:00', 'toezicht', 12, 1, '[]', 0, '{}')",
  ],
  3: [
    "INSERT INTO requests VALUES ('GM0473.rq.aaaaaaaaaaaaaaaa', 'GM0473', 1, 'GM0473.sh.aaaaaaaaaaaaaaaa', 'GM0473', NULL, 2, '', 0, NULL, NULL, '{}')",
    "INSERT INTO commitments VALUES ('GM0473.cm.aaaaaaaaaaaaaaaa', 'GM0473', 1, 'GM0473.rq.aaaaaaaaaaaaaaaa', 'GM0473.of.aaaaaaaaaaaaaaaa', 0, '{}', '{}')",
  ],
};

describe('migrations', () => {
  const all = loadMigrations();
  // Migration numbers may have gaps (they are handed out per piece of work): n migrations give schema all[n - 1].
  for (let n = 1; n < all.length; n++) {
    const version = all[n - 1]!.version;
    it(`upgrades a database of schema ${version} with data in it`, () => {
      const file = join(tempDir(), 'regie.db');
      const old = new Database(file);
      migrate(old, all.slice(0, n), file);
      for (let v = 1; v <= version; v++) for (const sql of DATA[v] ?? []) old.prepare(sql).run();
      old.close();

      const db = openDatabase(file);
      expect(db.pragma('user_version', { simple: true })).toBe(all.at(-1)!.version);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT name FROM events').all()).toEqual([{ name: 'Dutch Grand Prix' }]);
      expect(db.prepare('SELECT gemeente FROM identity').get()).toEqual({ gemeente: 'GM0473' });
      if (version >= 2) expect(db.prepare('SELECT boa_number FROM officer_private').get()).toEqual({ boa_number: 'BOA-1' });
      if (version >= 3) expect(db.prepare('SELECT count(*) AS n FROM commitments').get()).toEqual({ n: 1 });
      expect(stateHash(db)).toBe(recomputeStateHash(db));
      db.close();
    });
  }
});
