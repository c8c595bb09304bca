// The stamps column: the grouped form written since schema 5 and the per-field form of older rows read alike.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { latestStamp, oneStamp, readStamps, writeStamps } from '../../../../main/log/stamps';

const stamp = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.constantFrom('lQlEvUg8ryw_Nw1eMSD01VGZechDZ-DJEZ1Aq6_uFoo', 'OQJsrb26rPdDNy8r-msBF0bUCSUrjhJVy3sOPVOBxLI'))
  .map(([n, a]) => `${String(1764213459911 + n).padStart(16, '0')}:0000 ${a}`);
const field = fc.constantFrom('name', 'place', 'start', 'end', 'risk', 'visitors', 'status', 'cancelled');

describe('stamps', () => {
  it('reads back what it wrote, field by field', () => {
    fc.assert(
      fc.property(fc.dictionary(field, stamp), (stamps) => {
        expect(readStamps(writeStamps(stamps))).toEqual(stamps);
      }),
    );
  });

  it('reads the per-field form of rows written before schema 5', () => {
    const s = '0001764213459911:0000 OQJsrb26rPdDNy8r-msBF0bUCSUrjhJVy3sOPVOBxLI';
    expect(readStamps(JSON.stringify({ name: s, status: s }))).toEqual({ name: s, status: s });
    expect(readStamps('{}')).toEqual({});
  });

  it('finds the newest stamp of a row in both forms, as the sorted stamps of its fields end', () => {
    const newest = (stamps: Record<string, string>) => Object.values(stamps).sort().at(-1) ?? '';
    fc.assert(
      fc.property(fc.dictionary(field, stamp), (stamps) => {
        expect(latestStamp(writeStamps(stamps))).toBe(newest(stamps));
        expect(latestStamp(JSON.stringify(stamps))).toBe(newest(stamps));
      }),
    );
    expect(latestStamp('{}')).toBe('');
  });

  it('keeps one stamp once for a whole create', () => {
    const s = '0001764213459911:0000 OQJsrb26rPdDNy8r-msBF0bUCSUrjhJVy3sOPVOBxLI';
    const fields = ['event', 'start', 'end', 'role', 'needed', 'inPairs', 'qualifications', 'cancelled'];
    const text = oneStamp(s, fields);
    expect(readStamps(text)).toEqual(Object.fromEntries(fields.map((f) => [f, s])));
    expect(text.length).toBeLessThan(JSON.stringify(Object.fromEntries(fields.map((f) => [f, s]))).length / 4);
  });
});
