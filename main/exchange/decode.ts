// Decoding the entry lines of a plan file: each line's id (sha256 of its bytes), its head (author, seq,
// prev, hlc, ...) and whether its author may make each of its ops. The same function runs in the decode
// workers (decode-pool.ts) and, for small files or where no worker can start, on the main thread.
import { decodeEntry, type EntryHead } from '../log/entry';
import { checkOp, prepareCreates } from '../log/materialise';

export interface DecodedEntry {
  id: string;
  entry: EntryHead;
  /** Why its author may not make one of its ops, or undefined. */
  problem: string | undefined;
}

/** The slice's ops prepared for applying (prepareCreates): entry i's start in `values`, or -1. */
export interface PreparedSlice {
  values: unknown[];
  at: Int32Array;
}

export type SliceResult = { entries: DecodedEntry[]; prepared?: PreparedSlice } | { failure: { index: number; message: string } };

/**
 * A slice: the lines back to back in `data`, line i ending at ends[i] (exclusive). Stops at the first invalid
 * line. With `prepare`, the ops of entries without a problem are also prepared for applying (an import's
 * second pass, whose worker has time to spare while the importing thread writes).
 */
export function decodeSlice(data: Uint8Array, ends: Uint32Array, prepare = false): SliceResult {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const entries: DecodedEntry[] = [];
  const prepared: PreparedSlice | undefined = prepare ? { values: [], at: new Int32Array(ends.length).fill(-1) } : undefined;
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    try {
      const decoded = decodeEntry(buf.subarray(start, end));
      const { ops, ...head } = decoded.entry;
      // Authority depends on the op and its author only: checked here, while the ops are at hand.
      let problem: string | undefined;
      for (const op of ops) if ((problem = checkOp(decoded.entry, op)) !== undefined) break;
      entries.push({ id: decoded.id, entry: head, problem });
      if (prepared && problem === undefined) {
        const at = prepared.values.length;
        if (prepareCreates(decoded.entry, prepared.values)) prepared.at[i] = at;
      }
    } catch (err) {
      return { failure: { index: i, message: (err as Error).message } };
    }
    start = end;
  }
  return prepared ? { entries, prepared } : { entries };
}
