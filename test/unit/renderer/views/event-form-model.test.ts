// The event form's pure model: visitors as typed in Dutch, and the same check main runs before saving.
import { describe, expect, it } from 'vitest';
import { EMPTY_EVENT, elementId, fromRecord, parseVisitors, validateEvent } from '../../../../renderer/views/event/event-form-model';
import type { EventRecord } from '../../../../shared/domain/event';

const filled = { ...EMPTY_EVENT, name: 'Dutch Grand Prix', place: 'Zandvoort', start: '2027-08-27T10:00', end: '2027-08-29T19:00', risk: 'C' as const, visitors: '105.000' };

describe('event form model', () => {
  // Visitors as typed: digits, spaces or Dutch thousands dots; empty is none; anything else is not a count.
  it.each([
    ['105000', 105000],
    ['105 000', 105000],
    ['105.000', 105000],
    ['', null],
    ['1,5', NaN],
    ['10.00', NaN],
  ])('reads visitors typed as %j as %s', (typed, visitors) => {
    expect(parseVisitors(typed)).toBe(visitors);
  });

  it('turns a filled form into the api fields, and back', () => {
    const r = validateEvent(filled);
    expect(r).toMatchObject({ ok: true, fields: { name: 'Dutch Grand Prix', visitors: 105000, risk: 'C' } });
    if (!r.ok) return;
    expect(fromRecord({ ...r.fields, id: 'x' } as unknown as EventRecord)).toMatchObject({ ...filled, visitors: '105000' });
  });

  it('reports problems per field: an empty form names name and risk, a bad count names visitors', () => {
    const empty = validateEvent(EMPTY_EVENT);
    expect(empty.ok).toBe(false);
    if (empty.ok) return;
    expect(Object.keys(empty.errors.fields)).toEqual(expect.arrayContaining(['name', 'risk']));
    const bad = validateEvent({ ...filled, visitors: 'veel' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.errors.fields)).toEqual(['visitors']);
    expect(elementId('risk')).toBe('event-risk-A');
    expect(elementId('name')).toBe('event-name');
  });
});
