// Worker threads that decode a large plan file's entries beside the thread that unpacks and hashes it: on
// two cores, checking a region's 60,000 entries takes about a third less time. Where no worker can start (a
// missing script, a locked-down machine) the same decoding runs on the calling thread: the result is
// identical, only slower. Workers start with a large file (or are taken parked, see workers.ts) and are
// parked again when no file is being read; while they wait for work they are unreferenced, so they never keep
// a finished process alive.
import type { Worker } from 'node:worker_threads';
import { decodeSlice, received, type PostedSlice, type SliceResult } from './decode';
import { parkWorker, startWorker, stopParkedWorkers, takeParked, workerCount } from './workers';

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

  /** Parks the worker for a next job (workers.ts) when it runs and has no job left; stops it otherwise. */
  park(): void {
    if (this.stopped || this.jobs.length > 0) return this.stop();
    this.stopped = true;
    parkWorker(this.worker);
  }
}

let pool: DecodeWorker[] | null | undefined;

function workers(): DecodeWorker[] | null {
  if (pool !== undefined) return pool;
  try {
    const started: DecodeWorker[] = [];
    const broken = () => {
      for (const w of started) w.stop();
      if (pool === started) pool = null;
    };
    for (let i = 0; i < workerCount(); i++) started.push(new DecodeWorker(takeParked() ?? startWorker(), broken));
    pool = started;
  } catch {
    pool = null;
  }
  return pool;
}

let readers = 0;

/**
 * Whether a plan file of this size is decoded in workers (large ones, or any when REGIE_DECODE_WORKERS=1).
 * When it returns true the caller must call releaseWorkers() when done: the workers are parked when no file
 * is being read, for the next job (the import that often follows a check) or to end after a while.
 */
export function acquireWorkers(fileBytes: number): boolean {
  const setting = process.env.REGIE_DECODE_WORKERS;
  if (setting === '0' || (setting !== '1' && fileBytes < 1024 * 1024) || workers() === null) return false;
  readers++;
  return true;
}

export function releaseWorkers(): void {
  if (--readers > 0) return;
  for (const w of pool ?? []) w.park();
  if (pool !== null) pool = undefined;
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

/** Stops the workers, the parked ones too; the next large file starts them again (tests; a changed setting). */
export function stopDecodeWorkers(): void {
  for (const w of pool ?? []) w.stop();
  stopParkedWorkers();
  // Unavailable stays unavailable: no new attempt for every file on a machine where workers cannot start.
  if (pool !== null) pool = undefined;
}
