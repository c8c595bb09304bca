// The character-by-character parsers that run for every op of a plan file agree exactly with their
// regular-expression specifications, on valid, nearly valid and random input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseLocal, parseLocalByPattern } from '../../../../shared/time/local';
import { parseRecordId, parseRecordIdByPattern } from '../../../../shared/domain/ids';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const localish = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
    .map(([y, mo, d, h, mi]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}`),
  fc.constantFrom(
    '2028-02-29T10:00',
    '2027-02-29T10:00',
    '2000-02-29T00:00',
    '1900-02-29T00:00',
    '0000-02-29T00:00',
    '0004-02-29T00:00',
    '2027-07-10T14:00Z',
    '2027-07-10 14:00',
    '２０２７-07-10T14:00',
    '2027-7-10T14:00',
  ),
  fc.string({ maxLength: 18 }),
  fc.string({ minLength: 16, maxLength: 16 }),
);
const idish = fc.oneof(
  fc.tuple(fc.stringMatching(/^G[A-Z]\d{3,5}$/), fc.stringMatching(/^[a-zA-Z0-9]{1,3}$/), fc.stringMatching(/^[a-z0-9A-Z_]{8,34}$/)).map(([g, t, r]) => `${g}.${t}.${r}`),
  fc.tuple(fc.stringMatching(/^GM\d{4}$/), fc.constantFrom('ev', 'of', 'sh', 'cm', 'EV', 'e1'), fc.stringMatching(/^[a-z0-9]{9,33}$/)).map(([g, t, r]) => `${g}.${t}.${r}`),
  fc.constantFrom('GM0473.ev.abcdefghij', 'GM0473.ev.abcdefghij\n', 'GM0473.ev.' + 'a'.repeat(32), 'GM0473.ev.' + 'a'.repeat(33), 'GM047.ev.abcdefghijk', ''),
  fc.string({ maxLength: 44 }),
);

describe('fast parsers', () => {
  it('parseLocal equals its pattern form', () => {
    fc.assert(
      fc.property(localish, (v) => {
        expect(parseLocal(v)).toEqual(parseLocalByPattern(v));
      }),
      { numRuns: 20_000 },
    );
  });

  it('parseRecordId equals its pattern form', () => {
    fc.assert(
      fc.property(idish, (v) => {
        expect(parseRecordId(v)).toEqual(parseRecordIdByPattern(v));
      }),
      { numRuns: 20_000 },
    );
  });
});
