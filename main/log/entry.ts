// An entry: one user action, as canonical JSON bytes in its author's hash chain. id = sha256(bytes).
import { z } from 'zod';
import { canonicalJson, parseJsonStrict } from './canonical';
import { isHlc } from './hlc';
import { isPublicKey, sha256Hex } from './identity';
import { GEMEENTE_CODE } from '../../shared/domain/gemeenten';

export const ENTRY_VERSION = 1;
export const MAX_OPS_PER_ENTRY = 500;

const opSchema = z
  .object({
    t: z.string().regex(/^[a-z]+\.[a-z_]+$/),
    id: z.string().min(1).max(64),
  })
  .catchall(z.unknown());

export const entrySchema = z
  .object({
    v: z.literal(ENTRY_VERSION),
    author: z.string().refine(isPublicKey, 'author is not an Ed25519 public key'),
    gemeente: z.string().regex(GEMEENTE_CODE),
    seq: z.number().int().min(1),
    prev: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
    hlc: z.string().refine(isHlc, 'hlc is not a clock stamp'),
    ops: z.array(opSchema).min(1).max(MAX_OPS_PER_ENTRY),
  })
  .strict();

export type Entry = z.output<typeof entrySchema>;
export type Op = Entry['ops'][number];

export interface EncodedEntry {
  id: string;
  bytes: Buffer;
  entry: Entry;
}

export function encodeEntry(entry: Entry): EncodedEntry {
  const bytes = Buffer.from(canonicalJson(entry), 'utf8');
  return { id: sha256Hex(bytes), bytes, entry };
}

/**
 * Reads an entry from the exact bytes its author wrote. Bytes that are valid JSON but not canonical are
 * refused: two encodings of one entry would give two ids.
 */
export function decodeEntry(bytes: Buffer): EncodedEntry {
  const text = bytes.toString('utf8');
  const parsed = entrySchema.safeParse(parseJsonStrict(text));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`entry does not match the format (${first ? `${first.path.join('.')}: ${first.message}` : 'unknown'})`);
  }
  if (canonicalJson(parsed.data) !== text) throw new Error('entry is not in canonical form');
  return { id: sha256Hex(bytes), bytes, entry: parsed.data };
}
