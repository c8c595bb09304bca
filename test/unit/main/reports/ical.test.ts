// iCal files read back: Europe/Amsterdam times across the October clock change, stable UIDs, folding, escaping.
import { beforeAll, describe, expect, it } from 'vitest';
import { quarterScenario, type Scenario } from './scenario';
import { parseIcs, unescapeText, type IcsProperty } from './parse';
import { calendar, escapeText, fold } from '../../../../main/reports/ical';

let s: Scenario;
beforeAll(async () => {
  s = await quarterScenario();
}, 60_000);

const prop = (event: IcsProperty[], name: string) => event.find((p) => p.name === name);

/** The last Sunday of a month, as a day number. */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/**
 * A local Amsterdam time from an ICS value to UTC milliseconds, using the rules a VTIMEZONE with these
 * DAYLIGHT and STANDARD components describes (summer time from the last Sunday of March 02:00 to the last
 * Sunday of October 03:00), as a calendar program would: independent of the code under test.
 */
function amsterdamToUtc(value: string): number {
  const [y, mo, d, h, mi] = [value.slice(0, 4), value.slice(4, 6), value.slice(6, 8), value.slice(9, 11), value.slice(11, 13)].map(Number) as [number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  const summerStart = Date.UTC(y, 2, lastSunday(y, 3), 2);
  const summerEnd = Date.UTC(y, 9, lastSunday(y, 10), 3);
  // An ambiguous time in the repeated hour is read as its first (summer) occurrence, as RFC 5545 says.
  const summer = naive >= summerStart && naive < summerEnd;
  return naive - (summer ? 2 : 1) * 3_600_000;
}

async function icsOf(req: { kind: 'ical-officer'; officerId: string } | { kind: 'ical-event'; eventId: string }, copy = s.h) {
  const f = await copy.call('reports.file', req);
  return { file: f, text: Buffer.from(f.base64, 'base64').toString('utf8') };
}

describe("an officer's shifts as iCal", () => {
  it('gives Sanne her Grand Prix shift in summer time and the October night as 9 real hours', async () => {
    const { file, text } = await icsOf({ kind: 'ical-officer', officerId: s.ids.sanne });
    expect(file.fileName).toBe('diensten-sanne-de-vries.ics');
    expect(file.mimeType).toBe('text/calendar; charset=utf-8');
    const { lines, events } = parseIcs(text);
    // Both halves of the time zone are described.
    const tz = lines.slice(
      lines.findIndex((l) => l.name === 'BEGIN' && l.value === 'VTIMEZONE'),
      lines.findIndex((l) => l.name === 'END' && l.value === 'VTIMEZONE') + 1,
    );
    expect(tz.find((l) => l.name === 'TZID')?.value).toBe('Europe/Amsterdam');
    expect(tz.filter((l) => l.name === 'BEGIN').map((l) => l.value)).toEqual(['VTIMEZONE', 'DAYLIGHT', 'STANDARD']);
    expect(tz.filter((l) => l.name === 'TZOFFSETTO').map((l) => l.value)).toEqual(['+0200', '+0100']);

    expect(events).toHaveLength(2);
    const [gp, night] = events as [IcsProperty[], IcsProperty[]];
    expect(prop(gp, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Europe/Amsterdam' }, value: '20270827T100000' });
    expect(prop(gp, 'DTEND')?.value).toBe('20270827T180000');
    expect(unescapeText(prop(gp, 'SUMMARY')!.value)).toBe('Dutch Grand Prix: toezicht');
    expect(unescapeText(prop(gp, 'LOCATION')!.value)).toBe('Circuit Zandvoort, boulevard');
    expect(new Date(amsterdamToUtc(prop(gp, 'DTSTART')!.value)).toISOString()).toBe('2027-08-27T08:00:00.000Z');

    // The night the clocks go back: 22:00 to 06:00 on the wall clock, 9 hours in reality.
    expect(prop(night, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Europe/Amsterdam' }, value: '20271030T220000' });
    expect(prop(night, 'DTEND')).toEqual({ name: 'DTEND', params: { TZID: 'Europe/Amsterdam' }, value: '20271031T060000' });
    const start = amsterdamToUtc(prop(night, 'DTSTART')!.value);
    const end = amsterdamToUtc(prop(night, 'DTEND')!.value);
    expect(new Date(start).toISOString()).toBe('2027-10-30T20:00:00.000Z');
    expect(new Date(end).toISOString()).toBe('2027-10-31T05:00:00.000Z');
    expect((end - start) / 3_600_000).toBe(9);
    // The place has a ';' that must be escaped; the description says she is lent to Zandvoort.
    expect(prop(night, 'LOCATION')?.value).toBe('Boulevard Barnaart\\; Zandvoort');
    expect(unescapeText(prop(night, 'DESCRIPTION')!.value)).toContain('Uitgeleend door Heemstede aan Zandvoort.\nHandhaver: Sanne de Vries (Heemstede).');
  });

  it('keeps UIDs stable across exports and from copy to copy, and different per shift', async () => {
    const uids = async (copy = s.h) => parseIcs((await icsOf({ kind: 'ical-officer', officerId: s.ids.sanne }, copy)).text).events.map((e) => prop(e, 'UID')!.value);
    const first = await uids();
    expect(await uids()).toEqual(first);
    expect(await uids(s.z)).toEqual(first);
    expect(new Set(first).size).toBe(2);
  });

  it('refuses an unknown officer with a message', async () => {
    await expect(s.h.call('reports.file', { kind: 'ical-officer', officerId: 'GM0397.of.bestaatniet' })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('niet bekend') });
  });
});

describe("an event's shifts as iCal", () => {
  it('has one VEVENT per shift, with who is coming, in every line at most 75 octets', async () => {
    const { text } = await icsOf({ kind: 'ical-event', eventId: s.ids.grandPrix }, s.z);
    expect(text.endsWith('\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const { events } = parseIcs(text);
    expect(events.map((e) => prop(e, 'DTSTART')?.value)).toEqual(['20270827T100000', '20270828T160000', '20270829T100000']);
    expect(prop(events[1]!, 'DTEND')?.value).toBe('20270829T003000');
    expect(unescapeText(prop(events[0]!, 'DESCRIPTION')!.value)).toContain('Ingepland: Kees Bakker (Zandvoort), Sanne de Vries (Heemstede).');
    expect(unescapeText(prop(events[2]!, 'DESCRIPTION')!.value)).toContain('Noëlle Mulder (Bloemendaal)');
    expect(new Set(events.map((e) => prop(e, 'UID')!.value)).size).toBe(3);
  });
});

describe('iCal text rules', () => {
  it('escapes backslash, semicolon, comma and newlines, and folds long lines without splitting a character', () => {
    expect(escapeText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
    const long = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = fold(long);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    const text = calendar(
      'Test',
      [{ uid: 'x@regie', start: '2027-03-27T22:00', end: '2027-03-28T06:00', summary: 'Nacht', location: '', description: '', sequence: 0 }],
      new Date('2027-01-01T12:00:00Z'),
    );
    const { events } = parseIcs(text);
    expect(prop(events[0]!, 'DTSTAMP')?.value).toBe('20270101T120000Z');
    // The March night is written as the wall clock shows it; a calendar makes 7 real hours of it.
    expect([prop(events[0]!, 'DTSTART')?.value, prop(events[0]!, 'DTEND')?.value]).toEqual(['20270327T220000', '20270328T060000']);
  });
});
