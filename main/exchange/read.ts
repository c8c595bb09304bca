// Reads a plan file from disk with limits on every size, so a damaged, hostile or enormous file is refused
// early and with bounded memory. Returns its parts once the trailer's hash and signature check out.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { createHash, type Hash } from 'node:crypto';
import type { ZodType } from 'zod';
import { keyedError } from '../../shared/i18n/error-messages';
import { parseJsonStrict } from '../log/canonical';
import type { StoredEntry } from '../log/entry';
import { decodeSlice, type DecodedEntry, type SliceResult } from './decode';
import { acquireWorkers, decodeInWorker, releaseWorkers } from './decode-pool';
import { verifySignature } from '../log/identity';
import {
  cardSchema,
  checkpointSchema,
  headerSchema,
  KNOWN_FEATURES,
  LIMITS,
  PLAN_FORMAT,
  PLAN_VERSION,
  PlanFileError,
  trailerSchema,
  type PlanHeader,
  type SignedCard,
  type SignedCheckpoint,
} from './format';
import { trailerBytes } from './signing';
import { openRegularFile } from './regular-file';
import { shown } from '../../shared/text/shown';
import { attestationSchema, type Attestation } from '../identity/attestations';

export interface ParsedPlan {
  /** sha256 of the content before the trailer: identifies the file for replay detection. */
  fileId: string;
  header: PlanHeader;
  cards: SignedCard[];
  /** Statements of gemeente keys (certificates, revocations, rotations), between the cards and the entries. */
  attestations: Attestation[];
  entries: StoredEntry[];
  checkpoints: SignedCheckpoint[];
  bytes: number;
}

const MAX_CARDS = 1000;
const NEWLINE = Buffer.from('\n');
const SIG = Buffer.from('{"sig":');
const CARD = Buffer.from('{"card":');
const ATTESTATION = Buffer.from('{"attestation":');
const MAX_ATTESTATIONS = 10_000;
const AUTHOR = Buffer.from('{"author":');
const CHECKPOINT = Buffer.from('{"checkpoint":');
/** Whether a line begins with these bytes (compared in place, without making a string). */
const startsWith = (line: Buffer, prefix: Buffer) => line.length >= prefix.length && line.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;
/** Entry lines per slice handed to a decoder (about 1.3 MB for a region's entries)... */
const SLICE_ENTRIES = 2000;
/** ...and bytes: a slice ends at whichever comes first, so a file of long lines is decoded in small slices too. */
const SLICE_BYTES = 2 * 1024 * 1024;
/** A card is a few hundred bytes. */
const MAX_CARD_LINE_BYTES = 4096;
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function parseLine<T>(schema: ZodType<T>, line: Buffer, what: string, lineNo: number): T {
  let json: unknown;
  try {
    json = parseJsonStrict(line.toString('utf8'));
  } catch (err) {
    throw new PlanFileError(`Regel ${lineNo} (${what}) is geen geldige JSON (${shown((err as Error).message)}).`);
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new PlanFileError(`Regel ${lineNo} (${what}) heeft niet de juiste vorm${issue ? ` (${issue.path.join('.') || 'geheel'}: ${issue.message})` : ''}.`);
  }
  return r.data;
}

/**
 * The exact gzip header Regie writes (no name, no time, OS "unknown"). The header is the one part of a gzip
 * file no checksum covers, so it is fixed: a changed byte there is refused like a change anywhere else.
 */
export const GZIP_HEADER = Buffer.from('1f8b08000000000000ff', 'hex');

async function checkGzipHeader(path: string): Promise<void> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(GZIP_HEADER.length);
    await fh.read(head, 0, head.length, 0);
    if (!head.equals(GZIP_HEADER)) {
      throw new PlanFileError(
        head[0] === 0x1f && head[1] === 0x8b ? 'Het begin van het bestand is gewijzigd of beschadigd.' : 'Dit is geen Regie-planbestand (geen gzip-bestand).',
      );
    }
  } finally {
    await fh.close();
  }
}

/**
 * The complete lines of one decompressed chunk. All but possibly the first lie back to back in `chunk`, each
 * followed by its newline; the first was joined from the end of earlier chunks when `joined` is true.
 */
