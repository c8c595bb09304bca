// An entry: one user action, as canonical JSON bytes in its author's hash chain. id = sha256(bytes).
import { z } from 'zod';
import { isUtf8 } from 'node:buffer';
import { canonicalJson, FORBIDDEN_KEYS, isWellFormed } from './canonical';
import { isHlc } from './hlc';
import { isPublicKey, sha256Hex } from './identity';
import { GEMEENTE_CODE } from '../../shared/domain/gemeenten';
import { lazySchema } from '../../shared/domain/lazy-schema';

export const ENTRY_VERSION = 1;
export const MAX_OPS_PER_ENTRY = 500;

const opSchema = lazySchema(() =>
  z
    .object({
      t: z.string().regex(/^[a-z]+\.[a-z_]+$/),
      id: z.string().min(1).max(64),
    })
    .catchall(z.unknown()),
);

export const entrySchema = lazySchema(() =>
  z
    .object({
      v: z.literal(ENTRY_VERSION),
      author: z.string().refine(isPublicKey, 'author is not an Ed25519 public key'),
      gemeente: z.string().regex(GEMEENTE_CODE),
      seq: z.number().int().min(1),
      prev: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .nullable(),
      hlc: z.string().refine(isHlc, 'hlc is not a clock stamp'),
      ops: z.array(opSchema).min(1).max(MAX_OPS_PER_ENTRY),
    })
    .strict(),
);

export type Entry = z.output<typeof entrySchema>;
export type Op = Entry['ops'][number];

/** An entry without its ops: all a chain check needs. */
export type EntryHead = Omit<Entry, 'ops'>;

/**
 * An entry as held while a plan file is checked: its bytes and its head. The ops are decoded again from the
 * bytes when the entry is applied, so a large file does not sit in memory as parsed objects.
 */
export interface StoredEntry {
  id: string;
  bytes: Buffer;
  entry: EntryHead;
  /** Why its author may not make one of its ops (set when read from a plan file), or undefined. */
  problem?: string | undefined;
  /** Its ops prepared for applying where their records are new (materialise.ts prepareCreates), if they were. */
  prepared?: PreparedOps | undefined;
}

/** Where an entry's prepared ops start in its slice's flat array (materialise.ts prepareCreates). */
export interface PreparedOps {
  values: unknown[];
  at: number;
  /** What its rows add to the state digest if all are new (materialise.ts preparedDigest), where computed. */
  digest?: bigint | undefined;
}

export interface EncodedEntry extends StoredEntry {
  entry: Entry;
}

/** The full entry again. Its bytes were checked when they were read (decodeEntry), so parsing is enough. */
export function withOps(e: StoredEntry): EncodedEntry {
  return 'ops' in e.entry ? (e as EncodedEntry) : { id: e.id, bytes: e.bytes, entry: JSON.parse(e.bytes.toString('utf8')) as Entry };
}

export function headOf(e: EncodedEntry): StoredEntry {
  const { ops: _ops, ...head } = e.entry;
  return { id: e.id, bytes: e.bytes, entry: head };
}

/** Encodes an entry. The entry returned is read back from the bytes, so its nested values are in canonical key order. */
export function encodeEntry(entry: Entry): EncodedEntry {
  const text = canonicalJson(entry);
  const bytes = Buffer.from(text, 'utf8');
  return { id: sha256Hex(bytes), bytes, entry: JSON.parse(text) as Entry };
}

/** A key can only appear as "key": in compact JSON. One scan of the text (three includes() cost 2.5 times as much). */
const FORBIDDEN_KEY = new RegExp(`"(?:${FORBIDDEN_KEYS.join('|')})":`);
const FORBIDDEN_NAMES = FORBIDDEN_KEYS.map((name) => Buffer.from(name));

function isForbiddenKey(b: Uint8Array, start: number, length: number): boolean {
  for (const name of FORBIDDEN_NAMES) {
    if (name.length !== length) continue;
    let k = 0;
    while (k < length && b[start + k] === name[k]) k++;
    if (k === length) return true;
  }
  return false;
}

const ORDER = 'entry is not in canonical form';
const UNICODE = 'entry holds text that is not well-formed Unicode (a lone surrogate)';
/** The keys notCanonical walked since it was last reset. */
let walkedKeys = 0;

/**
 * Why a parsed entry is not canonical, in one walk: keys of every object in sorted order (RFC 8785), every
 * number a safe integer, and every string and key well-formed Unicode (a lone surrogate, written as an
 * escape, would be stored by SQLite as a replacement character: not what was signed, and a state that
 * depends on arrival order). With JSON.stringify equality this proves canonical form.
 */
function notCanonical(value: unknown): string | undefined {
  if (typeof value === 'string') return isWellFormed(value) ? undefined : UNICODE;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? undefined : ORDER;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const why = notCanonical(v);
      if (why) return why;
    }
    return undefined;
  }
  let prev: string | undefined;
  for (const k in value) {
    walkedKeys++;
    if (prev !== undefined && !(prev < k)) return ORDER;
    if (!isWellFormed(k)) return UNICODE;
    const why = notCanonical((value as Record<string, unknown>)[k]);
    if (why) return why;
    prev = k;
  }
  return undefined;
}
/**
 * Why the JSON text `text` (its UTF-8 `bytes`, parsed to `raw`) is not canonical, or undefined. The usual
 * entry is proved canonical by one scan of its bytes (plainKeyCount) and one walk of the value; any other
 * (an escape in a string, a key that starts with a digit, ...) by comparing it with JSON.stringify, which
 * costs more than the parse itself.
 */
