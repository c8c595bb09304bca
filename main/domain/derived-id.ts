// Ids derived from what a record is about (one answer per request, one commitment per request and officer),
// so doing the same thing twice on two laptops ends in one record, not two.
import { createHash } from 'node:crypto';
import { makeRecordId, type RecordKindTag } from '../../shared/domain/ids';

export function derivedId(owner: string, tag: RecordKindTag, ...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('|')).digest();
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let out = '';
  for (let i = 0; i < 16; i++) out += alphabet[digest[i]! & 31];
  return makeRecordId(owner, tag, out);
}
