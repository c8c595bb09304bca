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
 * A slice's decoded entries as they cross between threads: each field of every entry joined into one string
 * (split again on the other side) or one typed array. Posting 500 entries as objects costs their structured
 * clone, field by field: measured on a region's file, 60 ms to post and 87 ms to receive; packed, 3 and 2 ms,
 * and splitting them again a few more. The fields hold no newline (decodeEntry checked their form).
 */
export interface PackedEntries {
  ids: string;
  authors: string;
  gemeentes: string;
  hlcs: string;
  /** '' for none (a first entry). */
  prevs: string;
  seqs: Float64Array;
  versions: Float64Array;
  /** The index and the problem of each entry with one. */
  problems: [number, string][];
}

export function packEntries(entries: readonly DecodedEntry[]): PackedEntries {
  const n = entries.length;
  const ids: string[] = new Array<string>(n);
  const authors: string[] = new Array<string>(n);
  const gemeentes: string[] = new Array<string>(n);
  const hlcs: string[] = new Array<string>(n);
  const prevs: string[] = new Array<string>(n);
  const seqs = new Float64Array(n);
  const versions = new Float64Array(n);
  const problems: [number, string][] = [];
  for (let i = 0; i < n; i++) {
    const { id, entry, problem } = entries[i]!;
    ids[i] = id;
    authors[i] = entry.author;
    gemeentes[i] = entry.gemeente;
    hlcs[i] = entry.hlc;
    prevs[i] = entry.prev ?? '';
    seqs[i] = entry.seq;
    versions[i] = entry.v;
    if (problem !== undefined) problems.push([i, problem]);
  }
  return { ids: ids.join('\n'), authors: authors.join('\n'), gemeentes: gemeentes.join('\n'), hlcs: hlcs.join('\n'), prevs: prevs.join('\n'), seqs, versions, problems };
}

export function unpackEntries(packed: PackedEntries): DecodedEntry[] {
  const n = packed.seqs.length;
  if (n === 0) return [];
  const ids = packed.ids.split('\n');
  const authors = packed.authors.split('\n');
  const gemeentes = packed.gemeentes.split('\n');
  const hlcs = packed.hlcs.split('\n');
  const prevs = packed.prevs.split('\n');
  const entries: DecodedEntry[] = new Array<DecodedEntry>(n);
  for (let i = 0; i < n; i++) {
    const entry = { author: authors[i]!, gemeente: gemeentes[i]!, hlc: hlcs[i]!, prev: prevs[i] || null, seq: packed.seqs[i]!, v: packed.versions[i]! } as EntryHead;
    entries[i] = { id: ids[i]!, entry, problem: undefined };
  }
  for (const [i, problem] of packed.problems) entries[i]!.problem = problem;
  return entries;
}

/** A SliceResult as it is posted from a decode worker (see PackedEntries). */
export type PostedSlice = { packed: PackedEntries; prepared?: PreparedSlice } | { failure: { index: number; message: string } };

export function postable(result: SliceResult): PostedSlice {
  if ('failure' in result) return result;
  return result.prepared ? { packed: packEntries(result.entries), prepared: result.prepared } : { packed: packEntries(result.entries) };
}

export function received(posted: PostedSlice): SliceResult {
  if ('failure' in posted) return posted;
  const entries = unpackEntries(posted.packed);
  return posted.prepared ? { entries, prepared: posted.prepared } : { entries };
}

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
