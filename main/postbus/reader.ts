// Incoming postbus files: each complete file is copied out of the shared folder (never following a link,
// never opening a pipe), checked with the same preview as a file the user chooses, and then applied (a
// partner with "automatisch inlezen" and nothing that needs a person), kept waiting for the user, or refused
// with the reason. One file's problem never stops the others.
import type { PostbusFileSummary } from '../../shared/api/postbus';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import type { LocalIdentity } from '../log/log';
import { previewImport } from '../exchange/service';
import { LIMITS } from '../exchange/format';
import { ApiError } from '../../shared/api/errors';
import { gemeenteName } from '../../shared/domain/gemeenten';
import type { ImportPreview } from '../../shared/api/exchange';
import { decide, type Observed } from './scan';
import { autoGemeenten, dropIn, inRows, log, outRows, putIn, sawPartner, trustEpoch, type InRow, type InState } from './store';
import { plural } from '../../shared/i18n/plural';

export interface ReadOptions {
  now: Date;
  /** Where files are copied to be read, and where files waiting for the user are kept (in the data folder). */
  stagingDir: string;
  settleMs: number;
  giveUpMs: number;
  /** Reading many files takes a while: told before each file. */
  onProgress?: (p: { name: string; done: number; total: number }) => void;
  /** Applies a verified file (the app: large ones in the background, background-import.ts); else here. */
  apply?: ApplyFile;
}

export type ApplyFile = (path: string, about: { name: string; total: number }) => Promise<ImportPreview>;

export interface ReadOutcome {
  name: string;
  state: InState;
  reason: string | null;
  gemeente: string | null;
  entries: number;
}

export interface ReadReport {
  outcomes: ReadOutcome[];
  /** Names still being written: looked at again next time. */
  changing: string[];
  ownCopies: string[];
}

/** What the summary of an applied or waiting file keeps: enough for Meldingen and the waiting list. */
export type FileSummary = PostbusFileSummary;

function summaryOf(p: ImportPreview): FileSummary {
  return {
    sender: p.sender.gemeente,
    created: p.created,
    entries: p.entries.new,
    perGemeente: p.perGemeente.filter((g) => g.created + g.changed > 0).map((g) => ({ gemeente: g.gemeente, created: g.created, changed: g.changed })),
    conflicts: p.conflicts.length,
    violations: p.violations.length,
    held: p.held.length,
    rejected: p.rejected.length,
  };
}

/** Why a file needs the user, or undefined when it may be applied without asking. */
export function needsUser(p: ImportPreview, auto: boolean): string | undefined {
  const reasons: string[] = [];
  if (p.conflicts.length) reasons.push(plural('nl', p.conflicts.length, { one: 'nieuw conflict', other: 'nieuwe conflicten' }));
  if (p.violations.length) reasons.push(`${plural('nl', p.violations.length, { one: 'overtreding', other: 'overtredingen' })} van de planningsregels`);
  if (p.held.length) reasons.push('wijzigingen van apparaten die u nog niet vertrouwt');
  if (p.rejected.length) reasons.push(plural('nl', p.rejected.length, { one: 'geweigerde wijziging', other: 'geweigerde wijzigingen' }));
  if (!auto) reasons.push(`automatisch inlezen staat uit voor ${gemeenteName(p.sender.gemeente)}`);
  return reasons.length ? `Wacht op u: ${reasons.join('; ')}.` : undefined;
}

async function observe(dir: string, name: string): Promise<Observed | undefined> {
  try {
    const s = await lstat(join(dir, name));
    const kind = s.isSymbolicLink() ? 'symlink' : s.isDirectory() ? 'directory' : s.isFile() ? 'file' : 'other';
    return { name, kind, size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return undefined; // Gone between listing and looking.
  }
}

class Changed extends Error {}

/** Applied files listed in Meldingen after their writer removed them from the folder. */
const KEEP_APPLIED = 50;

/**
 * Copies a file out of the postbus without following a link or blocking on a pipe, and only if it stays the
 * same while it is copied. The copy is what is checked and applied: the sync engine cannot change it midway.
 */
async function stage(dir: string, o: Observed, stagingDir: string): Promise<string> {
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  const fh = await open(join(dir, o.name), flags);
  const target = join(stagingDir, `${randomBytes(16).toString('hex')}.regie`);
  try {
    const before = await fh.stat();
    if (!before.isFile()) throw new ApiError('bad_file', 'Geen gewoon bestand: niet geopend.');
    if (before.size !== o.size || before.mtimeMs !== o.mtimeMs) throw new Changed();
    if (before.size > LIMITS.maxFileBytes) throw new ApiError('bad_file', `Groter dan ${Math.round(LIMITS.maxFileBytes / 1024 / 1024)} MB: geen planbestand.`);
    const out = await open(target, 'wx', 0o600);
    try {
      const buffer = Buffer.allocUnsafe(256 * 1024);
      let position = 0;
      for (;;) {
        const { bytesRead } = await fh.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) break;
        position += bytesRead;
        if (position > LIMITS.maxFileBytes) throw new ApiError('bad_file', 'Het bestand groeit nog: later opnieuw.');
        await out.write(buffer, 0, bytesRead);
      }
    } finally {
      await out.close();
    }
    const after = await fh.stat();
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw new Changed();
    return target;
  } catch (err) {
    await rm(target, { force: true });
    throw err;
  } finally {
    await fh.close();
  }
}

