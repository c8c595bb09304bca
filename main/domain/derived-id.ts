// Ids derived from what a record is about (one answer per request, one commitment per request and officer),
// so doing the same thing twice on two laptops ends in one record, not two; and the seeded randomness of
// demo and benchmark data, the same on every machine.
import { createHash } from 'node:crypto';
import { makeRecordId, type RecordKindTag } from '../../shared/domain/ids';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export function derivedId(owner: string, tag: RecordKindTag, ...parts: (string | number)[]): string {
  const digest = createHash('sha256').update(parts.join('|')).digest();
  let out = '';
  for (let i = 0; i < 16; i++) out += BASE32[digest[i]! & 31];
  return makeRecordId(owner, tag, out);
}

/** mulberry32: small, fast, and the same on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