interface LineBatch {
  lines: Buffer[];
  chunk: Buffer;
  joined: boolean;
}

/** Splits the decompressed stream into lines, refusing oversize lines and output beyond the limits. */
async function* lines(path: string, fileBytes: number): AsyncGenerator<LineBatch> {
  const maxOut = Math.min(LIMITS.maxDecompressedBytes, Math.max(LIMITS.ratioFloorBytes, fileBytes * LIMITS.maxRatio));
  // One gzip member only: anything after it (a second member, appended bytes) is refused below.
  // Large chunks, handed on as arrays of lines: one await per 256 kB instead of one per line.
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const source = file.pipe(gunzip);
  let total = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxOut) {
        throw new PlanFileError(`Het bestand pakt uit tot meer dan ${mb(maxOut)}; dat past niet bij een planbestand van ${mb(fileBytes)} (mogelijk een zogenaamde zip-bom).`);
      }
      let start = 0;
      const batch: Buffer[] = [];
      const joined = pending.length > 0;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, i);
        if (pendingBytes + piece.length > LIMITS.maxLineBytes) throw new PlanFileError('Een regel in het bestand is langer dan 1 MB; dat komt in een planbestand niet voor.');
        batch.push(pending.length ? Buffer.concat([...pending, piece]) : piece);
        pending = [];
        pendingBytes = 0;
        start = i + 1;
      }
      if (batch.length) yield { lines: batch, chunk, joined };
      const rest = chunk.subarray(start);
      if (rest.length) {
        pendingBytes += rest.length;
        if (pendingBytes > LIMITS.maxLineBytes) throw new PlanFileError('Een regel in het bestand is langer dan 1 MB; dat komt in een planbestand niet voor.');
        pending.push(Buffer.from(rest));
      }
    }
  } catch (err) {
    if (err instanceof PlanFileError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || code.startsWith('Z_')) {
      // zlib's own words ("incorrect data check") mean nothing to a coordinator: say what they mean.
      throw keyedError('bad_file', code === 'Z_BUF_ERROR' ? 'file.truncated' : 'file.damaged');
    }
    throw err;
  } finally {
    // Both: destroying the gunzip stream alone leaves the file open when reading stops early (found by the
    // fuzzer: after some thousands of refused files the process ran out of file descriptors).
    source.destroy();
    file.destroy();
  }
  if (gunzip.bytesWritten !== fileBytes) throw new PlanFileError('Na het einde van het planbestand staan nog gegevens; het bestand is gewijzigd of samengevoegd.');
  // A last line without its newline: hashed as a line of its own (it cannot be valid content anyway).
  if (pendingBytes > 0) yield { lines: [Buffer.concat(pending)], chunk: Buffer.alloc(0), joined: true };
}

/** The lines of a batch up to (not with) the trailer, with their newlines: one hash update for most of them. */
function hashLines(hash: Hash, batch: LineBatch, upTo: number): void {
  if (upTo === 0) return;
  let from = 0;
  if (batch.joined) {
    hash.update(batch.lines[0]!);
    hash.update(NEWLINE);
    from = 1;
  }
  if (from >= upTo) return;
  const first = batch.lines[from]!;
  const last = batch.lines[upTo - 1]!;
  const start = first.byteOffset - batch.chunk.byteOffset;
  hash.update(batch.chunk.subarray(start, last.byteOffset - batch.chunk.byteOffset + last.length + 1));
}

/** The header line: a known format and version, no required feature this reader lacks, the right shape. */
function parseHeader(line: Buffer): PlanHeader {
  const raw = parseLine(headerSchema.loose(), line, 'kop', 1) as Record<string, unknown>;
  if (raw.format !== PLAN_FORMAT) throw new PlanFileError('Dit is geen Regie-planbestand.');
  if (raw.version !== PLAN_VERSION) {
    throw new PlanFileError(`Dit planbestand heeft versie ${shown(String(raw.version).slice(0, 20))}; deze Regie leest versie ${PLAN_VERSION}. Werk Regie bij of vraag de afzender om een bestand voor deze versie.`);
  }
  const unknown = (Array.isArray(raw.requires) ? raw.requires : []).filter((f) => !KNOWN_FEATURES.includes(String(f)));
  if (unknown.length) throw new PlanFileError(`Dit planbestand vraagt om onderdelen die deze Regie niet kent (${shown(unknown.join(', ').slice(0, 200))}). Werk Regie bij.`);
  return parseLine(headerSchema, line, 'kop', 1);
}

