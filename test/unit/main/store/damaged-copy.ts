// A set-up copy with some thousands of rows, and damage to it, for the tests of the whole-file check
// (background-check.test.ts, check-before-writing.test.ts).
import { expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppContext } from '../../../../main/session/context';
import { dispatch } from '../../../../main/api/dispatch';
import { tempDir } from '../../helpers';

/** A set-up copy with some thousands of rows, closed; returns its folder. */
export async function copyWithRows(): Promise<string> {
  const dir = tempDir();
  const first = new AppContext(dir, 'cli', 'test');
  expect((await dispatch(first, 'setup.init', { gemeente: 'GM0473', deviceLabel: 'Laptop' })).ok).toBe(true);
  const fill = first.db().prepare('INSERT INTO officer_private (officer_id, phone, boa_number, notes) VALUES (?, ?, ?, ?)');
  first.db().transaction(() => {
    for (let i = 0; i < 3000; i++) fill.run(`GM0473.of.${String(i).padStart(16, 'a')}`, '06-12345678', `BOA-${i}`, 'x'.repeat(200));
  })();
  first.close();
  return dir;
}

/**
 * Garbage over three leaf pages of officer_private (the rows copyWithRows added): the header, the schema and
 * every table a first call reads stay readable. Returns the damaged bytes.
 */
export function damage(dir: string): Buffer {
  const file = join(dir, 'regie.db');
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaves = db.prepare("SELECT pageno FROM dbstat WHERE name = 'officer_private' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
  db.close();
  const bytes = readFileSync(file);
  const first = leaves[Math.floor(leaves.length / 2)]!;
  for (const page of [first, first + 1, first + 2]) expect(leaves).toContain(page);
  bytes.fill(0x5a, (first - 1) * pageSize, (first + 2) * pageSize);
  writeFileSync(file, bytes);
  return bytes;
}
