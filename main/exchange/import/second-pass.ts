// The second pass of an import, the one that applies. The first pass (sender.ts) proved that a trusted
// sender signed exactly this content; the second streams it again, slice by slice, into the import's one
// transaction. The transaction is synchronous (no other call on the connection may run in between, and a
// preview is the real import rolled back), so a worker thread reads, unpacks, hashes and decodes the file at
// most AHEAD slices ahead, and this thread takes each slice by a blocking wait while it verifies the chains
// and applies. Nothing is committed before the whole content proved to be what the sender signed (its
// sha256), every chain and checkpoint checked out, and every line was valid; anything else rolls it all back.
// So decoding the next slice overlaps applying this one, and memory holds a few slices whatever the size.
//
// Where no worker can start, or the file is small, or the stream found a fault (then to tell exactly what is
// wrong), the file is read and checked first, its decoded slices kept, and applied from those (keptSlices).
import { isMainThread, MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { PlanFileError, type SignedCheckpoint } from '../format';
import { decodeSlice, packEntries, unpackEntries, type PackedEntries, type PreparedSlice } from '../decode';
import { detach, parkWorker, startWorker, takeParked } from '../workers';
import { FILE_CHANGED } from '../read';
import { entriesOf, scanPlan, type DecodedSlice } from './scan';

/**
 * Slices the worker may have decoded and not yet handed over (at most 10,000 entries, some 7 MB): enough to
 * cover the first pass, during which the worker already decodes (a region's first pass takes about as long as
 * decoding 20 slices).
 */
const AHEAD = 20;
/** From how many slices waiting for the importer on the decoder computes the rows' digests too (see serveSecondPass). */
const DIGESTS_WHEN_AHEAD = 2;
/** A worker that sends nothing for this long is taken for dead (a blocked thread cannot hear its 'exit'). */
const STALL_MS = 300_000;
const POSTED = 0;
const TAKEN = 1;
const STOP = 2;

/** What the stream read besides the entries, at its end. */
export interface StreamEnd {
  digest: string;
  checkpoints: SignedCheckpoint[];
}

export interface SliceSource {
  /** The next slice of the file's entries, in file order; undefined at the end. Throws StreamFault. */
  next(): DecodedSlice | undefined;
  /** After the end. */
  end(): StreamEnd;
  close(): void;
}

/** The streamed pass stopped on something in the file (or its worker stopped): read it first to tell what. */
export class StreamFault extends Error {}

type Message = { slice: { firstLine: number; data: Uint8Array; ends: Uint32Array; entries: PackedEntries; prepared?: PreparedSlice } } | { end: StreamEnd } | { error: string };

/** Whether a file is applied while it is streamed (a large file) rather than read first and kept. */
export function streamsTwice(fileBytes: number): boolean {
  const setting = process.env.REGIE_DECODE_WORKERS;
  return setting === '1' || (setting !== '0' && fileBytes >= 1024 * 1024);
}

/** The slices a first pass kept. */
export function keptSlices(slices: DecodedSlice[], end: StreamEnd): SliceSource {
  let i = 0;
  return {
    next: () => slices[i++],
    end: () => end,
    close: () => void slices.splice(0),
  };
}

/** A decode worker the thread that started this one started ahead, for the next startSecondPass() here. */
let handedOver: Promise<MessagePort | null> | undefined;

/**
 * The next startSecondPass() on this thread uses the decode worker behind the port this promise brings (started
 * by another thread, see startAhead), or starts one itself when it brings null.
 */
export function useStartedWorker(port: Promise<MessagePort | null>): void {
  handedOver = port;
}

/** Forgets a handed-over decode worker no second pass used (its port is closed; the thread that started it ends or parks it). */
export function dropStartedWorker(): void {
  const port = handedOver;
  handedOver = undefined;
  void port?.then((p) => p?.close());
}

/**
 * On the thread that starts an import worker: a decode worker beside it, parked (workers.ts) or started at once
 * (each takes about 150 ms to load, so the second pass can start that much earlier), handed over through a port
 * once it answers, or null when it cannot start. stop() ends it when the import is done (after a large import
 * a worker is not kept: its heap is large).
 */
export function startAhead(): { port: Promise<MessagePort | null>; stop(): void } | undefined {
  let worker: Worker;
  const warm = takeParked();
  try {
    worker = warm ?? startWorker();
  } catch {
    return undefined;
  }
  if (warm) keepQuiet(warm);
  const port = (warm ? Promise.resolve(true) : runs(worker)).then((ready) => {
    if (!ready) return null;
    const { port1, port2 } = new MessageChannel();
    worker.postMessage({ control: port2 }, [port2]);
    return port1;
  });
  return { port, stop: () => void worker.terminate() };
}

/** A running worker's later errors are told through its ports (or found stalled): this keeps them from becoming an uncaught exception. */
function keepQuiet(worker: Worker): void {
  worker.on('error', () => undefined);
}

/**
 * Says hello and waits for the answer: whether the worker runs. One that does not is ended; one that does is
 * unreferenced, and its later errors are told through its ports (or found stalled).
 */
function runs(worker: Worker): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 60_000);
    timer.unref();
    worker.once('message', () => resolve(true));
    worker.once('error', () => resolve(false));
    worker.once('exit', () => resolve(false));
    worker.postMessage({ hello: true });
  }).then((ready) => {
    detach(worker);
    keepQuiet(worker);
    if (ready) worker.unref();
    else void worker.terminate();
    return ready;
  });
}

