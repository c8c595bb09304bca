// Stage "decode": one streamed pass over a plan file's lines, in file order. Header, cards and checkpoints
// are parsed here; entry lines are decoded in slices (in worker threads for a large file, while this thread
// unpacks and hashes the next part) and handed on slice by slice, in file order, so the caller keeps only
// what it needs of them. Used by both passes of an import and by readPlanFile.
import { PlanFileError, checkpointSchema, type PlanHeader, type SignedCard, type SignedCheckpoint } from '../format';
import type { StoredEntry } from '../../log/entry';
import { decodeSlice, preparedDigestAt, type DecodedEntry, type PreparedSlice, type SliceResult } from '../decode';
import { acquireWorkers, decodeInWorker, releaseWorkers } from '../decode-pool';
import { shown } from '../../../shared/text/shown';
import { checkContentEnd, parseAttestationLine, parseCardLine, parseHeader, parseLine, readContent, type Content, type LineKind } from '../read';
import type { Attestation } from '../trust/attestations';

/**
 * Entry lines per slice handed to a decoder (about 350 kB for a region's entries)... Small slices keep what
 * the decoder holds at any moment small: the young generation's collections then copy little (measured on a
 * region's file: 2,000 entries a slice cost a second pass about a fifth more time, most of it collecting).
 */
export const SLICE_ENTRIES = 500;
/** ...and bytes: a slice ends at whichever comes first, so a file of long lines is decoded in small slices too. */
const SLICE_BYTES = 512 * 1024;

/** A decoded entry with its exact bytes (a view into the slice's buffer). */
export type ScannedEntry = DecodedEntry & StoredEntry;

export interface DecodedSlice {
  /** Line number of the slice's first entry. */
  firstLine: number;
  entries: ScannedEntry[];
  /** The slice's lines back to back (the entries' bytes are views into it); line i ends at ends[i]. */
  data: Buffer;
  ends: Uint32Array;
  /** The entries' ops prepared for applying, when the decoder prepared them (an import's second pass). */
  prepared?: PreparedSlice | undefined;
}

export interface ScanEnd {
  header: PlanHeader;
  cards: SignedCard[];
  /** Statements of gemeente keys (certificates, revocations, rotations), between the cards and the entries. */
  attestations: Attestation[];
  checkpoints: SignedCheckpoint[];
  /** Lines before the trailer. */
  count: number;
  /** sha256 of everything before the trailer, checked against the trailer's signature. */
  digest: string;
}

export interface ScanOptions {
  /** Decode in worker threads: 'auto' decides by the file's size (decode-pool.ts); false decodes here. */
  workers?: 'auto' | false;
  /** Decodes a slice here instead of decodeSlice (with workers false): the second pass only needs ids. */
  decode?: (data: Buffer, ends: Uint32Array) => SliceResult;
}

/** Builds the entries of a decoded slice, each with its bytes as a view into `data` (and its prepared ops). */
export function entriesOf(data: Buffer, ends: Uint32Array, decoded: DecodedEntry[], prepared?: PreparedSlice): ScannedEntry[] {
  let start = 0;
  return decoded.map((d, i) => {
    const e = d as ScannedEntry;
    e.bytes = data.subarray(start, ends[i]);
    start = ends[i]!;
    if (prepared && prepared.at[i]! >= 0) e.prepared = { values: prepared.values, at: prepared.at[i]!, digest: preparedDigestAt(prepared, i) };
    return e;
  });
}

/**
 * Reads the file once. `onSlice` gets every slice of decoded entries in file order; the first invalid line
 * of the file is the one reported. Throws PlanFileError for anything wrong with the file itself (form, order,
 * size, the trailer against the content); what the entries say is the caller's to judge.
 */
