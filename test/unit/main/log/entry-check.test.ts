// The fast entry check and the entry schema accept exactly the same values.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { entrySchema, looksLikeEntry } from '../../../../main/log/entry';

const valid = {
  author: 'lQlEvUg8ryw_Nw1eMSD01VGZechDZ-DJEZ1Aq6_uFoo',
  gemeente: 'GM0473',
  hlc: '0001795741348112:0000',
  ops: [{ id: 'GM0473.ev.aaaaaaaaaaaaaaaa', set: { name: 'x' }, t: 'event.create' }],
  prev: null,
  seq: 1,
  v: 1,
};

const anyValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.constant('GM0397'), fc.constant('a'.repeat(64)), fc.constant([]), fc.constant({}));

describe('the fast entry check', () => {
  it('accepts a valid entry', () => {
    expect(looksLikeEntry(valid)).toBe(true);
    expect(entrySchema.safeParse(valid).success).toBe(true);
  });

  it('agrees with the schema on every mutation of a valid entry', () => {
    const keys = Object.keys(valid);
    fc.assert(
      fc.property(fc.constantFrom(...keys, 'extra'), anyValue, fc.boolean(), (key, value, drop) => {
        const e: Record<string, unknown> = { ...valid };
        if (drop && key !== 'extra') delete e[key];
        else e[key] = value;
        expect(looksLikeEntry(e)).toBe(entrySchema.safeParse(e).success);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.constantFrom('t', 'id', 'set'), anyValue, (key, value) => {
        const op: Record<string, unknown> = { ...valid.ops[0], [key]: value };
        const e = { ...valid, ops: [op] };
        expect(looksLikeEntry(e)).toBe(entrySchema.safeParse(e).success);
      }),
      { numRuns: 1000 },
    );
  });
});