function parseAttestationLine(line: Buffer, lineNo: number, attestations: Attestation[]): void {
  if (attestations.length >= MAX_ATTESTATIONS) throw new PlanFileError('Het bestand bevat te veel certificaten en intrekkingen.');
  if (line.length > MAX_CARD_LINE_BYTES) throw new PlanFileError(`Regel ${lineNo}: een certificaat van meer dan ${MAX_CARD_LINE_BYTES} bytes; zo groot is een certificaat niet.`);
  attestations.push(parseLine(attestationSchema, line, 'certificaat of intrekking', lineNo));
}

function parseCardLine(line: Buffer, lineNo: number, cards: SignedCard[]): void {
  if (cards.length >= MAX_CARDS) throw new PlanFileError('Het bestand bevat te veel identiteitskaarten.');
  if (line.length > MAX_CARD_LINE_BYTES) throw new PlanFileError(`Regel ${lineNo}: een identiteitskaart van meer dan ${MAX_CARD_LINE_BYTES} bytes; zo groot is een kaart niet.`);
  cards.push(parseLine(cardSchema, line, 'identiteitskaart', lineNo));
}

/** The trailer against the content: count, sha256 of everything before it, and the signature of the header's sender. */
function checkTrailer(header: PlanHeader, trailerLine: Buffer, trailerNo: number, count: number, digest: string): void {
  const trailer = parseLine(trailerSchema, trailerLine, 'afsluiting', trailerNo);
  if (trailer.trailer.count !== count || trailer.trailer.sha256 !== digest) {
    throw new PlanFileError('De inhoud komt niet overeen met de handtekening van de afzender: het bestand is onderweg gewijzigd of beschadigd. Vraag de afzender om een nieuw bestand.');
  }
  if (trailer.trailer.signer !== header.from.publicKey || !verifySignature(header.from.publicKey, trailerBytes(trailer.trailer), trailer.sig)) {
    throw new PlanFileError('De handtekening van de afzender klopt niet: het bestand is vervalst of beschadigd. Vraag de afzender om een nieuw bestand.');
  }
}

/** Refuses (throws) a file whose sender this copy does not trust; gets the header and the file's cards. */
export type SenderCheck = (header: PlanHeader, cards: SignedCard[], attestations: Attestation[]) => void;

/**
 * The first of two passes: who sent the file, and did it sign exactly this content? The header and the cards
 * are read, the sender is checked (`checkSender`: trusted, directly or as a trusted device's successor) as
 * soon as the cards are over, and the rest is only unpacked and hashed, not decoded, for the trailer's
 * signature. So a file from an unknown sender costs its header and cards, and a forged one one unpacking
 * and hashing in constant memory, before a single entry is decoded. Returns the content's sha256.
 */
