// Test helpers: fresh data folders with real SQLite files, cleaned up after each test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { AppContext } from '../../main/session/context';

const made: string[] = [];
const contexts: AppContext[] = [];

afterAll(() => {
  for (const c of contexts) c.close();
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'regie-unit-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

export function newContext(dataDir = tempDir(), transport: 'ipc' | 'host' | 'cli' = 'cli'): AppContext {
  const ctx = new AppContext(dataDir, transport, '0.0.0-test');
  contexts.push(ctx);
  return ctx;
}

export const GRAND_PRIX = {
  name: 'Dutch Grand Prix',
  place: 'Circuit Zandvoort / boulevard',
  start: '2027-08-27T08:00',
  end: '2027-08-29T20:00',
  risk: 'C',
} as const;
