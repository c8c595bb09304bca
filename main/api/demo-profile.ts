// The voorbeeldregio (demo) as a profile of its own: <dataDir>/demo/regie.db with its own identity, chosen by
// <dataDir>/profile.json. Every change is a signed entry that partners may receive and nothing is ever
// deleted, so demo data must never share a database with real data; removing the demo is one folder.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyedError } from '../../shared/i18n/error-messages';
import { findGemeente } from '../../shared/domain/gemeenten';
import { createIdentity, type LocalIdentity } from '../log/log';
import type { AppContext } from './context';
import { writeDemoPlan, type DemoPlanSummary } from './demo-plan';

export type Profile = 'demo' | 'real';

export const DEMO_DIR = 'demo';
export const PROFILE_FILE = 'profile.json';
const DB_FILE = 'regie.db';

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

function writeProfile(dataDir: string, active: Profile): void {
  const file = join(dataDir, PROFILE_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify({ active }) + '\n');
  renameSync(`${file}.tmp`, file);
}

/** The device label of the demo identity: unmistakably a demo wherever a partner might see it. */
export function demoDeviceLabel(gemeente: string, deviceLabel: string): string {
  return `Demo ${findGemeente(gemeente)?.name ?? gemeente} (${deviceLabel.trim()})`.slice(0, 60);
}

/**
 * Creates the voorbeeldregio and switches to it. It is built completely in its own folder first and only
 * then chosen in profile.json, so a failure halfway leaves the real installation as it was.
 */
export function startDemo(ctx: AppContext, gemeente: string, deviceLabel: string, now = new Date()): DemoPlanSummary {
  if (ctx.demo) throw keyedError('refused', 'demo.already_open');
  if (!findGemeente(gemeente)) {
    throw keyedError('invalid_argument', 'gemeente.unknown', { code: gemeente }, [{ path: 'gemeente', key: 'gemeente.unknown' }]);
  }
  if (ctx.identity()) {
    throw keyedError('already_initialised', 'demo.after_setup');
  }
  const dir = demoDir(ctx.dataDir);
  // What a crashed earlier attempt may have left: never chosen in profile.json, so never opened.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let summary: DemoPlanSummary;
  try {
    const db = ctx.openFile(join(dir, DB_FILE));
    try {
      const me: LocalIdentity = createIdentity(db, gemeente, demoDeviceLabel(gemeente, deviceLabel), now);
      summary = writeDemoPlan(db, me, now);
    } finally {
      db.close();
    }
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  writeProfile(ctx.dataDir, 'demo');
  ctx.reopen();
  return summary;
}

/**
 * Removes the voorbeeldregio in one step and goes back to the real database (the first run, when it has no
 * identity yet). profile.json goes first: should removing the folder fail, Regie still opens the real data.
 */
export function endDemo(ctx: AppContext): { removed: string } {
  if (!ctx.demo) throw keyedError('refused', 'demo.none_open');
  const dir = demoDir(ctx.dataDir);
  ctx.close();
  rmSync(join(ctx.dataDir, PROFILE_FILE), { force: true });
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } finally {
    ctx.reopen();
  }
  return { removed: dir };
}

/** The steps the demo refuses; their words are in shared/i18n/error-messages (demo.export, demo.backup). */
type DemoRefusal = 'export' | 'backup';

/** Refuses a step that must not happen with demo data: a plan file for partners, or a backup. */
export function refuseInDemo(ctx: AppContext, what: DemoRefusal): void {
  if (ctx.demo) throw keyedError('refused', what === 'export' ? 'demo.export' : 'demo.backup');
}
