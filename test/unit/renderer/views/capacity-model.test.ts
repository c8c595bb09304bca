// The Capaciteit screen's pure model: who is where on a day, how dark the day is, weeks, Mondays, ISO weeks.
import { describe, expect, it } from 'vitest';
import type { CapacityView } from '../../../../shared/api/coordination';
import { heatLevel, isoWeekNumber, mondayOf, summarise, weeksOf } from '../../../../renderer/views/capacity/capacity-model';

const view = {
  days: ['2027-08-02', '2027-08-03'],
  officers: [
    { name: 'A. Jansen', cells: [{ state: 'available' }, { state: 'committed', work: [] }] },
    { name: 'B. de Vries', cells: [{ state: 'absent' }, { state: 'available' }] },
    { name: 'C. Bakker', cells: [{ state: 'no_akte' }, { state: 'available' }] },
    { name: 'D. Smit', cells: [{ state: 'available' }, { state: 'available' }] },
  ],
  partners: [[], []],
} as unknown as CapacityView;

describe('capacity model', () => {
  it('sorts the officers of a day into available, committed, absent and without akte', () => {
    expect(summarise(view, 0)).toMatchObject({ date: '2027-08-02', available: ['A. Jansen', 'D. Smit'], committed: [], absent: ['B. de Vries'], noAkte: ['C. Bakker'] });
    expect(summarise(view, 1)).toMatchObject({ available: ['B. de Vries', 'C. Bakker', 'D. Smit'], committed: [{ name: 'A. Jansen', work: [] }] });
  });

  it('grades a day from everyone available (0) to nobody available (4)', () => {
    const day = (available: number, other: number) => ({ date: '', available: Array(available).fill('x'), committed: [], absent: Array(other).fill('y'), noAkte: [], partners: [] });
    expect([heatLevel(day(0, 0)), heatLevel(day(4, 0)), heatLevel(day(3, 1)), heatLevel(day(2, 2)), heatLevel(day(1, 3)), heatLevel(day(0, 4))]).toEqual([0, 0, 1, 2, 3, 4]);
  });

  it('splits days into weeks and finds Mondays and ISO week numbers across a year end', () => {
    expect(weeksOf(['1', '2', '3', '4', '5', '6', '7', '8'])).toEqual([['1', '2', '3', '4', '5', '6', '7'], ['8']]);
    expect(mondayOf('2027-08-08')).toBe('2027-08-02');
    expect(mondayOf('2027-08-02')).toBe('2027-08-02');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(isoWeekNumber('2027-01-01')).toBe(53);
    expect(isoWeekNumber('2027-01-04')).toBe(1);
    expect(isoWeekNumber('2027-08-05')).toBe(31);
  });
});
