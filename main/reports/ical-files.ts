// Which shifts go into an iCal file: an officer's planned shifts (own staffing and lent), or an event's
// shifts with who is coming. Only what partners share is used: names, gemeenten, times, roles, places.
import type { Db } from '../store/db';
import { buildPlanView } from '../domain/plan-view';
import { buildContext } from '../../shared/rules/context';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { ApiError } from '../../shared/api/errors';
import { calendar, type CalendarEvent } from './ical';
import { ROLE_LABEL, slug } from './format';

export interface IcalFile {
  fileName: string;
  text: string;
  events: number;
}

export function officerCalendar(db: Db, officerId: string, now: Date): IcalFile {
  const view = buildPlanView(db);
  const ctx = buildContext(view);
  const officer = ctx.officers.get(officerId);
  if (!officer) throw new ApiError('not_found', `Handhaver ${officerId} is niet bekend in deze kopie. Kies een handhaver uit de lijst.`);
  const events: CalendarEvent[] = (ctx.byOfficer.get(officerId) ?? []).map((a) => {
    const shift = ctx.shifts.get(a.shiftId);
    const event = shift ? ctx.events.get(shift.eventId) : undefined;
    const role = shift ? ROLE_LABEL[shift.role] : 'Dienst';
    const lent = a.provider !== a.host ? ` Uitgeleend door ${gemeenteName(a.provider)} aan ${gemeenteName(a.host)}.` : '';
    return {
      uid: `${a.shiftId}.${officerId}@regie`,
      start: a.start,
      end: a.end,
      summary: `${event?.name ?? 'Dienst'}: ${role.toLowerCase()}`,
      location: event?.place ?? '',
      description: `${role}${shift?.inPairs ? ' (in koppels)' : ''} voor gemeente ${gemeenteName(a.host)}.${lent}\nHandhaver: ${officer.name} (${gemeenteName(officer.employer)}).`,
    };
  });
  return { fileName: `diensten-${slug(officer.name)}.ics`, text: calendar(`Diensten ${officer.name}`, events, now), events: events.length };
}

export function eventCalendar(db: Db, eventId: string, now: Date): IcalFile {
  const view = buildPlanView(db);
  const ctx = buildContext(view);
  const event = ctx.events.get(eventId);
  if (!event) throw new ApiError('not_found', `Evenement ${eventId} is niet bekend in deze kopie. Kies een evenement uit de lijst.`);
  const shifts = view.shifts.filter((s) => s.eventId === eventId && !s.cancelled).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  const events: CalendarEvent[] = shifts.map((s) => {
    const who = ctx.active
      .filter((a) => a.shiftId === s.id)
      .map((a) => `${ctx.officers.get(a.officerId)?.name ?? a.officerId} (${gemeenteName(a.provider)})`)
      .sort();
    return {
      uid: `${s.id}@regie`,
      start: s.start,
      end: s.end,
      summary: `${event.name}: ${ROLE_LABEL[s.role].toLowerCase()}`,
      location: event.place,
      description: `${ROLE_LABEL[s.role]}${s.inPairs ? ' (in koppels)' : ''}, ${s.needed} nodig, ${who.length} ingepland.${who.length ? `\nIngepland: ${who.join(', ')}.` : ''}\nOrganisator: gemeente ${gemeenteName(event.host)}.`,
    };
  });
  return { fileName: `diensten-${slug(event.name)}.ics`, text: calendar(`${event.name} (${gemeenteName(event.host)})`, events, now), events: events.length };
}
