// The postbus's api methods (spread into main/api/handlers.ts): its state for the screens and the CLI,
// choosing the folder, automatic import per partner, a round now, and a waiting file offered for the preview.
import { importProgress } from '../exchange/background-import';
import { copyFile, mkdir } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Handlers } from '../session/handler-types';
import type { AppContext } from '../session/context';
import { refuseInDemo } from '../session/profile';
import { transfersOf } from '../exchange/transfer';
import { partnerGemeenten } from '../exchange/partners';
import { ApiError } from '../../shared/api/errors';
import { findGemeente, gemeenteName } from '../../shared/domain/gemeenten';
import type { PostbusFileSummary, PostbusMethodName, PostbusRoundResult, PostbusStatus } from '../../shared/api/postbus';
import { folderProblem, runRound, type RoundReport } from './round';
import { existingRunner, postbusRunnerOf, stagingDirOf, timingFrom } from './runner';
import { settleUserImports } from './reader';
import { autoGemeenten, clearSettings, inRow, inRows, logLines, outRows, partnersSeen, readSettings, saveSettings, setAuto } from './store';
import { keyedError } from '../../shared/i18n/error-messages';

const parse = (s: string | null) => (s ? (JSON.parse(s) as PostbusFileSummary) : null);

export function postbusStatus(ctx: AppContext): PostbusStatus {
  const db = ctx.db();
  const settings = readSettings(db);
  const runner = existingRunner(ctx);
  // A long-lived process keeps its postbus going from the moment anyone looks at it.
  if (settings && ctx.transport !== 'cli' && !ctx.demo && ctx.identity()) postbusRunnerOf(ctx).start();
  settleUserImports(db, new Date());
  const rows = [...inRows(db).values()];
  const seen = new Map(partnersSeen(db).map((p) => [p.gemeente, p]));
  const auto = autoGemeenten(db);
  const trusted = partnerGemeenten(db);
  const codes = [...new Set([...trusted, ...seen.keys()])].sort();
  return {
    configured: settings !== undefined,
    dir: settings?.dir ?? null,
    mode: settings?.mode ?? 'partner',
    encrypt: settings?.encrypt ?? false,
    since: settings?.since ?? null,
    lastWritten: settings?.lastWritten ?? null,
    lastRead: settings?.lastRead ?? null,
    error: settings?.error ? { message: settings.error, since: settings.errorSince } : null,
    busy: runner?.busy ?? null,
    running: runner?.active ?? false,
    waiting: rows
      .filter((r) => r.state === 'waiting')
      .map((r) => ({ name: r.name, gemeente: r.gemeente, gemeenteName: r.gemeente ? gemeenteName(r.gemeente) : null, reason: r.reason ?? '', since: r.at, summary: parse(r.summary) })),
    applied: rows
      .filter((r) => r.state === 'applied')
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, 20)
      .map((r) => ({ name: r.name, gemeente: r.gemeente, gemeenteName: r.gemeente ? gemeenteName(r.gemeente) : null, at: r.at, byUser: r.reason === 'Door u ingelezen.', summary: parse(r.summary) })),
    partners: codes.map((g) => ({
      gemeente: g,
      gemeenteName: gemeenteName(g),
      trusted: trusted.includes(g),
      firstSeen: seen.get(g)?.firstSeen ?? null,
      lastSeen: seen.get(g)?.lastSeen ?? null,
      auto: auto.has(g),
    })),
    ownFiles: outRows(db).map((r) => ({ name: r.name, to: r.recipients, created: r.created, entries: r.entries, bytes: r.bytes })),
    log: logLines(db, 30),
  };
}

async function setPostbus(ctx: AppContext, args: { dir: string | null; mode: 'partner' | 'all'; encrypt: boolean }): Promise<PostbusStatus> {
  refuseInDemo(ctx, 'export');
  ctx.me();
  const db = ctx.db();
  if (args.dir === null) {
    clearSettings(db);
    await existingRunner(ctx)?.stop();
    return postbusStatus(ctx);
  }
  if (!isAbsolute(args.dir))
    throw keyedError('invalid_argument', 'postbus.not_absolute', { example: process.platform === 'win32' ? 'S:\\Regie-postbus' : '/mnt/gedeeld/regie-postbus', dir: args.dir });
  const dir = resolve(args.dir);
  const inside = relative(ctx.dataDir, dir);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw keyedError('refused', 'postbus.data_dir');
  }
  const problem = await folderProblem(dir);
  if (problem) throw new ApiError('refused', `${problem} Er is niets gewijzigd.`);
  saveSettings(db, { dir, mode: args.mode, encrypt: args.encrypt }, new Date());
  if (ctx.transport !== 'cli') postbusRunnerOf(ctx).start();
  return postbusStatus(ctx);
}

export function roundResult(r: RoundReport): PostbusRoundResult {
  return {
    written: r.written,
    removed: r.removed,
    read: r.read?.outcomes ?? [],
    changing: r.read?.changing ?? [],
    error: r.error ?? null,
  };
}

async function runNow(ctx: AppContext): Promise<PostbusRoundResult> {
  refuseInDemo(ctx, 'export');
  const runner = ctx.transport === 'cli' ? undefined : postbusRunnerOf(ctx);
  if (runner) return roundResult(await runner.round({ write: true }));
  const timing = timingFrom();
  return roundResult(await runRound(ctx.db(), ctx.me(), { now: new Date(), stagingDir: stagingDirOf(ctx), settleMs: timing.settleMs, giveUpMs: timing.giveUpMs }));
}

/** Puts a copy of a waiting file where the import screen takes offered files, and returns its id. */
async function openWaiting(ctx: AppContext, name: string): Promise<{ fileId: string; fileName: string }> {
  const row = inRow(ctx.db(), name);
  if (!row || row.state !== 'waiting' || !row.staged) throw keyedError('not_found', 'postbus.not_waiting', { name });
  const files = transfersOf(ctx);
  await mkdir(files.dir, { recursive: true });
  const fileId = randomBytes(16).toString('hex');
  await copyFile(row.staged, join(files.dir, `${fileId}.regie`));
  return { fileId, fileName: name };
}

export const postbusHandlers: { [K in PostbusMethodName]: Handlers[K] } = {
  'import.progress': (ctx) => ({ active: importProgress(ctx) }),
  'postbus.status': (ctx) => postbusStatus(ctx),
  'postbus.set': (ctx, args) => setPostbus(ctx, args),
  'postbus.auto': (ctx, { gemeente, on }) => {
    if (!findGemeente(gemeente)) throw keyedError('invalid_argument', 'gemeente.unknown', { code: gemeente });
    if (on && !partnerGemeenten(ctx.db()).includes(gemeente)) {
      throw keyedError('refused', 'postbus.not_partner', { name: gemeenteName(gemeente) });
    }
    setAuto(ctx.db(), gemeente, on, new Date());
    return postbusStatus(ctx);
  },
  'postbus.run': (ctx) => runNow(ctx),
  'postbus.open': (ctx, { name }) => openWaiting(ctx, name),
};
