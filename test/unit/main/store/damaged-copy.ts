// A set-up copy with some thousands of rows, and damage to it, for the tests of the whole-file check
// (background-check.test.ts, check-before-writing.test.ts).
import { expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Garbage over three pages in the middle of the file: the header and the schema stay readable. Returns the damaged bytes. */
export function damage(dir: string): Buffer {
  const file = join(dir, 'regie.db');
  const bytes = readFileSync(file);
  // The page size is in the file's header (bytes 16-17; 1 stands for 65536).
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  const middle = Math.floor(bytes.length / 2 / pageSize) * pageSize;
  bytes.fill(0x5a, middle, middle + 3 * pageSize);
  writeFileSync(file, bytes);
  return bytes;
}
