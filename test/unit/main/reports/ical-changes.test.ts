// Calendars follow changes: iCal files read back with python-icalendar after the host moves one shift and
// cancels another, and after a provider withdraws an officer. A cancelled shift stays in the officer's file as
// STATUS:CANCELLED with the same UID and a higher SEQUENCE; a moved one has a higher SEQUENCE; every copy with
// the same changes writes the same SEQUENCE. The officer's file holds time, place, role and contact only.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers';
import type { Copy } from '../exchange/copies';
import { NAMES, namesScenario, type NamesScenario } from './names-scenario';
import { send } from './scenario';
import { readIcs, type ParsedEvent } from '../../tools/python-icalendar';

let s: NamesScenario;
const dir = tempDir('regie-ics-');
let n = 0;

type IcalRequest = { kind: 'ical-officer'; officerId: string } | { kind: 'ical-event'; eventId: string };

/** Saves an officer's or an event's iCal file from a copy; returns its path. */
async function saveIcs(copy: Copy, req: IcalRequest): Promise<string> {
  const f = await copy.call('reports.file', req);
  const path = join(dir, `${n++}-${f.fileName}`);
  writeFileSync(path, Buffer.from(f.base64, 'base64'));
  return path;
}

/** An officer's or an event's iCal file from a copy, as python-icalendar reads it. */
async function calendarOf(copy: Copy, req: IcalRequest) {
  const path = await saveIcs(copy, req);
  return { ...readIcs(path)[0]!, text: readFileSync(path, 'utf8') };
}

const byUid = (events: ParsedEvent[]) => new Map(events.map((e) => [e.uid, e]));

let before: { ayse: ParsedEvent[]; sukru: ParsedEvent[]; zoe: ParsedEvent[]; party: ParsedEvent[] };
beforeAll(async () => {
  s = await namesScenario();
  await s.h.call('reports.file', { kind: 'roster', eventId: s.ids.party, contact: { name: 'Şeyma Kılıç', phone: '023-5483838' } });
  const [ayse, , , , sukru, zoe] = s.ids.officers as [string, string, string, string, string, string];
  before = {
    ayse: (await calendarOf(s.h, { kind: 'ical-officer', officerId: ayse })).events,
    sukru: (await calendarOf(s.h, { kind: 'ical-officer', officerId: sukru })).events,
    zoe: (await calendarOf(s.h, { kind: 'ical-officer', officerId: zoe })).events,
    party: (await calendarOf(s.z, { kind: 'ical-event', eventId: s.ids.party })).events,
  };
  // Zandvoort cancels Saturday and moves Sunday two hours later; Heemstede withdraws Zoë from Sunday.
  const [sat, sun] = s.ids.shifts as [string, string];
  await s.z.call('shifts.cancel', { id: sat });
  await s.z.call('shifts.update', { id: sun, fields: { eventId: s.ids.party, start: '2027-07-11T16:00', end: '2027-07-12T00:00', role: 'toezicht', needed: 4, inPairs: false, qualifications: [] } });
  await send(s.z, s.h);
  const zoeOnSunday = (await s.h.call('requests.overview', { direction: 'in' })).flatMap((r) => r.commitments).find((c) => c.officerId === zoe);
  await s.h.call('commitments.withdraw', { id: zoeOnSunday!.id });
  await send(s.h, s.z);
}, 180_000);