async function checkSenderFirst(path: string, size: number, checkSender: SenderCheck | undefined): Promise<string> {
  const hash = createHash('sha256');
  let header: PlanHeader | undefined;
  const cards: SignedCard[] = [];
  const attestations: Attestation[] = [];
  let count = 0;
  let trailerLine: Buffer | undefined;
  let trailerNo = 0;
  let senderChecked = false;
  const senderKnown = (h: PlanHeader) => {
    senderChecked = true;
    checkSender?.(h, cards, attestations);
  };
  for await (const batch of lines(path, size)) {
    let hashed = trailerLine ? 0 : batch.lines.length;
    for (const [index, line] of batch.lines.entries()) {
      if (trailerLine) {
        if (line.length === 0) continue;
        throw new PlanFileError('Na de afsluitende handtekening staan nog gegevens; het bestand is gewijzigd of samengevoegd.');
      }
      if (count >= LIMITS.maxLines) throw new PlanFileError('Het bestand heeft te veel regels.');
      if (startsWith(line, SIG)) {
        trailerLine = line;
        trailerNo = count + 1;
        hashed = index;
        continue;
      }
      count++;
      if (count === 1) header = parseHeader(line);
      else if (!senderChecked) {
        if (startsWith(line, CARD)) parseCardLine(line, count, cards);
        else if (startsWith(line, ATTESTATION)) parseAttestationLine(line, count, attestations);
        else senderKnown(header!);
      }
    }
    hashLines(hash, batch, hashed);
  }
  if (!header) throw new PlanFileError('Het bestand is leeg of heeft geen kop.');
  if (!senderChecked) senderKnown(header);
  if (!trailerLine) throw new PlanFileError('De afsluitende handtekening ontbreekt: het bestand is afgebroken of onvolledig.');
  const digest = hash.digest('hex');
  checkTrailer(header, trailerLine, trailerNo, count, digest);
  return digest;
}

export interface ReadOptions {
  /** Checks the sender before any entry is decoded (see checkSenderFirst); throws to refuse the file. */
  checkSender?: SenderCheck;
  /** false: entries are returned without their bytes (an empty buffer), for a check that applies nothing. */
  keepBytes?: boolean;
}

const NO_BYTES = Buffer.alloc(0);