export async function scanPlan(path: string, size: number, onSlice: (slice: DecodedSlice) => void, options: ScanOptions = {}): Promise<ScanEnd> {
  let header: PlanHeader | undefined;
  const cards: SignedCard[] = [];
  const attestations: Attestation[] = [];
  const checkpoints: SignedCheckpoint[] = [];
  let section = 0; // 0 header, 1 cards, 2 entries, 3 checkpoints: parts must come in this order

  const parallel = options.workers === false || options.decode ? false : acquireWorkers(size);
  const decodeHere = options.decode ?? decodeSlice;
  const inFlight: { data: Buffer; ends: Uint32Array; firstLine: number; result: Promise<SliceResult> }[] = [];
  let slice: Buffer[] = [];
  let sliceBytes = 0;
  let sliceFirstLine = 0;
  let entryError: PlanFileError | undefined;
  const take = async (): Promise<void> => {
    const { data, ends, firstLine, result } = inFlight.shift()!;
    const r = await result;
    if ('failure' in r) throw (entryError = new PlanFileError(`Regel ${firstLine + r.failure.index}: de wijziging is ongeldig (${shown(r.failure.message)}).`));
    const entries = entriesOf(data, ends, r.entries, r.prepared);
    try {
      onSlice({ firstLine, entries, data, ends, prepared: r.prepared });
    } catch (err) {
      throw new SinkError(err);
    }
  };
  const sendSlice = async (): Promise<void> => {
    if (slice.length === 0) return;
    const data = Buffer.allocUnsafeSlow(sliceBytes);
    const ends = new Uint32Array(slice.length);
    let at = 0;
    slice.forEach((l, i) => {
      l.copy(data, at);
      at += l.length;
      ends[i] = at;
    });
    inFlight.push({ data, ends, firstLine: sliceFirstLine, result: parallel ? decodeInWorker(data, ends) : Promise.resolve(decodeHere(data, ends)) });
    slice = [];
    sliceBytes = 0;
    // A few slices ahead at most: enough to keep the workers busy, no backlog of decoded results.
    while (inFlight.length > (parallel ? 6 : 0)) await take();
  };

  const readLine = (line: Buffer, lineNo: number, kind: Exclude<LineKind, 'trailer'>): void => {
    if (lineNo === 1) {
      header = parseHeader(line);
      section = 1;
      return;
    }
    switch (kind) {
      case 'card':
        if (section > 1) throw new PlanFileError(`Regel ${lineNo}: een identiteitskaart na de wijzigingen; de volgorde klopt niet.`);
        parseCardLine(line, lineNo, cards);
        return;
      case 'attestation':
        if (section > 1) throw new PlanFileError(`Regel ${lineNo}: een certificaat of intrekking na de wijzigingen; de volgorde klopt niet.`);
        parseAttestationLine(line, lineNo, attestations);
        return;
      case 'entry':
        if (section > 2) throw new PlanFileError(`Regel ${lineNo}: een wijziging na de controlepunten; de volgorde klopt niet.`);
        section = 2;
        if (slice.length === 0) sliceFirstLine = lineNo;
        slice.push(line);
        sliceBytes += line.length;
        return;
      case 'checkpoint':
        section = 3;
        checkpoints.push(parseLine(checkpointSchema, line, 'controlepunt', lineNo));
        return;
      default:
        throw new PlanFileError(`Regel ${lineNo} is geen onderdeel van een planbestand.`);
    }
  };

  let content: Content;
  try {
    content = await readContent(path, size, (line, lineNo, kind) => {
      readLine(line, lineNo, kind);
      if (slice.length >= SLICE_ENTRIES || sliceBytes >= SLICE_BYTES) return sendSlice();
    });
    await sendSlice();
    while (inFlight.length) await take();
  } catch (err) {
    // A line other than an entry failed: an earlier entry line that is invalid is the first problem of the
    // file, so report that one. (The entry lines before the failing line are all in a slice by now, sent or
    // still being gathered.) An entry line that failed is the first problem already: slices are taken in order.
    if (err !== entryError && !(err instanceof SinkError)) {
      await sendSlice();
      while (inFlight.length) await take();
    }
    throw err instanceof SinkError ? err.inner : err;
  } finally {
    if (parallel) releaseWorkers();
  }
  return { header: checkContentEnd(header, content), cards, attestations, checkpoints, count: content.count, digest: content.digest };
}

/** An error of the caller's `onSlice`: passed on as it is, without reading further. */
export class SinkError extends Error {
  constructor(readonly inner: unknown) {
    super('slice sink failed');
  }
}
