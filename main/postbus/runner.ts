// Keeps the postbus running in a long-lived process (the app, the host, `regie postbus watch`): watches the
// folder (chokidar; polling where file events are unreliable, and a full look every half minute anyway),
// writes a minute after the last change and when the process closes, and never runs two rounds at once.
import { applyPlanFile } from '../exchange/background-import';
import { join } from 'node:path';
import type { FSWatcher } from 'chokidar';
import type { AppContext } from '../session/context';
import { stmt } from '../store/statements';
import { DEFAULT_TIMING, runRound, type RoundReport } from './round';
import { readSettings } from './store';

export interface RunnerTiming {
  /** Quiet time after the last change before files are written. */
  quietMs: number;
  /** How often the runner looks for changes and due work. */
  pollMs: number;
  /** A full look at the folder at least this often, whatever the watcher says. */
  rescanMs: number;
  settleMs: number;
  giveUpMs: number;
}

export function timingFrom(env: NodeJS.ProcessEnv = process.env): RunnerTiming {
  const n = (name: string, fallback: number) => {
    const v = Number(env[name]);
    return Number.isFinite(v) && v >= 0 && env[name] !== undefined && env[name] !== '' ? v : fallback;
  };
  return {
    quietMs: n('REGIE_POSTBUS_QUIET_MS', 60_000),
    pollMs: n('REGIE_POSTBUS_POLL_MS', 2_000),
    rescanMs: n('REGIE_POSTBUS_RESCAN_MS', 30_000),
    settleMs: n('REGIE_POSTBUS_SETTLE_MS', DEFAULT_TIMING.settleMs),
    giveUpMs: DEFAULT_TIMING.giveUpMs,
  };
}

/** Network shares and synced folders, where file events do not arrive reliably: chokidar polls there. */
export function needsPolling(dir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.REGIE_POSTBUS_POLLING === '1') return true;
  return /^(\\\\|\/\/)|^\/(mnt|media|net|Volumes)\/|onedrive|sharepoint|dropbox|google ?drive|syncthing|nextcloud/i.test(dir);
}

export function stagingDirOf(ctx: AppContext): string {
  return join(ctx.dataDir, 'postbus');
}

export class PostbusRunner {
  busy: { name: string; done: number; total: number } | null = null;
  private timer: NodeJS.Timeout | undefined;
  private watcher: FSWatcher | undefined;
  private watched: string | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private running = false;
  private ownSeq = -1;
  private dirty = false;
  private lastChange = 0;
  private lastRead = 0;
  private readSoon = true;

  constructor(
    private readonly ctx: AppContext,
    readonly timing: RunnerTiming = timingFrom(),
    private readonly onError: (err: unknown) => void = (err) => console.error('[regie] postbus:', err),
    private readonly onRound: (report: RoundReport) => void = () => undefined,
  ) {}

  get active(): boolean {
    return this.timer !== undefined;
  }

  start(): void {
    if (this.timer) return;
    // What changed while nothing ran goes out after the same quiet time as any change (and at the latest on close).
    this.changed();
    this.timer = setInterval(() => this.tick(), this.timing.pollMs);
    this.timer.unref();
    this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.closeWatcher();
    // A round under way finishes before the caller may close the store under it.
    await this.chain;
  }

