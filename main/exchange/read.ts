// Reads a plan file's lines from disk with limits on every size, so a damaged, hostile or enormous file is
// refused early and with bounded memory, and parses the lines that are not entries. The import's stages
// (./import/) are built on these; readPlanFile reads a whole file into memory (for checks and tests).
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createHash, type Hash } from 'node:crypto';
import type { ZodType } from 'zod';
import { keyedError } from '../../shared/i18n/error-messages';
import { parseJsonStrict } from '../log/canonical';
import type { StoredEntry } from '../log/entry';
import { verifySignature } from '../log/identity';
import { cardSchema, headerSchema, KNOWN_FEATURES, LIMITS, PLAN_FORMAT, PLAN_VERSION, PlanFileError, trailerSchema, type PlanHeader, type SignedCard, type SignedCheckpoint } from './format';
import { trailerBytes } from './signing';
import { shown } from '../../shared/text/shown';
import { openPlainSource, openPlanSource } from './import/open';
import type { LocalIdentity } from '../log/log';
import { authenticateSender } from './import/sender';
import { scanPlan } from './import/scan';
import { attestationSchema, type Attestation } from './trust/attestations';

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

export type LineKind = 'trailer' | 'card' | 'attestation' | 'entry' | 'checkpoint' | 'other';

/** What a line is, by its first bytes (the canonical key order puts "sig" before "trailer"). */
export function lineKind(line: Buffer): LineKind {
  if (startsWith(line, AUTHOR)) return 'entry';
  if (startsWith(line, SIG)) return 'trailer';
  if (startsWith(line, CARD)) return 'card';
  if (startsWith(line, ATTESTATION)) return 'attestation';
  if (startsWith(line, CHECKPOINT)) return 'checkpoint';
  return 'other';
}
/** A card is a few hundred bytes. */
const MAX_CARD_LINE_BYTES = 4096;
export const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function parseLine<T>(schema: ZodType<T>, line: Buffer, what: string, lineNo: number): T {
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

/**
 * The complete lines of one decompressed chunk. All but possibly the first lie back to back in `chunk`, each
 * followed by its newline; the first was joined from the end of earlier chunks when `joined` is true.
 */
export interface LineBatch {
  lines: Buffer[];
  chunk: Buffer;
  joined: boolean;
}

/** Splits the decompressed stream into lines, refusing oversize lines and output beyond the limits. */
export async function* lines(path: string, fileBytes: number): AsyncGenerator<LineBatch> {
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
export function hashLines(hash: Hash, batch: LineBatch, upTo: number): void {
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
export function parseHeader(line: Buffer): PlanHeader {
  const raw = parseLine(headerSchema.loose(), line, 'kop', 1) as Record<string, unknown>;
  if (raw.format !== PLAN_FORMAT) throw new PlanFileError('Dit is geen Regie-planbestand.');
  if (raw.version !== PLAN_VERSION) {
    throw new PlanFileError(
      `Dit planbestand heeft versie ${shown(String(raw.version).slice(0, 20))}; deze Regie leest versie ${PLAN_VERSION}. Werk Regie bij of vraag de afzender om een bestand voor deze versie.`,
    );
  }
  const unknown = (Array.isArray(raw.requires) ? raw.requires : []).filter((f) => !KNOWN_FEATURES.includes(String(f)));
  if (unknown.length) throw new PlanFileError(`Dit planbestand vraagt om onderdelen die deze Regie niet kent (${shown(unknown.join(', ').slice(0, 200))}). Werk Regie bij.`);
  return parseLine(headerSchema, line, 'kop', 1);
}

export function parseAttestationLine(line: Buffer, lineNo: number, attestations: Attestation[]): void {
  if (attestations.length >= MAX_ATTESTATIONS) throw new PlanFileError('Het bestand bevat te veel certificaten en intrekkingen.');
  if (line.length > MAX_CARD_LINE_BYTES) throw new PlanFileError(`Regel ${lineNo}: een certificaat van meer dan ${MAX_CARD_LINE_BYTES} bytes; zo groot is een certificaat niet.`);
  attestations.push(parseLine(attestationSchema, line, 'certificaat of intrekking', lineNo));
}

export function parseCardLine(line: Buffer, lineNo: number, cards: SignedCard[]): void {
  if (cards.length >= MAX_CARDS) throw new PlanFileError('Het bestand bevat te veel identiteitskaarten.');
  if (line.length > MAX_CARD_LINE_BYTES) throw new PlanFileError(`Regel ${lineNo}: een identiteitskaart van meer dan ${MAX_CARD_LINE_BYTES} bytes; zo groot is een kaart niet.`);
  cards.push(parseLine(cardSchema, line, 'identiteitskaart', lineNo));
}

/** The trailer against the content: count, sha256 of everything before it, and the signature of the header's sender. */
export function checkTrailer(header: PlanHeader, trailerLine: Buffer, trailerNo: number, count: number, digest: string): void {
  const trailer = parseLine(trailerSchema, trailerLine, 'afsluiting', trailerNo);
  if (trailer.trailer.count !== count || trailer.trailer.sha256 !== digest) {
    throw new PlanFileError('De inhoud komt niet overeen met de handtekening van de afzender: het bestand is onderweg gewijzigd of beschadigd. Vraag de afzender om een nieuw bestand.');
  }
  if (trailer.trailer.signer !== header.from.publicKey || !verifySignature(header.from.publicKey, trailerBytes(trailer.trailer), trailer.sig)) {
    throw new PlanFileError('De handtekening van de afzender klopt niet: het bestand is vervalst of beschadigd. Vraag de afzender om een nieuw bestand.');
  }
}

/** What readContent read: the content (every line before the trailer) and the trailer. */
export interface Content {
  /** Lines before the trailer. */
  count: number;
  /** sha256 of everything before the trailer, newlines included. */
  digest: string;
  trailer: { line: Buffer; lineNo: number } | undefined;
}

/**
 * Reads a plan file's lines once: each line before the trailer is hashed and handed to `onLine` in file order
 * (numbered from 1; a promise it returns is awaited before the next line), the trailer is kept, and after it
 * only empty lines may follow. Both passes of an import read a file through this (./import/sender.ts and
 * ./import/scan.ts); checkContentEnd then checks the end.
 */
export async function readContent(path: string, size: number, onLine: (line: Buffer, lineNo: number, kind: Exclude<LineKind, 'trailer'>) => void | Promise<void>): Promise<Content> {
  const hash = createHash('sha256');
  let trailer: Content['trailer'];
  let count = 0;
  for await (const batch of lines(path, size)) {
    // Everything before the trailer is hashed, nothing after it.
    let hashed = trailer ? 0 : batch.lines.length;
    for (const [index, line] of batch.lines.entries()) {
      if (trailer) {
        // The previous "trailer" was not the last line after all.
        if (line.length === 0) continue;
        throw new PlanFileError('Na de afsluitende handtekening staan nog gegevens; het bestand is gewijzigd of samengevoegd.');
      }
      if (count >= LIMITS.maxLines) throw new PlanFileError('Het bestand heeft te veel regels.');
      // Canonical key order puts "sig" before "trailer"; no other line starts with it.
      const kind = lineKind(line);
      if (kind === 'trailer') {
        trailer = { line, lineNo: count + 1 };
        hashed = index;
        continue;
      }
      count++;
      const pending = onLine(line, count, kind);
      if (pending) await pending;
    }
    hashLines(hash, batch, hashed);
  }
  return { count, digest: hash.digest('hex'), trailer };
}

/**
 * The end of what readContent read, checked in this order: a header, then `beforeTrailer` (the sender's
 * check, when the cards ran to the end of the file), a trailer, and the trailer against the content.
 */
export function checkContentEnd(header: PlanHeader | undefined, content: Content, beforeTrailer?: (header: PlanHeader) => void): PlanHeader {
  if (!header) throw new PlanFileError('Het bestand is leeg of heeft geen kop.');
  beforeTrailer?.(header);
  if (!content.trailer) throw new PlanFileError('De afsluitende handtekening ontbreekt: het bestand is afgebroken of onvolledig.');
  checkTrailer(header, content.trailer.line, content.trailer.lineNo, content.count, content.digest);
  return header;
}

/** Refuses (throws) a file whose sender this copy does not trust; gets the header and the file's cards. */
export type SenderCheck = (header: PlanHeader, cards: SignedCard[], attestations: Attestation[]) => void;

export interface ReadOptions {
  /** Checks the sender before any entry is decoded (see ./import/sender.ts); throws to refuse the file. */
  checkSender?: SenderCheck;
  /** false: entries are returned without their bytes (an empty buffer). */
  keepBytes?: boolean;
}

const NO_BYTES = Buffer.alloc(0);

/**
 * The whole file in memory, once its sender, trailer and every line check out: the open, sender and decode
 * stages of an import without the rest. An import does not hold a file like this (./import/importer.ts).
 */
export async function readPlanFile(path: string, options: ReadOptions = {}): Promise<ParsedPlan> {
  const keepBytes = options.keepBytes !== false;
  const source = await openPlainSource(path);
  const sender = await authenticateSender(source, options.checkSender);
  const entries: StoredEntry[] = [];
  const end = await scanPlan(source.path, source.size, (slice) => {
    for (const e of slice.entries) {
      if (!keepBytes) e.bytes = NO_BYTES;
      entries.push(e);
    }
  });
  // The file was read twice: it must not have changed in between (the first pass checked the sender).
  if (end.digest !== sender.fileId) throw new PlanFileError(FILE_CHANGED);
  return { fileId: end.digest, header: end.header, cards: end.cards, attestations: end.attestations, entries, checkpoints: end.checkpoints, bytes: source.size };
}

export const FILE_CHANGED = 'Het bestand veranderde terwijl het werd gelezen. Er is niets gewijzigd; probeer het opnieuw.';

/** readPlanFile for a file that may be sealed to this copy: opened (unsealed to a temporary file) first. */
export async function openPlanFile(path: string, me: LocalIdentity, options: ReadOptions = {}): Promise<ParsedPlan> {
  const source = await openPlanSource(path, me);
  try {
    return await readPlanFile(source.path, options);
  } finally {
    await source.close();
  }
}
