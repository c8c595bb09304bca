// A decode worker: decodes slices of entry lines for readPlanFile, in order, one message per slice.
import { parentPort } from 'node:worker_threads';
import { decodeSlice } from './decode';

parentPort!.on('message', (m: { data: Uint8Array; ends: Uint32Array }) => {
  parentPort!.postMessage(decodeSlice(m.data, m.ends));
});
