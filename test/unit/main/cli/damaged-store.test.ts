// The command line checks the database as the app does: no import into a damaged database, and a database
// of a newer Regie is refused and left byte for byte as it was.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cli } from './run-cli';
import { GP, region, ZANDVOORT, HEEMSTEDE } from '../exchange/copies';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('regie import into a database it may not write', () => {
  it('refuses a damaged database with one line, and changes nothing', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    await z.call('events.create', GP);
    const file = await z.exportTo([h]);
    const dbFile = join(h.ctx.dataDir, 'regie.db');
    // Damage a table the import does not read (forks), as a failing disk would: its page type byte.
    const root = (h.ctx.db().prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'forks'").get() as { rootpage: number }).rootpage;
    h.ctx.db().pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = h.ctx.db().pragma('page_size', { simple: true }) as number;
    h.ctx.close();
    const bytes = readFileSync(dbFile);
    bytes[(root - 1) * pageSize] = 0x00;
    writeFileSync(dbFile, bytes);
    const before = sha(dbFile);

    const r = await cli('--data', h.ctx.dataDir, 'import', file, '--yes');
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/De database is beschadigd/);
    expect(sha(dbFile)).toBe(before);
  });

  it('refuses a database of a newer Regie and leaves it as it was', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    const file = await z.exportTo([h]);
    const dbFile = join(h.ctx.dataDir, 'regie.db');
    h.ctx.close();
    const raw = new Database(dbFile);
    raw.pragma('journal_mode = DELETE');
    raw.pragma('user_version = 999');
    raw.close();
    const before = sha(dbFile);
    const r = await cli('--data', h.ctx.dataDir, 'import', file, '--yes');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nieuwere versie van Regie .* het bestand is niet gewijzigd/);
    expect(sha(dbFile)).toBe(before);
  });
});
