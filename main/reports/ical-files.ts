// Which shifts go into an iCal file: an officer's shifts (own staffing and lent), or an event's shifts with
// who is coming. An officer's file holds only what the officer needs: time, place, role, for which gemeente,
// and whom to call (the contact this device puts on briefings); nothing of other officers.
// Shifts that are off stay in the file, cancelled, so the officer's calendar drops them too. SEQUENCE counts
// the changes recorded for the shift, its event, and the officer's commitment: every copy with the same
// changes writes the same number, and a move or a cancellation always makes it higher.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { buildPlanView } from '../domain/plan-view';
import { buildContext } from '../../shared/rules/context';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { calendar, type CalendarEvent } from './ical';
import { ROLE_LABEL, slug } from '../../shared/reports/format';
import { readContact } from './roster';
import { keyedError } from '../../shared/i18n/error-messages';

export interface IcalFile {
  fileName: string;
  text: string;
  events: number;
}

/** How many changes (update ops, one per record and stamp) the records have had since they were made. */
export function changesOf(db: Db, recordIds: string[]): number {
  const count = stmt(db, 'SELECT count(DISTINCT stamp) AS n FROM field_writes WHERE record_id = ?');
  return recordIds.reduce((n, id) => n + (count.get(id) as { n: number }).n, 0);
}

/** Every shift the officer was ever committed to by the employer, with the commitments and requests involved. */
function everCommitted(db: Db, officerId: string): Map<string, string[]> {
  const rows = stmt(
    db,
    `SELECT r.shift_id AS shiftId, c.id AS commitmentId, r.id AS requestId
         FROM commitments c JOIN requests r ON r.id = c.request_id AND r.created = 1 AND r.provider = c.provider
        WHERE c.officer_id = ? AND c.created = 1`,
  ).all(officerId) as { shiftId: string; commitmentId: string; requestId: string }[];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.shiftId, [...(out.get(r.shiftId) ?? []), r.commitmentId, r.requestId]);
  return out;
}

const byStartThenUid = (a: CalendarEvent, b: CalendarEvent) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.uid < b.uid ? -1 : 1);

export function officerCalendar(db: Db, officerId: string, now: Date): IcalFile {
  const view = buildPlanView(db);
  const ctx = buildContext(view);
  const officer = ctx.officers.get(officerId);
  if (!officer) throw keyedError('not_found', 'officer.unknown_pick', { id: officerId });
  const active = new Map((ctx.byOfficer.get(officerId) ?? []).map((a) => [a.shiftId, a]));
  const shifts = new Map(view.shifts.map((s) => [s.id, s]));
  const contact = readContact(db);
  const contactLine = [contact.name, contact.phone].filter((x) => x.trim() !== '').join(', ');
  const events: CalendarEvent[] = [];
  for (const [shiftId, records] of everCommitted(db, officerId)) {
    const shift = shifts.get(shiftId);
    if (!shift) continue;
    const event = ctx.events.get(shift.eventId);
    const a = active.get(shiftId);
    const host = a?.host ?? event?.host ?? shift.eventId.slice(0, 6);
    const role = ROLE_LABEL[shift.role];
    const lent = officer.employer !== host ? ` Uitgeleend door ${gemeenteName(officer.employer)} aan ${gemeenteName(host)}.` : '';
    const off = a ? '' : shift.cancelled || event?.status === 'afgelast' ? 'Geannuleerd: deze dienst gaat niet door.\n' : 'Vervallen: u werkt deze dienst niet meer.\n';
    events.push({
      uid: `${shiftId}.${officerId}@regie`,
      start: shift.start,
      end: shift.end,
      summary: `${a ? '' : 'Vervallen: '}${event?.name ?? 'Dienst'}: ${role.toLowerCase()}`,
      location: event?.place ?? '',
      description: `${off}${role}${shift.inPairs ? ' (in koppels)' : ''} voor gemeente ${gemeenteName(host)}.${lent}\nHandhaver: ${officer.name} (${gemeenteName(officer.employer)}).${contactLine ? `\nContactpersoon: ${contactLine}.` : ''}`,
      sequence: changesOf(db, [shiftId, shift.eventId, ...records]),
      cancelled: !a,
    });
  }
  events.sort(byStartThenUid);
  return { fileName: `diensten-${slug(officer.name)}.ics`, text: calendar(`Diensten ${officer.name}`, events, now), events: events.length };
}

export function eventCalendar(db: Db, eventId: string, now: Date): IcalFile {
  const view = buildPlanView(db);
  const ctx = buildContext(view);
  const event = ctx.events.get(eventId);
  if (!event) throw keyedError('not_found', 'event.unknown_pick', { id: eventId });
  const off = event.status === 'afgelast';
  const shifts = view.shifts.filter((s) => s.eventId === eventId);
  const events: CalendarEvent[] = shifts.map((s) => {
    const who = ctx.active
      .filter((a) => a.shiftId === s.id)
      .map((a) => `${ctx.officers.get(a.officerId)?.name ?? a.officerId} (${gemeenteName(a.provider)})`)
      .sort();
    const cancelled = off || s.cancelled;
    return {
      uid: `${s.id}@regie`,
      start: s.start,
      end: s.end,
      summary: `${cancelled ? 'Geannuleerd: ' : ''}${event.name}: ${ROLE_LABEL[s.role].toLowerCase()}`,
      location: event.place,
      description: cancelled
        ? `Geannuleerd: deze dienst gaat niet door.\nOrganisator: gemeente ${gemeenteName(event.host)}.`
        : `${ROLE_LABEL[s.role]}${s.inPairs ? ' (in koppels)' : ''}, ${s.needed} nodig, ${who.length} ingepland.${who.length ? `\nIngepland: ${who.join(', ')}.` : ''}\nOrganisator: gemeente ${gemeenteName(event.host)}.`,
      sequence: changesOf(db, [s.id, eventId]),
      cancelled,
    };
  });
  events.sort(byStartThenUid);
  return { fileName: `diensten-${slug(event.name)}.ics`, text: calendar(`${event.name} (${gemeenteName(event.host)})`, events, now), events: events.length };
}