  /** One round now (serialised with the runner's own rounds). */
  round(options: { write?: boolean; force?: boolean } = {}): Promise<RoundReport> {
    const next = this.chain.then(() => this.roundNow(options));
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** When the process closes: what changed since the last file is written now, without waiting for quiet. */
  async flush(): Promise<void> {
    await this.stop();
    const db = this.dbOrUndefined();
    if (!db || !readSettings(db) || !this.ctx.identity()) return;
    await this.round({ write: true });
  }

  private dbOrUndefined() {
    try {
      return this.ctx.demo ? undefined : this.ctx.db();
    } catch {
      return undefined;
    }
  }

  private async roundNow(options: { write?: boolean; force?: boolean }): Promise<RoundReport> {
    // Nothing is read into or written from a store before its whole-file check passed (AppContext).
    await this.ctx.whenChecked();
    const db = this.ctx.db();
    const me = this.ctx.me();
    this.running = true;
    try {
      const report = await runRound(db, me, {
        now: new Date(),
        stagingDir: stagingDirOf(this.ctx),
        settleMs: this.timing.settleMs,
        giveUpMs: this.timing.giveUpMs,
        write: options.write ?? true,
        force: options.force ?? false,
        onProgress: (p) => (this.busy = p),
        // A large file is applied on a worker thread: the app keeps answering, the panel shows its progress.
        apply: (path, about) => applyPlanFile(this.ctx, path, about),
      });
      this.lastRead = Date.now();
      this.onRound(report);
      if (options.write !== false && !report.error) this.dirty = false;
      // Changes read from partners are acknowledged in our next file, after the same quiet time.
      if (report.read?.outcomes.some((o) => o.state === 'applied') || report.heldBack) this.changed();
      if (report.read?.changing.length) this.readSoon = true;
      return report;
    } finally {
      this.busy = null;
      this.running = false;
    }
  }

  private changed(): void {
    this.dirty = true;
    this.lastChange = Date.now();
  }

  private tick(): void {
    if (this.running) return;
    let db;
    try {
      db = this.ctx.db();
    } catch {
      return; // The store is closed or being replaced; the next tick looks again.
    }
    // Until the store's whole-file check passed (it waits for the first answer), the next tick looks again.
    if (this.ctx.demo || !this.ctx.storeChecked || !this.ctx.identity()) return;
    const settings = readSettings(db);
    if (!settings) {
      void this.closeWatcher();
      return;
    }
    this.watch(settings.dir);
    const seq = (stmt(db, 'SELECT seq FROM feeds WHERE author = ?').get(this.ctx.me().publicKey) as { seq: number } | undefined)?.seq ?? 0;
    if (seq !== this.ownSeq) {
      if (this.ownSeq !== -1) this.changed();
      this.ownSeq = seq;
    }
    const now = Date.now();
    const writeDue = this.dirty && now - this.lastChange >= this.timing.quietMs;
    const readDue = this.readSoon || now - this.lastRead >= this.timing.rescanMs || settings.error !== null;
    if (!writeDue && !readDue) return;
    this.readSoon = false;
    this.round({ write: writeDue }).catch(this.onError);
  }

  private watch(dir: string): void {
    if (this.watched === dir) return;
    void this.closeWatcher();
    this.watched = dir;
    // chokidar is loaded when a postbus folder is first watched, not when Regie starts (issue 22).
    void import('chokidar')
      .then(({ watch }) => {
        // Closed or moved to another folder while chokidar loaded: that call set up its own watcher.
        if (this.watched !== dir || this.watcher) return;
        const watcher = watch(dir, {
          depth: 0,
          ignoreInitial: true,
          followSymlinks: false,
          usePolling: needsPolling(dir),
          interval: 2_000,
          ignorePermissionErrors: true,
        });
        const poke = () => (this.readSoon = true);
        watcher.on('add', poke).on('change', poke).on('unlink', poke);
        // An unreachable folder is reported by the next round; the watcher is set up again when it returns.
        watcher.on('error', () => {
          this.readSoon = true;
          void this.closeWatcher();
        });
        this.watcher = watcher;
      })
      .catch(this.onError);
  }

  private async closeWatcher(): Promise<void> {
    const w = this.watcher;
    this.watcher = undefined;
    this.watched = undefined;
    await w?.close().catch(() => undefined);
  }
}

const runners = new WeakMap<AppContext, PostbusRunner>();

/** The runner of a long-lived process; created on first use, started once a postbus is chosen. */
export function postbusRunnerOf(ctx: AppContext): PostbusRunner {
  let r = runners.get(ctx);
  if (!r) {
    r = new PostbusRunner(ctx);
    runners.set(ctx, r);
  }
  return r;
}

export function existingRunner(ctx: AppContext): PostbusRunner | undefined {
  return runners.get(ctx);
}
