// The Kalender's model: Monday-first weeks, ISO week numbers at year ends, a night that belongs to the
// evening it started, the filter, and the range each mode shows.
import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../../../shared/api/planning';
import { addMonths, applyFilter, eventDays, eventsByDay, isoWeek, monthGrid, startOfWeek, step, today, visibleRange, weekDays } from '../../../../renderer/views/calendar/calendar-model';

const ev = (id: string, start: string, end: string, host = 'GM0473', risk: CalendarEvent['risk'] = 'A') => ({ id, start, end, host, risk }) as CalendarEvent;

describe('calendar model', () => {
  it('starts weeks on Monday and shows a month as whole weeks', () => {
    expect(startOfWeek('2027-08-01')).toBe('2027-07-26');
    expect(weekDays('2027-08-04')).toEqual(['2027-08-02', '2027-08-03', '2027-08-04', '2027-08-05', '2027-08-06', '2027-08-07', '2027-08-08']);
    const grid = monthGrid('2027-08-15');
    expect(grid[0]![0]).toBe('2027-07-26');
    expect(grid.at(-1)![6]).toBe('2027-09-05');
    expect(grid.every((w) => w.length === 7)).toBe(true);
  });

  it('numbers weeks as ISO 8601 does around a year end', () => {
    expect(isoWeek('2027-01-01')).toEqual({ week: 53, year: 2026 });
    expect(isoWeek('2027-01-04')).toEqual({ week: 1, year: 2027 });
    expect(isoWeek('2024-12-30')).toEqual({ week: 1, year: 2025 });
  });

  it('moves by month from the first of the month, and through December', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-01');
    expect(addMonths('2027-12-10', 1)).toBe('2028-01-01');
    expect(step('month', '2027-03-01', -1)).toBe('2027-02-01');
    expect(step('week', '2027-03-01', 1)).toBe('2027-03-08');
    expect(step('list', '2027-03-01', 1)).toBe('2028-01-01');
  });

  it('keeps a night until 06:00 on the evening it started, and a longer event on every day', () => {
    expect(eventDays(ev('a', '2027-08-06T20:00', '2027-08-07T02:00'))).toEqual({ first: '2027-08-06', last: '2027-08-06' });
    expect(eventDays(ev('b', '2027-08-06T20:00', '2027-08-07T07:00'))).toEqual({ first: '2027-08-06', last: '2027-08-07' });
    const days = weekDays('2027-08-04');
    const byDay = eventsByDay([ev('long', '2027-07-30T10:00', '2027-08-03T18:00'), ev('late', '2027-08-03T09:00', '2027-08-03T12:00'), ev('early', '2027-08-02T08:00', '2027-08-02T09:00')], days);
    expect(byDay.get('2027-08-02')!.map((e) => e.id)).toEqual(['long', 'early']);
    expect(byDay.get('2027-08-03')!.map((e) => e.id)).toEqual(['long', 'late']);
    expect(byDay.get('2027-08-04')).toEqual([]);
  });

  it('hides the hosts and risk classes the filter names', () => {
    const events = [ev('a', '2027-08-02T10:00', '2027-08-02T12:00', 'GM0473', 'A'), ev('b', '2027-08-02T10:00', '2027-08-02T12:00', 'GM0397', 'C')];
    expect(applyFilter(events, { hiddenHosts: ['GM0397'], hiddenRisks: [] }).map((e) => e.id)).toEqual(['a']);
    expect(applyFilter(events, { hiddenHosts: [], hiddenRisks: ['A'] }).map((e) => e.id)).toEqual(['b']);
  });

  it('shows the month grid, the week or the whole year, and knows today in Amsterdam', () => {
    expect(visibleRange('month', '2027-08-15')).toEqual({ from: '2027-07-26', to: '2027-09-05' });
    expect(visibleRange('week', '2027-08-15')).toEqual({ from: '2027-08-09', to: '2027-08-15' });
    expect(visibleRange('list', '2027-08-15')).toEqual({ from: '2027-01-01', to: '2027-12-31' });
    // 23:30 UTC on 31 December is already New Year in Amsterdam.
    expect(today(new Date('2027-12-31T23:30:00Z'))).toBe('2028-01-01');
  });
});
