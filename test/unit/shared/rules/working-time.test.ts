import { describe, expect, it } from 'vitest';
import { evaluatePlan } from '../../../../shared/rules';
import { addDays } from '../../../../shared/rules/calendar';
import type { OfficerRecord } from '../../../../shared/domain/officer';
import { BLOEMENDAAL, HEEMSTEDE, PlanBuilder, ZANDVOORT } from './plan-builder';

const hoursRules = (p: PlanBuilder) => evaluatePlan(p.view).filter((v) => v.code === 'ATW_WEEK_TOO_LONG' || v.code === 'ATW_FOUR_WEEK_AVERAGE');

/** Day shifts from `from` for `days` days, 08:00 to 08:00 + hours (16 h rest or more in between). */
function dayShifts(p: PlanBuilder, o: OfficerRecord, from: string, days: number, hours: number): void {
  for (let i = 0; i < days; i++) {
    const d = addDays(from, i);
    p.work(o, `${d}T08:00`, `${d}T${String(8 + hours).padStart(2, '0')}:00`);
  }
}

describe('rule 3: hours per week and the 4-week average', () => {
  it('allows 60 hours in a week and blocks 61', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    dayShifts(p, sanne, '2027-09-06', 5, 12); // Mon-Fri 12 h = 60 h
    expect(hoursRules(p)).toEqual([]);
    p.work(sanne, '2027-09-11T09:00', '2027-09-11T10:00'); // Saturday one more hour
    const [v, ...rest] = hoursRules(p);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ code: 'ATW_WEEK_TOO_LONG', severity: 'blocking', params: { minutes: 61 * 60, week: 36, weekYear: 2027 } });
    expect(v?.message).toBe('Sanne de Vries werkt 61 u in week 36 van 2027 (6 sep 2027 t/m 12 sep 2027); maximaal 60 uur per week.');
  });

  it('counts a shift from Sunday into Monday in the week each hour falls in', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    dayShifts(p, sanne, '2027-09-06', 5, 11); // 55 h
    p.work(sanne, '2027-09-12T19:00', '2027-09-13T02:00'); // 5 h on Sunday, 2 h on Monday: 60 h
    expect(hoursRules(p)).toEqual([]);

    const q = new PlanBuilder();
    const piet = q.officer('Piet Jansen', HEEMSTEDE);
    dayShifts(q, piet, '2027-09-06', 5, 11);
    q.work(piet, '2027-09-12T18:00', '2027-09-13T02:00'); // 6 h on Sunday: 61 h
    expect(hoursRules(q).map((v) => [v.code, v.params.week])).toEqual([['ATW_WEEK_TOO_LONG', 36]]);
  });

  it('slides the 4-week window across the year boundary: 4 x 56 h over weeks 51 to 2 blocks', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    dayShifts(p, sanne, '2027-12-20', 28, 8); // every day 8 h = 56 h a week, 224 h in 4 weeks
    const [v, ...rest] = hoursRules(p);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      code: 'ATW_FOUR_WEEK_AVERAGE',
      params: { minutes: 224 * 60, averageMinutes: 56 * 60, firstWeek: 51, firstWeekYear: 2027, lastWeek: 2, lastWeekYear: 2028, from: '2027-12-20', to: '2028-01-16' },
    });
    expect(v?.message).toBe(
      'Sanne de Vries werkt 224 u in week 51 van 2027 t/m week 2 van 2028 (20 dec 2027 t/m 16 jan 2028), gemiddeld 56 u per week; over 4 weken maximaal gemiddeld 55 uur per week.',
    );
  });

  it('allows exactly 220 hours in 4 weeks', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    dayShifts(p, sanne, '2027-12-20', 21, 8); // 3 x 56 = 168 h
    dayShifts(p, sanne, '2028-01-10', 6, 8); // 48 h
    p.work(sanne, '2028-01-16T08:00', '2028-01-16T12:00'); // + 4 h = 220 h
    expect(hoursRules(p)).toEqual([]);
  });

  it('reports one overload that several overlapping windows share, by its worst window', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    dayShifts(p, sanne, '2027-11-29', 35, 8); // five weeks of 56 h: two windows of 224 h
    const found = hoursRules(p);
    expect(found).toHaveLength(1);
    expect(found[0]?.params).toMatchObject({ minutes: 224 * 60, from: '2027-11-29' });
    expect(found[0]?.records).toHaveLength(1 + 35);
  });
});

describe('rule 5: the 16-week average of 48 hours (ATW art. 5:7)', () => {
  /** Monday-Friday 08:00 to 08:00 + `minutes` for `weeks` weeks from a Monday; odd weeks for Bloemendaal. */
  function weeksOf(p: PlanBuilder, o: OfficerRecord, monday: string, weeks: number, minutes: number): void {
    const events = [ZANDVOORT, BLOEMENDAAL].map((host) => p.event({ name: `Seizoen ${host}`, host, start: '2027-01-01T00:00', end: '2029-01-01T00:00' }));
    for (let w = 0; w < weeks; w++) {
      for (let d = 0; d < 5; d++) {
        const day = addDays(monday, 7 * w + d);
        const end = 8 * 60 + minutes;
        const e = events[w % 2]!;
        p.assign(o, p.shift(`${day}T08:00`, `${day}T${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`, { eventId: e.id, host: e.host }));
      }
    }
  }
  const sixteen = (p: PlanBuilder) => evaluatePlan(p.view).filter((v) => v.code === 'ATW_SIXTEEN_WEEK_AVERAGE');

  it('allows 16 weeks of exactly 48 h across the year end, and blocks one minute more', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    weeksOf(p, sanne, '2027-11-01', 16, 9 * 60 + 36); // 5 x 9 h 36 = 48 h a week, into February 2028
    expect(evaluatePlan(p.view).filter((v) => v.code.startsWith('ATW_'))).toEqual([]);
    p.work(sanne, '2028-02-19T10:00', '2028-02-19T10:01'); // Saturday of the 16th week
    p.view.events[0]!.end = '2029-01-01T00:00';
    const [v, ...rest] = sixteen(p);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ severity: 'blocking', params: { minutes: 16 * 48 * 60 + 1, from: '2027-11-01', to: '2028-02-20', weeks: 16, firstWeek: 44, lastWeek: 7, lastWeekYear: 2028 } });
    expect(v?.message).toBe(
      'Sanne de Vries werkt 768 u 01 in week 44 van 2027 t/m week 7 van 2028 (1 nov 2027 t/m 20 feb 2028), gemiddeld 48 u per week; over 16 weken maximaal gemiddeld 48 uur per week.',
    );
  });

  it('is broken by 50 h weeks that keep within the 60 h week and the 4-week 55 h', () => {
    const p = new PlanBuilder();
    const sanne = p.officer('Sanne de Vries', HEEMSTEDE);
    weeksOf(p, sanne, '2027-08-02', 16, 10 * 60); // 50 h a week
    expect(
      evaluatePlan(p.view)
        .filter((v) => v.code.startsWith('ATW_'))
        .map((v) => v.code),
    ).toEqual(['ATW_SIXTEEN_WEEK_AVERAGE']);
  });
});