describe('an officer’s calendar after changes', () => {
  it('cancels the cancelled shift: same UID, STATUS:CANCELLED, higher SEQUENCE, still at its time', async () => {
    const after = await calendarOf(s.h, { kind: 'ical-officer', officerId: s.ids.officers[0]! });
    expect(after.name).toBe(`Diensten ${NAMES[0]}`);
    expect(before.ayse).toHaveLength(1);
    const [was] = before.ayse as [ParsedEvent];
    expect(was.status).toBe('CONFIRMED');
    const now = byUid(after.events).get(was.uid)!;
    expect(now).toBeDefined();
    expect(now.status).toBe('CANCELLED');
    expect(now.sequence).toBeGreaterThan(was.sequence);
    expect([now.start, now.end]).toEqual(['2027-07-10T14:00:00+02:00', '2027-07-10T22:00:00+02:00']);
    expect(now.summary).toBe('Vervallen: Strandfeest ’t Zand: toezicht');
    expect(now.description).toContain('Geannuleerd: deze dienst gaat niet door.');
  });

  it('moves the moved shift with a higher SEQUENCE, and cancels it for an officer who no longer works it', async () => {
    const sukru = await calendarOf(s.h, { kind: 'ical-officer', officerId: s.ids.officers[4]! });
    const [was] = before.sukru as [ParsedEvent];
    const now = byUid(sukru.events).get(was.uid)!;
    expect(now.status).toBe('CONFIRMED');
    expect(now.sequence).toBeGreaterThan(was.sequence);
    expect([was.start, now.start, now.end]).toEqual(['2027-07-11T14:00:00+02:00', '2027-07-11T16:00:00+02:00', '2027-07-12T00:00:00+02:00']);
    const zoe = await calendarOf(s.h, { kind: 'ical-officer', officerId: s.ids.officers[5]! });
    const [zoeWas] = before.zoe as [ParsedEvent];
    const zoeNow = byUid(zoe.events).get(zoeWas.uid)!;
    expect(zoeNow.status).toBe('CANCELLED');
    expect(zoeNow.sequence).toBeGreaterThan(zoeWas.sequence);
    expect(zoeNow.description).toContain('Vervallen: u werkt deze dienst niet meer.');
  });

  it('gives the same SEQUENCE in every copy and every export with the same changes', async () => {
    const files: string[] = [];
    for (const officerId of s.ids.officers.slice(0, 6)) {
      for (const copy of [s.h, s.z, s.h]) files.push(await saveIcs(copy, { kind: 'ical-officer', officerId }));
    }
    const seq = readIcs(...files).map((c) => c.events.map((e) => [e.uid, e.sequence, e.status]));
    for (let i = 0; i < seq.length; i += 3) {
      expect(seq[i]!.length).toBeGreaterThan(0);
      expect(seq[i + 1]).toEqual(seq[i]);
      expect(seq[i + 2]).toEqual(seq[i]);
    }
  });

  it('holds only time, place, role and contact: no other officer, no phone number of an officer', async () => {
    const c = await calendarOf(s.h, { kind: 'ical-officer', officerId: s.ids.officers[4]! });
    const [e] = c.events as [ParsedEvent];
    expect(e.location).toBe('Strandpaviljoen Ĳzeren Boer; Zandvoort');
    expect(e.summary).toBe('Strandfeest ’t Zand: toezicht');
    expect(e.description).toBe(`Toezicht voor gemeente Zandvoort. Uitgeleend door Heemstede aan Zandvoort.\nHandhaver: ${NAMES[4]} (Heemstede).\nContactpersoon: Şeyma Kılıç, 023-5483838.`);
    for (const other of [...NAMES.filter((x) => x !== NAMES[4])]) expect(c.text).not.toContain(other);
    expect(c.text).not.toContain('06-00000000');
    expect(c.text).not.toContain('BOA-1');
  });
});

describe('an event’s calendar after changes', () => {
  it('keeps the cancelled shift as CANCELLED and the moved one at its new time, both with higher SEQUENCE', async () => {
    const party = await calendarOf(s.z, { kind: 'ical-event', eventId: s.ids.party });
    const was = byUid(before.party);
    const [sat, sun] = party.events as [ParsedEvent, ParsedEvent];
    expect(party.events).toHaveLength(2);
    expect(sat.status).toBe('CANCELLED');
    expect(sat.sequence).toBeGreaterThan(was.get(sat.uid)!.sequence);
    expect(sun.status).toBe('CONFIRMED');
    expect(sun.start).toBe('2027-07-11T16:00:00+02:00');
    expect(sun.sequence).toBeGreaterThan(was.get(sun.uid)!.sequence);
    expect(was.get(sat.uid)!.description).toContain(NAMES[0]);
    expect(sun.description).toContain(NAMES[4]);
    expect(sun.description).not.toContain(NAMES[5]);
  });
});
