// Decoding the entry lines of a plan file: each line's id (sha256 of its bytes), its head (author, seq,
// prev, hlc, ...) and whether its author may make each of its ops. The same function runs in the decode
// workers (decode-pool.ts) and, for small files or where no worker can start, on the main thread.
import { decodeEntry, type EntryHead } from '../log/entry';
import { checkOp, preparedDigest, prepareCreates } from '../log/materialise';

export interface DecodedEntry {
  id: string;
  entry: EntryHead;
  /** Why its author may not make one of its ops, or undefined. */
  problem: string | undefined;
}

/**
 * The slice's ops prepared for applying (prepareCreates): entry i's start in `values`, or -1; and, where the
 * decoder had time for them, what each entry's rows add to the state digest (preparedDigest) as four 64-bit
 * words from digests[4i], which cross to the importing thread in one buffer where 500 numbers of 256 bits
 * would each be cloned.
 */
export interface PreparedSlice {
  values: unknown[];
  at: Int32Array;
  digests?: BigUint64Array | undefined;
}

/** Stores entry i's prepared digest as its four words (BigUint64Array keeps each word's low 64 bits). */
function putPreparedDigest(digests: BigUint64Array, i: number, digest: bigint): void {
  const b = 4 * i;
  digests[b] = digest >> 192n;
  digests[b + 1] = digest >> 128n;
  digests[b + 2] = digest >> 64n;
  digests[b + 3] = digest;
}

/** Entry i's prepared digest (see PreparedSlice), or undefined where the decoder left it to the importer. */
export function preparedDigestAt(prepared: PreparedSlice, i: number): bigint | undefined {
  const d = prepared.digests;
  if (!d) return undefined;
  const b = 4 * i;
  return (d[b]! << 192n) | (d[b + 1]! << 128n) | (d[b + 2]! << 64n) | d[b + 3]!;
}

export type SliceResult = { entries: DecodedEntry[]; prepared?: PreparedSlice } | { failure: { index: number; message: string } };

/**
 * A slice: the lines back to back in `data`, line i ending at ends[i] (exclusive). Stops at the first invalid
 * line. With `prepare`, the ops of entries without a problem are also prepared for applying (an import's
 * second pass, whose worker has time to spare while the importing thread writes); 'with digests' adds what
 * their rows add to the state digest.
 */
export function decodeSlice(data: Uint8Array, ends: Uint32Array, prepare: boolean | 'with digests' = false): SliceResult {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const entries: DecodedEntry[] = [];
  const digests = prepare === 'with digests' ? new BigUint64Array(4 * ends.length) : undefined;
  const prepared: PreparedSlice | undefined = prepare ? { values: [], at: new Int32Array(ends.length).fill(-1), digests } : undefined;
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    try {
      const decoded = decodeEntry(buf.subarray(start, end));
      const e = decoded.entry;
      // The head as a literal: a rest pattern ({ ops, ...head }) copies through a slow runtime path.
      const head: EntryHead = { author: e.author, gemeente: e.gemeente, hlc: e.hlc, prev: e.prev, seq: e.seq, v: e.v };
      // Authority depends on the op and its author only: checked here, while the ops are at hand.
      let problem: string | undefined;
      for (const op of e.ops) if ((problem = checkOp(e, op)) !== undefined) break;
      entries.push({ id: decoded.id, entry: head, problem });
      if (prepared && problem === undefined) {
        const at = prepared.values.length;
        if (prepareCreates(decoded.entry, prepared.values)) {
          prepared.at[i] = at;
          if (digests) putPreparedDigest(digests, i, preparedDigest(prepared.values, at));
        }
      }
    } catch (err) {
      return { failure: { index: i, message: (err as Error).message } };
    }
    start = end;
  }
  return prepared ? { entries, prepared } : { entries };
}