export async function readPlanFile(path: string, options: ReadOptions = {}): Promise<ParsedPlan> {
  const keepBytes = options.keepBytes !== false;
  const opened = await openRegularFile(path);
  const size = opened.size;
  await opened.fh.close();
  if (size > LIMITS.maxFileBytes) {
    throw new PlanFileError(`Het bestand is ${mb(size)} groot; een planbestand mag hooguit ${mb(LIMITS.maxFileBytes)} zijn.`);
  }
  if (size < 20) throw new PlanFileError('Het bestand is te klein om een planbestand te zijn.');
  await checkGzipHeader(path);
  const signed = await checkSenderFirst(path, size, options.checkSender);

  const hash = createHash('sha256');
  let header: PlanHeader | undefined;
  const cards: SignedCard[] = [];
  const attestations: Attestation[] = [];
  const entries: StoredEntry[] = [];
  const checkpoints: SignedCheckpoint[] = [];
  let trailerLine: Buffer | undefined;
  let trailerNo = 0;
  let count = 0;
  let section = 0; // 0 header, 1 cards, 2 entries, 3 checkpoints: parts must come in this order

  // Entry lines are decoded in slices: in worker threads for a large file (while this thread unpacks and
  // hashes the next part), here for a small one. Results are taken in file order, so the first invalid line
  // is the one reported, as it would be line by line.
  const parallel = acquireWorkers(size);
  const inFlight: { data: Buffer; ends: Uint32Array; firstLine: number; result: Promise<SliceResult> }[] = [];
  let slice: Buffer[] = [];
  let sliceBytes = 0;
  let sliceFirstLine = 0;
  const strings = new Map<string, string>();
  const intern = (v: string): string => {
    const known = strings.get(v);
    if (known !== undefined) return known;
    strings.set(v, v);
    return v;
  };
  const lastIds = new Map<string, string>();
  let entryError: PlanFileError | undefined;
  const take = async (): Promise<void> => {
    const { data, ends, firstLine, result } = inFlight.shift()!;
    const r = await result;
    if ('failure' in r) throw (entryError = new PlanFileError(`Regel ${firstLine + r.failure.index}: de wijziging is ongeldig (${shown(r.failure.message)}).`));
    let start = 0;
    r.entries.forEach((d, i) => {
      // A region's file holds 60,000 entries: one string per author, gemeente and id instead of one per
      // entry (a worker's results arrive as fresh copies), and the decoded object itself kept.
      const head = d.entry;
      head.author = intern(head.author);
      head.gemeente = intern(head.gemeente);
      if (head.prev !== null) head.prev = lastIds.get(head.author) === head.prev ? lastIds.get(head.author)! : head.prev;
      lastIds.set(head.author, d.id);
      const stored = d as DecodedEntry & StoredEntry;
      stored.bytes = keepBytes ? data.subarray(start, ends[i]) : NO_BYTES;
      entries.push(stored);
      start = ends[i]!;
    });
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
    inFlight.push({ data, ends, firstLine: sliceFirstLine, result: parallel ? decodeInWorker(data, ends) : Promise.resolve(decodeSlice(data, ends)) });
    slice = [];
    sliceBytes = 0;
    // A few slices ahead at most: enough to keep the workers busy, no backlog of decoded results.
    while (inFlight.length > (parallel ? 6 : 0)) await take();
  };

  try {
    await readLines();
    await sendSlice();
    while (inFlight.length) await take();
  } catch (err) {
    // A line other than an entry failed: an earlier entry line that is invalid is the first problem of the
    // file, so report that one. (The entry lines before the failing line are all in a slice by now, sent or
    // still being gathered.) An entry line that failed is the first problem already: slices are taken in order.
    if (err !== entryError) {
      await sendSlice();
      while (inFlight.length) await take();
    }
    throw err;
  } finally {
    if (parallel) releaseWorkers();
  }

  async function readLines(): Promise<void> {
    for await (const batch of lines(path, size)) {
      // Everything before the trailer is hashed, nothing after it.
      let hashed = trailerLine ? 0 : batch.lines.length;
      for (const [index, line] of batch.lines.entries()) {
        if (trailerLine) {
          // The previous "trailer" was not the last line after all.
          if (line.length === 0) continue;
          throw new PlanFileError('Na de afsluitende handtekening staan nog gegevens; het bestand is gewijzigd of samengevoegd.');
        }
        if (count >= LIMITS.maxLines) throw new PlanFileError('Het bestand heeft te veel regels.');
        const lineNo = count + 1;
        // Canonical key order puts "sig" before "trailer"; no other line starts with it.
        if (startsWith(line, SIG)) {
          trailerLine = line;
          trailerNo = lineNo;
          hashed = index;
          continue;
        }
        count++;
        readLine(line, lineNo);
        if (slice.length >= SLICE_ENTRIES || sliceBytes >= SLICE_BYTES) await sendSlice();
      }
      hashLines(hash, batch, hashed);
    }
  }

  function readLine(line: Buffer, lineNo: number): void {
    if (count === 1) {
      header = parseHeader(line);
      section = 1;
      return;
    }
    if (startsWith(line, CARD)) {
      if (section > 1) throw new PlanFileError(`Regel ${lineNo}: een identiteitskaart na de wijzigingen; de volgorde klopt niet.`);
      parseCardLine(line, lineNo, cards);
    } else if (startsWith(line, ATTESTATION)) {
      if (section > 1) throw new PlanFileError(`Regel ${lineNo}: een certificaat of intrekking na de wijzigingen; de volgorde klopt niet.`);
      parseAttestationLine(line, lineNo, attestations);
    } else if (startsWith(line, AUTHOR)) {
      if (section > 2) throw new PlanFileError(`Regel ${lineNo}: een wijziging na de controlepunten; de volgorde klopt niet.`);
      section = 2;
      if (slice.length === 0) sliceFirstLine = lineNo;
      slice.push(line);
      sliceBytes += line.length;
    } else if (startsWith(line, CHECKPOINT)) {
      section = 3;
      checkpoints.push(parseLine(checkpointSchema, line, 'controlepunt', lineNo));
    } else {
      throw new PlanFileError(`Regel ${lineNo} is geen onderdeel van een planbestand.`);
    }
  }
  if (!header) throw new PlanFileError('Het bestand is leeg of heeft geen kop.');
  if (!trailerLine) throw new PlanFileError('De afsluitende handtekening ontbreekt: het bestand is afgebroken of onvolledig.');
  const digest = hash.digest('hex');
  checkTrailer(header, trailerLine, trailerNo, count, digest);
  // The file was read twice: it must not have changed in between (the first pass checked the sender).
  if (digest !== signed) throw new PlanFileError('Het bestand veranderde terwijl het werd gelezen. Er is niets gewijzigd; probeer het opnieuw.');
  return { fileId: digest, header, cards, attestations, entries, checkpoints, bytes: size };
}