export function canonicalProblem(bytes: Uint8Array, text: string, raw: unknown, keys = plainKeyCount(bytes)): string | undefined {
  if (keys < 0 && JSON.stringify(raw) !== text) return ORDER;
  walkedKeys = 0;
  const why = notCanonical(raw);
  if (why) return why;
  // A key written twice is one key once parsed (the last value wins): JSON.stringify would have lost it.
  return keys >= 0 && walkedKeys !== keys ? ORDER : undefined;
}

/**
 * The number of object keys in a JSON text that is plain, or -1. Plain: no whitespace outside strings, no
 * escape in any string, every number an integer in its shortest form, no key that starts with a digit, and
 * no forbidden key (FORBIDDEN_KEY: in a plain text a quoted name followed by a colon is a key, so this scan
 * sees every place that pattern can match; any other text is searched with the pattern itself).
 * For such a text that parses, JSON.stringify of the value gives the text back exactly when notCanonical
 * finds nothing and walks as many keys as this counts: keys come back in the order written (only keys
 * that look like array indexes are reordered, and they start with a digit), a string without escapes
 * comes back as written (raw text in valid UTF-8 needs none), an integer in shortest form too, and a key
 * written twice is the one case where the walk counts fewer. Any other text is compared with
 * JSON.stringify itself. One pass over the bytes; a test checks it agrees with JSON.stringify.
 */
export function plainKeyCount(b: Uint8Array): number {
  const n = b.length;
  let keys = 0;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c === 0x22) {
      let j = i + 1;
      for (;;) {
        const d = b[j];
        if (d === 0x22) break;
        if (d === 0x5c || d === undefined) return -1;
        j++;
      }
      if (b[j + 1] === 0x3a) {
        const first = b[i + 1]!;
        if (first >= 0x30 && first <= 0x39) return -1;
        if (isForbiddenKey(b, i + 1, j - i - 1)) return -1;
        keys++;
        i = j + 2;
      } else i = j + 1;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      // "-0" is -0, which JSON.stringify writes as 0 (and "-0.5" is no integer).
      if (c === 0x2d && b[j] === 0x30) return -1;
      while (j < n && b[j]! >= 0x30 && b[j]! <= 0x39) j++;
      const next = b[j];
      if (next === 0x2e || next === 0x65 || next === 0x45) return -1;
      i = j;
    } else if (c <= 0x20) return -1;
    else i++;
  }
  return keys;
}

/**
 * Reads an entry from the exact bytes its author wrote. Bytes that are valid JSON but not canonical are
 * refused: two encodings of one entry would give two ids (canonicalProblem: the text must be what
 * JSON.stringify writes of the parsed value, with keys in sorted order and only safe integers).
 */
export function decodeEntry(bytes: Buffer): EncodedEntry {
  // Invalid UTF-8 would be read as replacement characters: two byte strings (two ids) for one entry.
  if (!isUtf8(bytes)) throw new Error('entry is not valid UTF-8');
  const text = bytes.toString('utf8');
  // A plain text's keys were looked at by plainKeyCount; in any other, a "key": inside a string value would
  // have its quotes escaped.
  const keys = plainKeyCount(bytes);
  const forbidden = keys < 0 ? FORBIDDEN_KEY.exec(text) : null;
  if (forbidden) throw new SyntaxError(`forbidden key ${forbidden[0].slice(0, -1)}`);
  const raw = JSON.parse(text) as unknown;
  // The hand-written check is the fast path for the hundreds of thousands of entries of a large file; the
  // schema gives the precise message when it fails.
  if (!looksLikeEntry(raw)) {
    const parsed = entrySchema.safeParse(raw);
    const first = parsed.success ? undefined : parsed.error.issues[0];
    throw new Error(`entry does not match the format (${first ? `${first.path.join('.')}: ${first.message}` : 'unknown'})`);
  }
  const why = canonicalProblem(bytes, text, raw, keys);
  if (why) throw new Error(why);
  // The raw object, not the schema's copy: it keeps the canonical key order of nested values.
  return { id: sha256Hex(bytes), bytes, entry: raw };
}

const KEYS = ['author', 'gemeente', 'hlc', 'ops', 'prev', 'seq', 'v'];
const OP_TYPE = /^[a-z]+\.[a-z_]+$/;
const HEX64 = /^[0-9a-f]{64}$/;
const knownAuthors = new Set<string>();

/** Exactly what entrySchema accepts (a test checks both agree), without building a copy of the entry. */
export function looksLikeEntry(raw: unknown): raw is Entry {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const e = raw as Record<string, unknown>;
  const keys = Object.keys(e);
  if (keys.length !== KEYS.length || !keys.every((k) => KEYS.includes(k))) return false;
  if (e.v !== ENTRY_VERSION || typeof e.seq !== 'number' || !Number.isSafeInteger(e.seq) || e.seq < 1) return false;
  if (typeof e.author !== 'string' || (!knownAuthors.has(e.author) && !isPublicKey(e.author))) return false;
  knownAuthors.add(e.author);
  if (typeof e.gemeente !== 'string' || !GEMEENTE_CODE.test(e.gemeente)) return false;
  if (e.prev !== null && (typeof e.prev !== 'string' || !HEX64.test(e.prev))) return false;
  if (typeof e.hlc !== 'string' || !isHlc(e.hlc)) return false;
  if (!Array.isArray(e.ops) || e.ops.length < 1 || e.ops.length > MAX_OPS_PER_ENTRY) return false;
  for (const op of e.ops as unknown[]) {
    if (typeof op !== 'object' || op === null || Array.isArray(op)) return false;
    const o = op as Record<string, unknown>;
    if (typeof o.t !== 'string' || !OP_TYPE.test(o.t) || typeof o.id !== 'string' || o.id.length < 1 || o.id.length > 64) return false;
  }
  return true;
}