/** The same file again, or an older one of the same sender: the importer says so with its own error code. */
const isReplay = (err: ApiError) => err.code === 'already_imported';
const forOthers = (message: string) => /andere ontvangers/.test(message);

/** Reads every complete file of the postbus that was not decided yet. */
export async function readFiles(db: Db, me: LocalIdentity, dir: string, options: ReadOptions): Promise<ReadReport> {
  const now = options.now;
  const at = now.toISOString();
  const readDir = join(options.stagingDir, 'lezen');
  const waitDir = join(options.stagingDir, 'wachtend');
  await mkdir(readDir, { recursive: true });
  await mkdir(waitDir, { recursive: true });
  const names = await readdir(dir);
  const known = inRows(db);
  const epoch = trustEpoch(db);
  const auto = autoGemeenten(db);
  const ctx = { now: now.getTime(), settleMs: options.settleMs, giveUpMs: options.giveUpMs, gemeente: me.gemeente, ownNames: new Set(outRows(db).map((r) => r.name)), trustEpoch: epoch };
  const report: ReadReport = { outcomes: [], changing: [], ownCopies: [] };

  // Rows of files that left the folder (removed by their writer) are forgotten, with their waiting copies;
  // the newest applied ones stay, for Meldingen.
  const present = new Set(names);
  const keptApplied = new Set(
    [...known.values()]
      .filter((r) => r.state === 'applied')
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, KEEP_APPLIED)
      .map((r) => r.name),
  );
  const gone = [...known.values()].filter((row) => !present.has(row.name) && !keptApplied.has(row.name));
  for (const row of gone) if (row.staged) await rm(row.staged, { force: true });
  if (gone.length) db.transaction(() => gone.forEach((row) => dropIn(db, row.name)))();
  settleUserImports(db, now);

  const toRead: Observed[] = [];
  // Looked at side by side (the thread pool does several at once): on a busy machine or a network drive each
  // look waits its turn, and one after the other a folder of hundreds of files took seconds.
  const looks = await Promise.all(names.sort().map((name) => observe(dir, name)));
  for (const o of looks) {
    if (!o) continue;
    const name = o.name;
    const prior = known.get(name);
    const d = decide(o, prior, ctx);
    const base = { name, size: o.size, mtime: o.mtimeMs, firstSeen: prior?.firstSeen ?? at, fileId: null, gemeente: null, staged: null, summary: null, trustEpoch: epoch, at };
    switch (d.action) {
      case 'skip':
      case 'own':
      case 'keep':
        break;
      case 'own-copy':
        report.ownCopies.push(name);
        break;
      case 'wait': {
        const same = prior && prior.size === o.size && prior.mtime === o.mtimeMs && prior.state === 'changing';
        const reason = d.stale ? 'never' : null;
        if (d.stale && prior?.reason !== 'never') log(db, 'ignored', name, 'Dit bestand wordt niet compleet (het verandert nog steeds): overgeslagen tot het klaar is.', now);
        putIn(db, { ...base, state: 'changing', reason, at: same ? prior.at : at });
        report.changing.push(name);
        break;
      }
      case 'refuse':
      case 'ignore': {
        const state = d.action === 'refuse' ? 'refused' : 'ignored';
        // Said once: a link or pipe that stays in the folder is not reported again every round.
        if (prior?.reason === d.reason && prior.size === o.size && prior.mtime === o.mtimeMs) break;
        log(db, state, name, d.reason, now);
        putIn(db, { ...base, state, reason: d.reason });
        report.outcomes.push({ name, state, reason: d.reason, gemeente: null, entries: 0 });
        break;
      }
      case 'read':
        toRead.push(o);
        break;
    }
  }

  for (const [i, o] of toRead.entries()) {
    options.onProgress?.({ name: o.name, done: i, total: toRead.length });
    const prior = known.get(o.name);
    const outcome = await readOne(db, me, dir, o, prior, { at, now, epoch, auto, readDir, waitDir, apply: options.apply ?? ((path) => previewImport(db, me, path, true)) });
    if (outcome.state === 'changing') report.changing.push(o.name);
    else report.outcomes.push(outcome);
  }
  return report;
}

