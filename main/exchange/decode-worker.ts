// A decode worker: decodes slices of entry lines for the plan-file reader, in order, one message per slice;
// or, for an import's second pass, streams a whole file to the importer (import/second-pass.ts).
import { parentPort, type MessagePort } from 'node:worker_threads';
import { decodeSlice } from './decode';
import { serveSecondPass } from './import/second-pass';

type Job = { data: Uint8Array; ends: Uint32Array } | { hello: true } | { stream: { path: string; size: number; port: MessagePort; shared: SharedArrayBuffer } };

parentPort!.on('message', (m: Job) => {
  if ('hello' in m) parentPort!.postMessage({ ready: true });
  else if ('stream' in m) void serveSecondPass(m.stream);
  else parentPort!.postMessage(decodeSlice(m.data, m.ends));
});
