// The exchange's worker thread (started and parked by workers.ts). One script for every job, so a worker
// whose job is done can take the next of any kind: decoding slices of entry lines for a reader, in order, one
// message per slice; streaming a whole file to an importer (import/second-pass.ts); or applying a large file
// with a connection of its own (import-job.ts).
import { parentPort, type MessagePort } from 'node:worker_threads';
import { decodeSlice, postable } from './decode';
import { serveSecondPass } from './import/second-pass';
import { runJob, type ImportJob } from './import-job';

type Job =
  | { data: Uint8Array; ends: Uint32Array }
  | { hello: true }
  | { stream: { path: string; size: number; port: MessagePort; shared: SharedArrayBuffer } }
  // The thread that started this worker hands it to another (an import worker): its jobs come on this port
  // (second-pass.ts startAhead).
  | { control: MessagePort }
  | { importJob: ImportJob }
  // The decode worker an import job streams through (after an importJob with decodeAhead), or null.
  | { decodePort: MessagePort | null };

/** The import job waiting for its decode worker's port. */
let awaitingPort: ((port: MessagePort | null) => void) | undefined;

function serve(port: MessagePort): (m: Job) => void {
  return (m) => {
    if ('hello' in m) port.postMessage({ ready: true });
    else if ('stream' in m) void serveSecondPass(m.stream);
    else if ('control' in m) m.control.on('message', serve(m.control));
    else if ('importJob' in m) {
      const decodePort = m.importJob.decodeAhead ? new Promise<MessagePort | null>((resolve) => (awaitingPort = resolve)) : undefined;
      void runJob(m.importJob, (message) => port.postMessage(message), decodePort);
    } else if ('decodePort' in m) {
      awaitingPort?.(m.decodePort);
      awaitingPort = undefined;
    } else port.postMessage(postable(decodeSlice(m.data, m.ends)));
  };
}

parentPort!.on('message', serve(parentPort!));
