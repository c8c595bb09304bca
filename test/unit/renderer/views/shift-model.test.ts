// The Evenement screen's model: wall-clock arithmetic, the timeline's scale and bars, the rows of the shift
// list, which violations belong to which shift, and the name of a copied edition.
import { describe, expect, it } from 'vitest';
import type { ShiftPlan } from '../../../../shared/api/planning';
import type { Violation } from '../../../../shared/rules/types';
import { addMinutes, barOf, eventViolations, hourLabel, nextEditionName, timelineRows, timelineScale, violationsByShift } from '../../../../renderer/views/event/shift-model';

const shift = (id: string, start: string, end: string, extra: Partial<ShiftPlan> = {}) => ({ id, start, end, requests: [], officers: [], ...extra }) as unknown as ShiftPlan;
const violation = (records: string[]) => ({ rule: 'rest', records }) as unknown as Violation;

describe('shift model', () => {
  it('adds minutes on the wall clock, across midnight and a month end', () => {
    expect(addMinutes('2027-08-31T23:30', 45)).toBe('2027-09-01T00:15');
    expect(addMinutes('2027-03-28T01:30', 60)).toBe('2027-03-28T02:30');
  });

  it('scales the timeline to whole hours around the shifts, at least eight wide, and places the bars', () => {
    expect(timelineScale([])).toEqual({ from: 480, to: 1200 });
    const scale = timelineScale([shift('a', '2027-08-06T14:15', '2027-08-06T22:00'), shift('b', '2027-08-06T20:00', '2027-08-07T02:00')]);
    expect(scale).toEqual({ from: 14 * 60, to: 26 * 60 });
    expect(barOf(shift('b', '2027-08-06T20:00', '2027-08-07T02:00'), scale)).toEqual({ left: 50, width: 50 });
    expect(timelineScale([shift('c', '2027-08-06T10:00', '2027-08-06T11:00')])).toEqual({ from: 600, to: 1080 });
    expect(hourLabel(25 * 60)).toBe('01:00');
  });

  it('lists a heading per day with its number of shifts, and numbers the shifts in order', () => {
    const rows = timelineRows([shift('a', '2027-08-06T14:00', '2027-08-06T22:00'), shift('b', '2027-08-06T20:00', '2027-08-07T02:00'), shift('c', '2027-08-07T14:00', '2027-08-07T22:00')]);
    expect(rows.map((r) => (r.kind === 'day' ? `${r.date}:${r.count}` : `${r.shift.id}#${r.position}`))).toEqual(['2027-08-06:2', 'a#1', 'b#2', '2027-08-07:1', 'c#3']);
  });

  it('gives a violation to each shift whose shift, request or commitment it names, once', () => {
    const a = shift('a', '2027-08-06T14:00', '2027-08-06T22:00', { requests: [{ id: 'rq1' }], officers: [{ commitmentId: 'cm1' }] } as unknown as Partial<ShiftPlan>);
    const b = shift('b', '2027-08-07T14:00', '2027-08-07T22:00');
    const both = violation(['cm1', 'b', 'rq1']);
    const elsewhere = violation(['other']);
    const map = violationsByShift([a, b], [both, elsewhere]);
    expect(map.get('a')).toEqual([both]);
    expect(map.get('b')).toEqual([both]);
    expect(eventViolations('ev1', [a, b], [both, elsewhere, violation(['ev1'])])).toHaveLength(2);
  });

  it('moves the year in a copied edition name only when the year changes and is in the name', () => {
    expect(nextEditionName('Strandfeest 2027', '2027', '2028')).toBe('Strandfeest 2028');
    expect(nextEditionName('Strandfeest', '2027', '2028')).toBe('Strandfeest');
    expect(nextEditionName('Strandfeest 2027', '2027', '2027')).toBe('Strandfeest 2027');
  });
});
