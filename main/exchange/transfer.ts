// Plan files the user handed to Regie in this session, known by an id: the renderer never names a path.
// Browser mode: uploads and downloads live in <dataDir>/transfer/ under random ids. Desktop: a path the user
// chose in a native dialog, opened with the app or dropped on the window is allowed, and only that one.
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { PLAN_FILE_EXTENSION } from '../../shared/api/desktop';
import { LIMITS } from './format';
import { keyedError } from '../../shared/i18n/error-messages';

/** read: a file to verify or import; write: a place to export to (a path chosen in a save dialog). */
export type TransferMode = 'read' | 'write';

export const TRANSFER_DIR = 'transfer';
/** Uploads and downloads left behind (a closed tab, a cancelled preview) are removed after this long. */
export const TRANSFER_MAX_AGE_MS = 24 * 60 * 60 * 1000;

const ID = /^[0-9a-f]{32}$/;

interface Allowed {
  mode: TransferMode;
}

export class UploadTooLarge extends Error {}

/** A file name that is safe in a Content-Disposition header and on every file system, ending in .regie. */
export function safeDownloadName(value: string): string {
  // Letters stay as written (ö, â); anything else that is no digit, "_", "." or "-" becomes "-".
  const base = value
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 120);
  const name = base === '' ? 'planbestand' : base;
  return name.toLowerCase().endsWith(`.${PLAN_FILE_EXTENSION}`) ? name : `${name}.${PLAN_FILE_EXTENSION}`;
}

export class TransferFiles {
  readonly dir: string;
  /** Paths outside the transfer folder the user chose in this session (desktop only). */
  private readonly allowed = new Map<string, Allowed>();
  /** Download names of files in the transfer folder, for Content-Disposition. */
  private readonly names = new Map<string, string>();
  /** Every download name handed out in this session (also of files already fetched), so none repeats. */
  private readonly handedOut = new Set<string>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, TRANSFER_DIR);
  }

  /**
   * Allows a path the user picked (dialog, file association, drop) for this session; its id is its absolute
   * path, which the desktop renderer already knows from the dialog. Nothing else outside the folder is reachable.
   */
  allowPath(path: string, mode: TransferMode): string {
    const absolute = resolve(path);
    // A path chosen in a save dialog may be read back too; a file opened for import is written to only
    // once the user picks it in a save dialog.
    const write = mode === 'write' || this.allowed.get(absolute)?.mode === 'write';
    this.allowed.set(absolute, { mode: write ? 'write' : 'read' });
    return absolute;
  }

  isAllowedPath(path: string, mode: TransferMode): boolean {
    const known = this.allowed.get(resolve(path));
    return known !== undefined && (mode === 'read' || known.mode === 'write');
  }

  /** The path behind an id, or a refusal that changes nothing. */
  path(fileId: string, mode: TransferMode): string {
    if (ID.test(fileId)) {
      if (mode === 'write') throw keyedError('refused', 'transfer.not_writable');
      return join(this.dir, `${fileId}.${PLAN_FILE_EXTENSION}`);
    }
    if (this.isAllowedPath(fileId, mode)) return resolve(fileId);
    throw keyedError('not_found', 'transfer.gone');
  }

  /** An existing file in the transfer folder, for a download or an import; undefined when there is none. */
  async existing(fileId: string): Promise<{ path: string; name: string; bytes: number } | undefined> {
    if (!ID.test(fileId)) return undefined;
    const path = join(this.dir, `${fileId}.${PLAN_FILE_EXTENSION}`);
    try {
      const info = await stat(path);
      if (!info.isFile()) return undefined;
      return { path, name: this.names.get(fileId) ?? `planbestand.${PLAN_FILE_EXTENSION}`, bytes: info.size };
    } catch {
      return undefined;
    }
  }

  /** The name, or with "-2", "-3" … before the extension when this session handed it out already. */
  private uniqueName(name: string): string {
    const dot = name.lastIndexOf('.');
    let next = name;
    for (let i = 2; this.handedOut.has(next); i++) next = `${name.slice(0, dot)}-${i}${name.slice(dot)}`;
    this.handedOut.add(next);
    return next;
  }

  /** A fresh place in the transfer folder for an export that the browser will download. */
  async newDownload(fileName: string): Promise<{ fileId: string; path: string; name: string }> {
    await mkdir(this.dir, { recursive: true });
    const fileId = randomBytes(16).toString('hex');
    const name = this.uniqueName(safeDownloadName(fileName));
    this.names.set(fileId, name);
    return { fileId, path: join(this.dir, `${fileId}.${PLAN_FILE_EXTENSION}`), name };
  }

  /**
   * Streams an upload to disk, never holding it whole in memory, and refuses it beyond the plan-file limit.
   * A refused or broken upload leaves nothing behind.
   */
  async receive(source: Readable, limit = LIMITS.maxFileBytes): Promise<{ fileId: string; bytes: number }> {
    await mkdir(this.dir, { recursive: true });
    const fileId = randomBytes(16).toString('hex');
    const path = join(this.dir, `${fileId}.${PLAN_FILE_EXTENSION}`);
    let bytes = 0;
    const out = createWriteStream(path, { flags: 'wx' });
    try {
      // The source is left open when refused, so the host can still answer it (413) before closing.
      for await (const chunk of source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > limit) throw new UploadTooLarge();
        if (!out.write(chunk)) await once(out, 'drain');
      }
      await new Promise<void>((done, fail) => out.end((err?: Error | null) => (err ? fail(err) : done())));
    } catch (err) {
      // The stream opens its file asynchronously: wait until it is closed, or the removal could run
      // before the open and leave an empty file behind.
      if (!out.closed) await new Promise<void>((done) => out.once('close', () => done()).destroy());
      await rm(path, { force: true });
      throw err;
    }
    return { fileId, bytes };
  }

  /** Removes a file of the transfer folder (after import or download); paths of the user are never removed. */
  async discard(fileId: string): Promise<boolean> {
    if (!ID.test(fileId)) return false;
    this.names.delete(fileId);
    await rm(join(this.dir, `${fileId}.${PLAN_FILE_EXTENSION}`), { force: true });
    return true;
  }

  /** Removes what earlier sessions left behind: files in the transfer folder older than a day. */
  async sweep(now = Date.now(), maxAgeMs = TRANSFER_MAX_AGE_MS): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const path = join(this.dir, name);
      try {
        const info = await stat(path);
        if (info.isFile() && now - info.mtimeMs > maxAgeMs) {
          await rm(path, { force: true });
          removed++;
        }
      } catch {
        // Gone meanwhile, or not ours to read: nothing to clean.
      }
    }
    return removed;
  }
}

const registries = new WeakMap<object, TransferFiles>();

/** The one registry per open data folder (per AppContext), shared by the handlers and the transports. */
export function transfersOf(ctx: { readonly dataDir: string }): TransferFiles {
  let files = registries.get(ctx);
  if (!files) {
    files = new TransferFiles(ctx.dataDir);
    registries.set(ctx, files);
  }
  return files;
}

/**
 * Api methods that take a path are flagged in the contract (`takesPath`, read with `pathUseOf`): over IPC only
 * paths the user chose pass; the loopback host refuses them.
 */
