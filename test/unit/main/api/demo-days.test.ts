// The sample region's events fall on days they plausibly happen (no Koopzondag on a Monday), whatever day the
// sample is made: the clock is fixed to several dates across a year, so the test does not depend on today.
import { describe, expect, it } from 'vitest';
import { writeDemoPlan } from '../../../../main/generate/demo-plan';
import { EVENT_WEEKDAYS, fitsWeekday, koningsdag, weekdayOf } from '../../../../main/generate/demo-days';
import { Copy } from '../exchange/copies';

const KINDS = Object.keys(EVENT_WEEKDAYS);

describe('sample events on plausible days', () => {
  it('knows the days of the week and Koningsdag', () => {
    expect(weekdayOf('2026-12-06')).toBe(0); // a Sunday
    expect(weekdayOf('2027-07-10')).toBe(6);
    expect(koningsdag(2027)).toBe('2027-04-27');
    expect(koningsdag(2025)).toBe('2025-04-26'); // the 27th was a Sunday
    expect(fitsWeekday('Koopzondag', '2026-12-06')).toBe(true);
    expect(fitsWeekday('Koopzondag', '2026-12-07')).toBe(false);
  });

  it.each(['2026-12-07T09:00:00Z', '2027-03-31T09:00:00Z', '2027-07-12T09:00:00Z', '2027-09-29T09:00:00Z'])('puts every event of a sample made on %s on a fitting weekday', async (now) => {
    const z = await new Copy('GM0473', 'Zandvoort').init();
    writeDemoPlan(z.ctx.db(), z.ctx.me(), new Date(now));
    const events = await z.call('events.list', {});
    expect(events.length).toBeGreaterThan(20);
    const seen = new Set<string>();
    for (const e of events) {
      const kind = KINDS.find((k) => e.name.startsWith(`${k} `));
      expect(kind, e.name).toBeDefined();
      seen.add(kind!);
      expect(fitsWeekday(kind!, e.start.slice(0, 10)), `${e.name} on ${e.start}`).toBe(true);
    }
    // Still a varied sample, not one kind everywhere.
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });
});
