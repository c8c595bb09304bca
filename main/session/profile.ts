// Which database this installation opens: the real one, or the voorbeeldregio (demo) in <dataDir>/demo,
// chosen by <dataDir>/profile.json. Every change is a signed entry that partners may receive and nothing is
// ever deleted, so demo data must never share a database with real data; removing the demo is one folder.
// Creating and removing the demo: main/generate/demo-profile.ts.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyedError } from '../../shared/i18n/error-messages';

export type Profile = 'demo' | 'real';

export const DEMO_DIR = 'demo';
export const PROFILE_FILE = 'profile.json';
/** The database file, in the data folder or in its demo folder. */
export const DB_FILE = 'regie.db';

export function demoDir(dataDir: string): string {
  return join(dataDir, DEMO_DIR);
}

/**
 * The profile to open: the demo only when profile.json says so and its database exists. A missing or
 * unreadable profile.json means the real database, so a damaged file can never hide real data.
 */
export function activeProfile(dataDir: string): Profile {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, PROFILE_FILE), 'utf8')) as { active?: unknown };
    return parsed.active === 'demo' && existsSync(join(demoDir(dataDir), DB_FILE)) ? 'demo' : 'real';
  } catch {
    return 'real';
  }
}

export function writeProfile(dataDir: string, active: Profile): void {
  const file = join(dataDir, PROFILE_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify({ active }) + '\n');
  renameSync(`${file}.tmp`, file);
}

/** What refuseInDemo needs of the context: whether the demo is open. */
interface DemoFlag {
  readonly demo: boolean;
}

/** The steps the demo refuses; their words are in shared/i18n/error-messages (demo.export, demo.backup). */
type DemoRefusal = 'export' | 'backup';

/** Refuses a step that must not happen with demo data: a plan file for partners, or a backup. */
export function refuseInDemo(ctx: DemoFlag, what: DemoRefusal): void {
  if (ctx.demo) throw keyedError('refused', what === 'export' ? 'demo.export' : 'demo.backup');
}
