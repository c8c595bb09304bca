// The exchange's worker threads, started from one script (exchange-worker.ts) that does every kind of job:
// decoding slices for a reader (decode-pool.ts), streaming a file's second pass (import/second-pass.ts) and
// applying a large file with a connection of its own (background-import.ts). Starting one costs about 150 ms
// (a thread, and the bundle's code loaded and run); so a worker whose job is done is parked, unreferenced,
// and the next job takes it instead of starting another. A coordinator previews a file and then applies it:
// the import then starts on the threads the preview warmed (a region's import: about 150 ms sooner). A parked
// worker ends after IDLE_MS without work, which frees its memory; it never keeps a finished process alive.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

/**
 * A decode job makes garbage fast (each entry's text, parsed object and canonical check): a young generation of
 * 48 MB collects it in a third of the time 4 MB did, for about the same peak memory of an import. Set by
 * measurement on a region's file: REGIE_WORKER_YOUNG_MB overrides.
 */
const LIMITS = { maxYoungGenerationSizeMb: Number(process.env.REGIE_WORKER_YOUNG_MB ?? 48) };

/** How long a parked worker waits for a next job before it ends (REGIE_WORKER_IDLE_MS overrides; tests). */
function idleMs(): number {
  const set = Number(process.env.REGIE_WORKER_IDLE_MS);
  return process.env.REGIE_WORKER_IDLE_MS && Number.isFinite(set) && set >= 0 ? set : 60_000;
}

/** At most this many workers wait parked (as many as a large file's read uses at once). */
export function workerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

let started = 0;

/** How many workers this thread has started (not taken from the parked ones) so far: for tests. */
export function workersStarted(): number {
  return started;
}

/** A new worker from the script: a bundled one next to this code, or (from source, under tsx or vitest) the TypeScript one. */
export function startWorker(): Worker {
  started++;
  // A worker script named explicitly (REGIE_DECODE_WORKER): a test names a missing one to prove the fallback.
  const named = process.env.REGIE_DECODE_WORKER;
  if (named) return new Worker(pathToFileURL(resolve(named)), { resourceLimits: LIMITS });
  const here = import.meta.url;
  for (const name of ['exchange-worker.mjs', 'exchange-worker.cjs']) {
    const url = new URL(name, here);
    if (existsSync(fileURLToPath(url))) return new Worker(url, { resourceLimits: LIMITS });
  }
  const source = new URL('./exchange-worker.ts', here);
  if (!existsSync(fileURLToPath(source))) throw new Error('no exchange worker script');
  // tsx's ES module entry (require.resolve finds its CommonJS twin, whose register() cannot run in a worker).
  const tsx = pathToFileURL(
    createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source.href)}); });`, { eval: true, resourceLimits: LIMITS });
}

/**
 * Removes the listeners a user of the worker added. Not removeAllListeners(): a Worker listens to its own
 * 'newListener' and 'removeListener' to know when to deliver messages, and would answer no one after it.
 */
export function detach(worker: Worker): void {
  for (const event of ['message', 'messageerror', 'error', 'exit', 'online']) worker.removeAllListeners(event);
}

interface Parked {
  worker: Worker;
  timer: ReturnType<typeof setTimeout>;
}

const parked: Parked[] = [];

/** A parked worker (known to run, its last job done), or undefined when none waits. */
export function takeParked(): Worker | undefined {
  const p = parked.pop();
  if (!p) return undefined;
  clearTimeout(p.timer);
  detach(p.worker);
  return p.worker;
}

/**
 * Keeps a worker whose job is done for the next one: its listeners are removed (the next user adds its own),
 * it is unreferenced, and it ends after idleMs() or when more than workerCount() are parked. Only a worker
 * that answered its job completely may be parked: one stopped halfway may still be busy with it.
 */
export function parkWorker(worker: Worker): void {
  detach(worker);
  worker.unref();
  const entry: Parked = {
    worker,
    timer: setTimeout(() => {
      const i = parked.indexOf(entry);
      if (i >= 0) parked.splice(i, 1);
      void worker.terminate();
    }, idleMs()),
  };
  entry.timer.unref();
  // One that fails or ends while parked is forgotten (and its error is not an uncaught exception).
  const forget = () => {
    const i = parked.indexOf(entry);
    if (i >= 0) {
      parked.splice(i, 1);
      clearTimeout(entry.timer);
    }
  };
  worker.on('error', forget);
  worker.on('exit', forget);
  parked.push(entry);
  while (parked.length > workerCount()) {
    const oldest = parked.shift()!;
    clearTimeout(oldest.timer);
    void oldest.worker.terminate();
  }
}

/** Ends every parked worker (tests; and before a setting such as the worker script changes). */
export function stopParkedWorkers(): void {
  for (const p of parked.splice(0)) {
    clearTimeout(p.timer);
    detach(p.worker);
    p.worker.on('error', () => undefined);
    void p.worker.terminate();
  }
}

/** How many workers wait parked now: for tests. */
export function parkedWorkers(): number {
  return parked.length;
}
