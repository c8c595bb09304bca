// @vitest-environment jsdom
// Form helpers: contract hours typed with a comma (28,8), and the next day offered for a shift end past midnight.
import { describe, expect, it } from 'vitest';
import { nextDayEnd } from '../../../renderer/views/event/shift-model';
import { hoursText, parseHours } from '../../../renderer/views/officers/officer-form';

describe('contract hours as typed', () => {
  // Whole hours and one decimal with a comma or a point, from 0 to 60; anything else is no number of hours.
  it.each([
    ['36', 36],
    [' 28,8 ', 28.8],
    ['28.8', 28.8],
    ['60', 60],
    ['60,5', undefined],
    ['28,85', undefined],
    ['', undefined],
    ['-1', undefined],
  ])('reads %j as %s', (typed, hours) => {
    expect(parseHours(typed)).toBe(hours);
  });

  it('are shown with the decimal sign of the language', () => {
    expect(hoursText(28.8, 'nl')).toBe('28,8');
    expect(hoursText(28.8, 'en')).toBe('28.8');
  });
});

describe('a shift end before its start on the same day', () => {
  it('suggests the same time on the next day', () => {
    expect(nextDayEnd('2027-07-10T20:00', '2027-07-10T02:00')).toBe('2027-07-11T02:00');
    expect(nextDayEnd('2027-12-31T22:00', '2027-12-31T06:00')).toBe('2028-01-01T06:00');
    expect(nextDayEnd('2027-07-10T20:00', '2027-07-10T20:00')).toBe('2027-07-11T20:00');
  });
  it('suggests nothing when the times are fine, on other days, or incomplete', () => {
    expect(nextDayEnd('2027-07-10T20:00', '2027-07-11T02:00')).toBeUndefined();
    expect(nextDayEnd('2027-07-10T08:00', '2027-07-10T16:00')).toBeUndefined();
    expect(nextDayEnd('2027-07-10T20:00', '2027-07-09T02:00')).toBeUndefined();
    expect(nextDayEnd('2027-07-10T20:00', '')).toBeUndefined();
  });
});
