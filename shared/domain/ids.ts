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
} as const;
export type RecordKindTag = keyof typeof RECORD_KINDS;

const RECORD_ID = /^(GM\d{4})\.([a-z]{2})\.([a-z0-9]{10,32})$/;

export function makeRecordId(owner: string, tag: RecordKindTag, random: string): string {
  if (!GEMEENTE_CODE.test(owner)) throw new RangeError(`Not a gemeente code: ${owner}`);
  return `${owner}.${tag}.${random}`;
}

export function parseRecordId(id: string): { owner: string; tag: string } | undefined {
  const m = RECORD_ID.exec(id);
  return m ? { owner: m[1]!, tag: m[2]! } : undefined;
}

export function isRecordId(id: string, tag: RecordKindTag): boolean {
  return parseRecordId(id)?.tag === tag;
}
