// A decode worker: decodes slices of entry lines for the plan-file reader, in order, one message per slice;
// or, for an import's second pass, streams a whole file to the importer (import/second-pass.ts).
import { parentPort, type MessagePort } from 'node:worker_threads';
import { decodeSlice, postable } from './decode';
import { serveSecondPass } from './import/second-pass';

type Job =
  | { data: Uint8Array; ends: Uint32Array }
  | { hello: true }
  | { stream: { path: string; size: number; port: MessagePort; shared: SharedArrayBuffer } }
  // The thread that started this worker hands it to another (an import worker): its jobs come on this port
  // (second-pass.ts startAhead).
  | { control: MessagePort };

function serve(port: MessagePort): (m: Job) => void {
  return (m) => {
    if ('hello' in m) port.postMessage({ ready: true });
    else if ('stream' in m) void serveSecondPass(m.stream);
    else if ('control' in m) m.control.on('message', serve(m.control));
    else port.postMessage(postable(decodeSlice(m.data, m.ends)));
  };
}

parentPort!.on('message', serve(parentPort!));
