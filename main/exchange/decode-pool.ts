// Worker threads that decode a large plan file's entries beside the thread that unpacks and hashes it: on
// two cores, checking a region's 60,000 entries takes about a third less time. Where no worker can start (a
// missing script, a locked-down machine) the same decoding runs on the calling thread: the result is
// identical, only slower. Workers start with a large file and stop when no file is being read, which frees
// their memory; while they wait for work they are unreferenced, so they never keep a finished process alive.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { decodeSlice, received, type PostedSlice, type SliceResult } from './decode';

interface Job {
  resolve: (r: SliceResult) => void;
  reject: (err: Error) => void;
}

class DecodeWorker {
  private readonly jobs: Job[] = [];
  private stopped = false;
  constructor(
    private readonly worker: Worker,
    private readonly onBroken: () => void,
  ) {
    worker.unref();
    worker.on('message', (r: PostedSlice) => {
      this.jobs.shift()?.resolve(received(r));
      if (this.jobs.length === 0) worker.unref();
    });
    const fail = (err: Error) => {
      if (this.stopped) return;
      this.stopped = true;
      this.onBroken();
      for (const job of this.jobs.splice(0)) job.reject(err);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`decode worker stopped (${code})`)));
  }

  decode(data: Buffer, ends: Uint32Array): Promise<SliceResult> {
    return new Promise((resolve, reject) => {
      this.jobs.push({ resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ data, ends });
    });
  }

  get pending(): number {
    return this.jobs.length;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const job of this.jobs.splice(0)) job.reject(new Error('decode worker stopped'));
    void this.worker.terminate();
  }
}

/**
 * A decode worker holds one slice at a time (about 350 kB) but makes garbage fast (each entry's text, parsed
 * object and canonical check): a young generation of 48 MB collects it in a third of the time 4 MB did, for
 * about the same peak memory of an import. Set by measurement on a region's file: REGIE_WORKER_YOUNG_MB overrides.
 */
const LIMITS = { maxYoungGenerationSizeMb: Number(process.env.REGIE_WORKER_YOUNG_MB ?? 48) };

/** The worker script: a bundled one next to this code, or (from source, under tsx or vitest) the TypeScript one. */
export function startWorker(): Worker {
  // A worker script named explicitly (REGIE_DECODE_WORKER): a test names a missing one to prove the fallback.
  const named = process.env.REGIE_DECODE_WORKER;
  if (named) return new Worker(pathToFileURL(resolve(named)), { resourceLimits: LIMITS });
  const here = import.meta.url;
  for (const name of ['decode-worker.mjs', 'decode-worker.cjs']) {
    const url = new URL(name, here);
    if (existsSync(fileURLToPath(url))) return new Worker(url, { resourceLimits: LIMITS });
  }
  const source = new URL('./decode-worker.ts', here);
  if (!existsSync(fileURLToPath(source))) throw new Error('no decode worker script');
  // tsx's ES module entry (require.resolve finds its CommonJS twin, whose register() cannot run in a worker).
  const tsx = pathToFileURL(
    createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source.href)}); });`, { eval: true });
}

let pool: DecodeWorker[] | null | undefined;

function workers(): DecodeWorker[] | null {
  if (pool !== undefined) return pool;
  try {
    const count = Math.max(1, Math.min(4, availableParallelism()));
    const started: DecodeWorker[] = [];
    const broken = () => {
      for (const w of started) w.stop();
      if (pool === started) pool = null;
    };
    for (let i = 0; i < count; i++) started.push(new DecodeWorker(startWorker(), broken));
    pool = started;
  } catch {
    pool = null;
  }
  return pool;
}

let readers = 0;

/**
 * Whether a plan file of this size is decoded in workers (large ones, or any when REGIE_DECODE_WORKERS=1).
 * When it returns true the caller must call releaseWorkers() when done: the workers stop when no file is
 * being read, so their memory is free again before the file is applied.
 */
export function acquireWorkers(fileBytes: number): boolean {
  const setting = process.env.REGIE_DECODE_WORKERS;
  if (setting === '0' || (setting !== '1' && fileBytes < 1024 * 1024) || workers() === null) return false;
  readers++;
  return true;
}

export function releaseWorkers(): void {
  if (--readers === 0) stopDecodeWorkers();
}

/** Decodes a slice in the least busy worker; on the calling thread if the workers are gone. */
export async function decodeInWorker(data: Buffer, ends: Uint32Array): Promise<SliceResult> {
  const available = workers();
  if (available) {
    const worker = available.reduce((a, b) => (b.pending < a.pending ? b : a));
    try {
      return await worker.decode(data, ends);
    } catch {
      // The worker died (or never started): decode here instead.
    }
  }
  return decodeSlice(data, ends);
}

/** Stops the workers; the next large file starts them again (about 50 ms from the bundled script). */
export function stopDecodeWorkers(): void {
  for (const w of pool ?? []) w.stop();
  // Unavailable stays unavailable: no new attempt for every file on a machine where workers cannot start.
  if (pool !== null) pool = undefined;
}
