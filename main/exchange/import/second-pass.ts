// The second pass of an import, the one that applies: the file is streamed again, slice by slice, to the
// import's transaction. The transaction is synchronous (no other call on the connection may run in between,
// and a preview is the real import rolled back), so the slices are read, unpacked, hashed and their entries'
// ids computed by a worker thread that runs at most AHEAD slices ahead, and taken here by a blocking wait;
// this thread parses each entry as it applies it. The first pass checked every line of this content, so the
// second does not check them again: it proves the content is the same (its sha256), and until that proof
// at the end nothing is committed. So reading the next slice overlaps applying this one, and memory holds a
// few slices whatever the file's size. Where no worker can start, or the file is small, the first pass keeps
// its decoded slices instead (keptSlices).
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { PlanFileError } from '../format';
import type { DecodedEntry, SliceResult } from '../decode';
import type { EncodedEntry, Entry } from '../../log/entry';
import { sha256Hex } from '../../log/identity';
import { startWorker } from '../decode-pool';
import { FILE_CHANGED } from '../read';
import { scanPlan, type DecodedSlice, type ScannedEntry } from './scan';

/** Slices the worker may have decoded and not yet handed over. */
const AHEAD = 2;
/** A worker that sends nothing for this long is taken for dead (a blocked thread cannot hear its 'exit'). */
const STALL_MS = 300_000;
const POSTED = 0;
const TAKEN = 1;
const STOP = 2;

/** A slice of the second pass: entries parsed in full (ops too), or as the first pass decoded them. */
export interface ApplySlice {
  firstLine: number;
  entries: (EncodedEntry | ScannedEntry)[];
}

export interface SliceSource {
  /** The next slice of the file's entries, in file order; undefined at the end. */
  next(): ApplySlice | undefined;
  /** After the end: the sha256 of the content read this time. */
  digest(): string;
  close(): void;
}

type Message =
  | { slice: { firstLine: number; data: Uint8Array; ends: Uint32Array; ids: string[] } }
  | { end: { digest: string } }
  | { error: string };

/** Whether the second pass streams the file again (a large file) rather than the first keeping its slices. */
export function streamsTwice(fileBytes: number): boolean {
  const setting = process.env.REGIE_DECODE_WORKERS;
  return setting === '1' || (setting !== '0' && fileBytes >= 1024 * 1024);
}

/** The slices the first pass kept (a small file, or no worker). */
export function keptSlices(slices: DecodedSlice[], digest: string): SliceSource {
  let i = 0;
  return {
    next: () => slices[i++],
    digest: () => digest,
    close: () => void slices.splice(0),
  };
}

/**
 * A worker for the second pass, started (and known to run) before the first pass begins; null where none can
 * start. Its stream() is then used once, inside the transaction.
 */
export async function startSecondPass(): Promise<SecondPass | null> {
  let worker: Worker;
  try {
    worker = startWorker();
  } catch {
    return null;
  }
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 60_000);
    worker.once('message', () => resolve(true));
    worker.once('error', () => resolve(false));
    worker.once('exit', () => resolve(false));
    worker.postMessage({ hello: true });
    timer.unref();
  });
  worker.removeAllListeners();
  // Errors after the start are told through the port (or found stalled): a listener keeps them from
  // becoming an uncaught exception.
  worker.on('error', () => undefined);
  if (!ready) {
    void worker.terminate();
    return null;
  }
  worker.unref();
  return new SecondPass(worker);
}

export class SecondPass {
  constructor(private readonly worker: Worker) {}

  stream(path: string, size: number): SliceSource {
    const { port1, port2 } = new MessageChannel();
    const shared = new SharedArrayBuffer(3 * 4);
    const signal = new Int32Array(shared);
    this.worker.postMessage({ stream: { path, size, port: port2, shared } }, [port2]);
    let received = 0;
    let digest: string | undefined;
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
        if (Atomics.wait(signal, POSTED, posted, step) === 'timed-out' && (waited += step) > STALL_MS) {
          throw new Error('the second pass of the import stopped answering');
        }
      }
    };
    return {
      next: () => {
        if (digest !== undefined) return undefined;
        const m = receive();
        if ('end' in m) {
          digest = m.end.digest;
          return undefined;
        }
        // The first pass read the same path without a fault: a fault now means the file changed in between.
        if ('error' in m) throw new PlanFileError(FILE_CHANGED);
        const { firstLine, ends, ids } = m.slice;
        const data = Buffer.from(m.slice.data.buffer, m.slice.data.byteOffset, m.slice.data.byteLength);
        const entries: EncodedEntry[] = [];
        let start = 0;
        for (let i = 0; i < ids.length; i++) {
          const bytes = data.subarray(start, ends[i]);
          start = ends[i]!;
          let entry: Entry;
          try {
            entry = JSON.parse(bytes.toString('utf8')) as Entry;
          } catch {
            throw new PlanFileError(FILE_CHANGED);
          }
          entries.push({ id: ids[i]!, bytes, entry });
        }
        return { firstLine, data, ends, entries };
      },
      digest: () => digest ?? '',
      close: () => {
        Atomics.store(signal, STOP, 1);
        Atomics.notify(signal, TAKEN);
        port1.close();
      },
    };
  }

  close(): void {
    void this.worker.terminate();
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
        const ids = slice.entries.map((e) => e.id);
        const data = new Uint8Array(slice.data.buffer, slice.data.byteOffset, slice.data.byteLength);
        post({ slice: { firstLine: slice.firstLine, data, ends: slice.ends, ids } }, slice.data.byteOffset === 0 && slice.data.byteLength === slice.data.buffer.byteLength ? [slice.data.buffer as ArrayBuffer] : []);
        for (;;) {
          if (Atomics.load(signal, STOP)) throw new Error('stopped');
          const taken = Atomics.load(signal, TAKEN);
          if (Atomics.load(signal, POSTED) - taken < AHEAD) break;
          Atomics.wait(signal, TAKEN, taken, 1000);
        }
      },
      { workers: false, decode: idsOf },
    );
    post({ end: { digest: end.digest } });
  } catch (err) {
    if (!Atomics.load(signal, STOP)) post({ error: (err as Error).message });
  } finally {
    job.port.close();
  }
}

/** The ids of a slice's lines (sha256 of each): all the second pass needs from the worker. */
function idsOf(data: Buffer, ends: Uint32Array): SliceResult {
  const entries = [];
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    entries.push({ id: sha256Hex(data.subarray(start, ends[i])), entry: NO_HEAD, problem: undefined });
    start = ends[i]!;
  }
  return { entries };
}
const NO_HEAD = {} as DecodedEntry['entry'];