/**
 * A worker for the second pass, taken parked or started (and known to run) before anything else; null where
 * none can start. Its stream() is then used once, inside the transaction. A worker another thread started
 * ahead is used when there is one (useStartedWorker); when that one could not start, one is started here.
 */
export async function startSecondPass(): Promise<SecondPass | null> {
  const ahead = handedOver;
  handedOver = undefined;
  const port = ahead ? await ahead : null;
  if (port) return new SecondPass(port, () => port.close());
  // Parked for a next job on the main thread only (a worker's own workers end with it).
  const release = (worker: Worker) => (clean: boolean) => (clean && isMainThread ? parkWorker(worker) : void worker.terminate());
  const warm = isMainThread ? takeParked() : undefined;
  if (warm) {
    keepQuiet(warm);
    warm.unref();
    return new SecondPass(warm, release(warm));
  }
  let worker: Worker;
  try {
    worker = startWorker();
  } catch {
    return null;
  }
  return (await runs(worker)) ? new SecondPass(worker, release(worker)) : null;
}

export class SecondPass {
  /** Whether the stream was read to its end (then the worker is done with it and may take another job). */
  private clean = false;

  constructor(
    private readonly worker: Worker | MessagePort,
    private readonly release: (clean: boolean) => void,
  ) {}

  stream(path: string, size: number): SliceSource {
    const { port1, port2 } = new MessageChannel();
    const shared = new SharedArrayBuffer(3 * 4);
    const signal = new Int32Array(shared);
    this.worker.postMessage({ stream: { path, size, port: port2, shared } }, [port2]);
    let received = 0;
    let end: StreamEnd | undefined;
    const receive = (): Message => {
      let waited = 0;
      for (;;) {
        const m = receiveMessageOnPort(port1);
        if (m) {
          received++;
          Atomics.store(signal, TAKEN, received);
          Atomics.notify(signal, TAKEN);
          return m.message as Message;
        }
        const posted = Atomics.load(signal, POSTED);
        const step = posted > received ? 1 : 250;
        if (Atomics.wait(signal, POSTED, posted, step) === 'timed-out' && (waited += step) > STALL_MS) throw new StreamFault('the import stream stopped answering');
      }
    };
    return {
      next: () => {
        if (end) return undefined;
        const m = receive();
        if ('end' in m) {
          end = m.end;
          this.clean = true;
          return undefined;
        }
        if ('error' in m) throw new StreamFault(m.error);
        const { firstLine, ends, entries, prepared } = m.slice;
        const data = Buffer.from(m.slice.data.buffer, m.slice.data.byteOffset, m.slice.data.byteLength);
        return { firstLine, data, ends, entries: entriesOf(data, ends, unpackEntries(entries), prepared) };
      },
      end: () => {
        if (!end) throw new PlanFileError(FILE_CHANGED);
        return end;
      },
      close: () => {
        Atomics.store(signal, STOP, 1);
        Atomics.notify(signal, TAKEN);
        port1.close();
      },
    };
  }

  close(): void {
    this.release(this.clean);
  }
}

/** In the worker: streams the file, posting each decoded slice and waiting while AHEAD are not yet taken. */
export async function serveSecondPass(job: { path: string; size: number; port: MessagePort; shared: SharedArrayBuffer }): Promise<void> {
  const signal = new Int32Array(job.shared);
  const post = (m: Message, transfer: ArrayBuffer[] = []) => {
    job.port.postMessage(m, transfer);
    Atomics.add(signal, POSTED, 1);
    Atomics.notify(signal, POSTED);
  };
  try {
    const end = await scanPlan(
      job.path,
      job.size,
      (slice) => {
        const entries = packEntries(slice.entries);
        const data = new Uint8Array(slice.data.buffer, slice.data.byteOffset, slice.data.byteLength);
        const whole = slice.data.byteOffset === 0 && slice.data.byteLength === slice.data.buffer.byteLength;
        const prepared = slice.prepared;
        post({ slice: { firstLine: slice.firstLine, data, ends: slice.ends, entries, ...(prepared ? { prepared } : {}) } }, whole ? [slice.data.buffer as ArrayBuffer] : []);
        for (;;) {
          if (Atomics.load(signal, STOP)) throw new Error('stopped');
          const taken = Atomics.load(signal, TAKEN);
          if (Atomics.load(signal, POSTED) - taken < AHEAD) break;
          Atomics.wait(signal, TAKEN, taken, 1000);
        }
      },
      // The ops are prepared for applying here too, and while the importer has slices waiting (this thread is
      // ahead), also their rows' digests; when it is waiting for this thread, it computes them itself. So the
      // two threads share that work as their pace allows (a region's rows take about 0.2 s to digest).
      { workers: false, decode: (data, ends) => decodeSlice(data, ends, Atomics.load(signal, POSTED) - Atomics.load(signal, TAKEN) >= DIGESTS_WHEN_AHEAD ? 'with digests' : true) },
    );
    post({ end: { digest: end.digest, checkpoints: end.checkpoints } });
  } catch (err) {
    if (!Atomics.load(signal, STOP)) post({ error: (err as Error).message });
  } finally {
    job.port.close();
  }
}
