// Record ids carry their owner: "GM0473.ev.k3f9..." belongs to Zandvoort. Authority can therefore be
// checked from an op alone, before (and regardless of the order in which) its record arrives.
import { GEMEENTE_CODE } from './gemeenten';

export const RECORD_KINDS = {
  ev: 'event',
  of: 'officer',
  sh: 'shift',
  ag: 'agreement',
  sg: 'signature',
  ab: 'absence',
  rq: 'request',
  rs: 'response',
  cm: 'commitment',
  st: 'statement',
  ss: 'cosign',
} as const;
export type RecordKindTag = keyof typeof RECORD_KINDS;

const RECORD_ID = /^(GM\d{4})\.([a-z]{2})\.([a-z0-9]{10,32})$/;

export function makeRecordId(owner: string, tag: RecordKindTag, random: string): string {
  if (!GEMEENTE_CODE.test(owner)) throw new RangeError(`Not a gemeente code: ${owner}`);
  return `${owner}.${tag}.${random}`;
}

const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The owner and kind of a record id, or undefined if it is not one. Checked character by character (it
 * runs several times for every op of a plan file); RECORD_ID describes the same form.
 */
export function parseRecordId(id: string): { owner: string; tag: string } | undefined {
  const n = id.length;
  if (n < 20 || n > 42 || id.charCodeAt(0) !== 71 || id.charCodeAt(1) !== 77 || id.charCodeAt(6) !== 46 || id.charCodeAt(9) !== 46) return undefined;
  for (let i = 2; i < 6; i++) if (!isDigit(id.charCodeAt(i))) return undefined;
  if (!isLower(id.charCodeAt(7)) || !isLower(id.charCodeAt(8))) return undefined;
  for (let i = 10; i < n; i++) {
    const c = id.charCodeAt(i);
    if (!isLower(c) && !isDigit(c)) return undefined;
  }
  return { owner: id.slice(0, 6), tag: id.slice(7, 9) };
}

/** The regular-expression form of parseRecordId, kept as its specification (a property test compares them). */
export function parseRecordIdByPattern(id: string): { owner: string; tag: string } | undefined {
  const m = RECORD_ID.exec(id);
  return m ? { owner: m[1]!, tag: m[2]! } : undefined;
}

export function isRecordId(id: string, tag: RecordKindTag): boolean {
  return parseRecordId(id)?.tag === tag;
}
