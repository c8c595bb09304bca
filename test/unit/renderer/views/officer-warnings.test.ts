// Handhavers: the paper warnings a coordinator sees beside an officer (akte expired or expiring within 60
// days, a verkeersregelaar appointment older than a year).
import { describe, expect, it } from 'vitest';
import { oneYearAfter, paperWarnings } from '../../../../renderer/views/officers/officer-warnings';

const TODAY = '2027-06-15';

describe('paper warnings of an officer', () => {
  it('says nothing for an akte valid well beyond 60 days and a recent appointment', () => {
    expect(paperWarnings({ akteValidUntil: '2028-01-01', trafficAppointed: '2027-01-10' }, TODAY)).toEqual([]);
  });

  it('warns that the akte expired, with the date it expired', () => {
    expect(paperWarnings({ akteValidUntil: '2027-06-14', trafficAppointed: null }, TODAY)).toEqual([{ kind: 'akteExpired', date: '2027-06-14' }]);
  });

  it('counts the days left when the akte expires within 60 days, the last day included', () => {
    expect(paperWarnings({ akteValidUntil: '2027-06-15', trafficAppointed: null }, TODAY)).toEqual([{ kind: 'akteSoon', date: '2027-06-15', days: 0 }]);
    expect(paperWarnings({ akteValidUntil: '2027-08-14', trafficAppointed: null }, TODAY)).toEqual([{ kind: 'akteSoon', date: '2027-08-14', days: 60 }]);
    expect(paperWarnings({ akteValidUntil: '2027-08-15', trafficAppointed: null }, TODAY)).toEqual([]);
  });

  it('warns once a verkeersregelaar appointment is more than a year old, and says until when it was valid', () => {
    expect(paperWarnings({ akteValidUntil: '2030-01-01', trafficAppointed: '2026-06-15' }, TODAY)).toEqual([]);
    expect(paperWarnings({ akteValidUntil: '2030-01-01', trafficAppointed: '2026-06-14' }, TODAY)).toEqual([{ kind: 'trafficOld', date: '2026-06-14', validUntil: '2027-06-14' }]);
  });

  it('shows both warnings when both papers need attention', () => {
    expect(paperWarnings({ akteValidUntil: '2027-07-01', trafficAppointed: '2025-03-01' }, TODAY).map((w) => w.kind)).toEqual(['akteSoon', 'trafficOld']);
  });

  it('ignores a date that is not a date (an old or half-typed record) instead of warning wrongly', () => {
    expect(paperWarnings({ akteValidUntil: '', trafficAppointed: '1-1-2020' }, TODAY)).toEqual([]);
  });

  it('counts an appointment of 29 February as valid until 28 February a year later', () => {
    expect(oneYearAfter('2028-02-29')).toBe('2029-02-28');
    expect(oneYearAfter('2027-03-31')).toBe('2028-03-31');
  });
});