interface OneContext {
  at: string;
  now: Date;
  epoch: number;
  auto: Set<string>;
  readDir: string;
  waitDir: string;
  apply: ApplyFile;
}

async function readOne(db: Db, me: LocalIdentity, dir: string, o: Observed, prior: InRow | undefined, c: OneContext): Promise<ReadOutcome> {
  const row: InRow = {
    name: o.name,
    size: o.size,
    mtime: o.mtimeMs,
    firstSeen: prior?.firstSeen ?? c.at,
    state: 'refused',
    reason: null,
    fileId: null,
    gemeente: null,
    staged: null,
    summary: null,
    trustEpoch: c.epoch,
    at: c.at,
  };
  const finish = (state: InState, reason: string | null, kind?: 'refused' | 'ignored' | 'applied' | 'waiting'): ReadOutcome => {
    // One transaction (one write to disk) for what is recorded about the file.
    db.transaction(() => {
      if (row.gemeente) sawPartner(db, row.gemeente, c.now);
      putIn(db, { ...row, state, reason });
      if (kind && reason) log(db, kind, o.name, reason, c.now);
    })();
    return { name: o.name, state, reason, gemeente: row.gemeente, entries: row.summary ? (JSON.parse(row.summary) as FileSummary).entries : 0 };
  };
  let staged: string;
  try {
    staged = await stage(dir, o, c.readDir);
  } catch (err) {
    if (err instanceof Changed || (err as NodeJS.ErrnoException).code === 'ENOENT') return finish('changing', null);
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') return finish('refused', 'Een snelkoppeling (symbolische link), geen bestand: niet gevolgd.', 'refused');
    if (err instanceof ApiError) return finish('refused', err.message, 'refused');
    return finish('refused', `Kon niet worden gelezen (${(err as Error).message}); wordt later opnieuw geprobeerd als het bestand verandert.`, 'refused');
  }
  try {
    let preview: ImportPreview;
    try {
      preview = await previewImport(db, me, staged, false);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (isReplay(err)) return finish('duplicate', 'Al gelezen (een kopie of een ouder bestand): verandert niets.', 'ignored');
      if (forOthers(err.message)) return finish('ignored', 'Versleuteld voor andere gemeenten: niet voor ons.', 'ignored');
      return finish('refused', err.message, 'refused');
    }
    row.fileId = preview.fileId;
    row.gemeente = preview.sender.gemeente;
    row.summary = JSON.stringify(summaryOf(preview));
    if (!preview.to.includes(me.gemeente)) {
      return finish('ignored', `Voor ${preview.to.map(gemeenteName).join(', ')}, niet voor ons: niet ingelezen.`, 'ignored');
    }
    const nothingNew = preview.entries.new === 0 && preview.held.length === 0 && preview.parked.length === 0 && preview.rejected.length === 0;
    const wait = nothingNew ? undefined : needsUser(preview, c.auto.has(preview.sender.gemeente));
    if (wait) {
      const keep = join(c.waitDir, `${randomBytes(16).toString('hex')}.regie`);
      await rename(staged, keep);
      row.staged = keep;
      return finish('waiting', wait, 'waiting');
    }
    try {
      const applied = await c.apply(staged, { name: o.name, total: preview.entries.new });
      row.summary = JSON.stringify(summaryOf(applied));
    } catch (err) {
      if (err instanceof ApiError && isReplay(err)) return finish('duplicate', 'Al gelezen: verandert niets.', 'ignored');
      if (err instanceof ApiError) return finish('refused', err.message, 'refused');
      throw err;
    }
    if (nothingNew) return finish('ack', null);
    return finish('applied', `Automatisch ingelezen van ${gemeenteName(preview.sender.gemeente)}: ${plural('nl', preview.entries.new, { one: 'wijziging', other: 'wijzigingen' })}.`, 'applied');
  } finally {
    await rm(staged, { force: true });
  }
}

/** Files that waited for the user and were then imported by the user (from Uitwisselen) are done. */
export function settleUserImports(db: Db, now: Date): void {
  const imported = stmt(db, "SELECT 1 FROM plan_files WHERE file_id = ? AND direction = 'in'");
  for (const row of inRows(db).values()) {
    if (row.state !== 'waiting' || row.fileId === null || !imported.get(row.fileId)) continue;
    if (row.staged) void rm(row.staged, { force: true });
    putIn(db, { ...row, state: 'applied', reason: 'Door u ingelezen.', staged: null, at: now.toISOString() });
  }
}
