// The period a new agreement starts with: the next 12 months, whatever month it is proposed in.
import { describe, expect, it } from 'vitest';
import { defaultPeriod, defaultValues } from '../../../renderer/views/agreements/propose-model';

describe('a new agreement’s period', () => {
  it('runs 12 months from the first of next month', () => {
    expect(defaultPeriod('2026-12-05')).toEqual({ start: '2027-01-01', end: '2027-12-31' });
    expect(defaultPeriod('2027-03-15')).toEqual({ start: '2027-04-01', end: '2028-03-31' });
    expect(defaultPeriod('2028-01-31')).toEqual({ start: '2028-02-01', end: '2029-01-31' });
    expect(defaultValues('GM0473', '2027-03-15').title).toBe('Convenant handhaving evenementen 2027-2028');
  });
});
