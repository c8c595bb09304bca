// The stale-answer rule shared by useApiQuery and the stores: only the newest load may show its answer.
import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../../renderer/api/latest-only';

describe('latestOnly', () => {
  it('lets the newest load through and stops every older one', () => {
    const guard = latestOnly();
    const week1 = guard.start();
    const week2 = guard.start();
    expect(week1()).toBe(false);
    expect(week2()).toBe(true);
  });

  it('stops a load under way once a change put a newer value on screen', () => {
    const guard = latestOnly();
    const load = guard.start();
    guard.supersede();
    expect(load()).toBe(false);
    expect(guard.start()()).toBe(true);
  });

  it('keeps two guards apart (two screens loading at once)', () => {
    const a = latestOnly();
    const b = latestOnly();
    const loadA = a.start();
    b.start();
    b.supersede();
    expect(loadA()).toBe(true);
  });
});
