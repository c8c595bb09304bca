import { describe, expect, it } from 'vitest';
import { epochToLocal, isLocalDateTime, localToEpoch, minutesBetween } from '../../../../shared/time/local';

describe('Amsterdam local times', () => {
  it('converts summer and winter times to the right instant', () => {
    expect(new Date(localToEpoch('2027-08-27T16:00')).toISOString()).toBe('2027-08-27T14:00:00.000Z');
    expect(new Date(localToEpoch('2027-01-27T16:00')).toISOString()).toBe('2027-01-27T15:00:00.000Z');
  });

  it('counts real hours across the DST changes', () => {
    // The night of 27-28 March 2027 is one hour shorter, 30-31 October one hour longer.
    expect(minutesBetween('2027-03-27T22:00', '2027-03-28T06:00')).toBe(7 * 60);
    expect(minutesBetween('2027-10-30T22:00', '2027-10-31T06:00')).toBe(9 * 60);
    expect(minutesBetween('2027-06-01T22:00', '2027-06-02T06:00')).toBe(8 * 60);
  });

  it('moves a skipped time forward and takes the first of a repeated one', () => {
    expect(epochToLocal(localToEpoch('2027-03-28T02:30'))).toBe('2027-03-28T03:30');
    expect(new Date(localToEpoch('2027-10-31T02:30')).toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });

  it('refuses impossible dates', () => {
    expect(isLocalDateTime('2027-02-29T10:00')).toBe(false);
    expect(isLocalDateTime('2028-02-29T10:00')).toBe(true);
    expect(isLocalDateTime('2027-13-01T10:00')).toBe(false);
    expect(isLocalDateTime('2027-01-01T24:00')).toBe(false);
    expect(isLocalDateTime('27-08-2027 10:00')).toBe(false);
  });
});
