// The voorbeeldregio (demo) as a profile of its own (main/session/profile.ts): creating it with the demo plan
// (demo-plan.ts) in its own folder and identity, and removing it in one step.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { keyedError } from '../../shared/i18n/error-messages';
import { findGemeente } from '../../shared/domain/gemeenten';
import { createIdentity, type LocalIdentity } from '../log/log';
import type { AppContext } from '../session/context';
import { DB_FILE, demoDir, PROFILE_FILE, writeProfile } from '../session/profile';
import { writeDemoPlan, type DemoPlanSummary } from './demo-plan';

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
