// @vitest-environment jsdom
// Choices the planning screens offer: which agreements the "ask a partner" dialog lists for a shift, and the
// Kalender's events over the years shown (an event over New Year once, in start order).
import { describe, expect, it } from 'vitest';
import type { AgreementRecord } from '../../../../shared/domain/agreement';
import type { CalendarEvent } from '../../../../shared/api/planning';
import { agreementsFor } from '../../../../renderer/views/event/request-dialog';
import { eventsOfYears } from '../../../../renderer/views/calendar/calendar-store';

const HAARLEM = 'GM0392';
const ZANDVOORT = 'GM0473';
const HEEMSTEDE = 'GM0397';

function agreement(title: string, over: Partial<AgreementRecord> = {}): AgreementRecord {
  return {
    id: title,
    title,
    parties: [HAARLEM, ZANDVOORT],
    providers: { [ZANDVOORT]: {} },
    signedByAll: true,
    start: '2027-01-01',
    end: '2027-12-31',
    terminatedFrom: null,
    ...over,
  } as unknown as AgreementRecord;
}

describe('agreements offered when asking a partner for officers', () => {
  const shift = { start: '2027-12-31T20:00', end: '2028-01-01T04:00' };
  const all = [
    agreement('Heel 2027'),
    agreement('2027 en 2028', { end: '2028-12-31' }),
    agreement('Nog niet getekend', { end: '2028-12-31', signedByAll: false }),
    agreement('Opgezegd per oudjaar', { end: '2028-12-31', terminatedFrom: '2027-12-31' }),
    agreement('Zandvoort levert niet', { end: '2028-12-31', providers: { [HAARLEM]: {} } as never }),
    agreement('Met Heemstede', { end: '2028-12-31', parties: [HAARLEM, HEEMSTEDE], providers: { [HEEMSTEDE]: {} } as never }),
  ];

  it('lists only signed agreements with that partner as provider, in force on every date the shift touches', () => {
    expect(agreementsFor(all, HAARLEM, ZANDVOORT, shift).map((a) => a.title)).toEqual(['2027 en 2028']);
  });

  it('lists the agreement with the other partner when that partner is chosen', () => {
    expect(agreementsFor(all, HAARLEM, HEEMSTEDE, shift).map((a) => a.title)).toEqual(['Met Heemstede']);
  });
});

describe('Kalender events over the years shown', () => {
  const ev = (id: string, start: string) => ({ id, start }) as unknown as CalendarEvent;
  const years = { 2027: [ev('kerst', '2027-12-24'), ev('oudjaar', '2027-12-31')], 2028: [ev('oudjaar', '2027-12-31'), ev('nieuwjaarsduik', '2028-01-01')] };

  it('shows an event over New Year once, in start order', () => {
    expect(eventsOfYears(years, [2027, 2028])?.map((e) => e.id)).toEqual(['kerst', 'oudjaar', 'nieuwjaarsduik']);
  });

  it('shows nothing yet while a year shown is still loading', () => {
    expect(eventsOfYears(years, [2028, 2029])).toBeUndefined();
  });
});
