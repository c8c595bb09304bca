// Ids derived from what a record is about (one answer per request, one commitment per request and officer),
// so doing the same thing twice on two laptops ends in one record, not two; and the seeded randomness of
// demo and benchmark data, the same on every machine.
// derivedId lives with the record types in log/records (the log may not import domain); kept here too.
export { derivedId } from '../log/records';

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
