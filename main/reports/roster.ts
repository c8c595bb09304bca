// An event's briefing roster: per shift who comes (from which gemeente), where, when and in which role, and
// whom to call. Phone numbers of the copy's own officers are local data and may be printed here; of
// partners' officers only what they shared (name and gemeente). The contact person is kept on this device.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import type { LocalIdentity } from '../log/log';
import { buildPlanView } from '../domain/plan-view';
import { getOfficerDetail } from '../domain/officers';
import { buildContext } from '../../shared/rules/context';
import { compareAssignments } from '../../shared/rules/context';
import { gemeenteName } from '../../shared/domain/gemeenten';
import type { EventRecord } from '../../shared/domain/event';
import type { ShiftRecord } from '../../shared/domain/shift';
import type { RosterContact } from '../../shared/reports/types';
import { keyedError } from '../../shared/i18n/error-messages';

const CONTACT_NAME = 'report.contact.name';
const CONTACT_PHONE = 'report.contact.phone';

export function readContact(db: Db): RosterContact {
  const get = (key: string) => (stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? '';
  return { name: get(CONTACT_NAME), phone: get(CONTACT_PHONE) };
}

/** Remembers the contact on this device only (the settings table is never exported). */
export function saveContact(db: Db, contact: RosterContact): void {
  const put = stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    put.run(CONTACT_NAME, contact.name.trim());
    put.run(CONTACT_PHONE, contact.phone.trim());
  })();
}

export interface RosterOfficer {
  name: string;
  gemeente: string;
  gemeenteName: string;
  /** Only for the copy's own officers; null for partners' officers. */
  phone: string | null;
}

export interface RosterShift {
  shift: ShiftRecord;
  officers: RosterOfficer[];
}

export interface Roster {
  event: EventRecord;
  hostName: string;
  own: string;
  ownName: string;
  contact: RosterContact;
  /** Own officers' phone numbers are printed: an explicit choice, off by default. */
  phones: boolean;
  shifts: RosterShift[];
}

export function buildRoster(db: Db, me: LocalIdentity, eventId: string, phones = false): Roster {
  const view = buildPlanView(db);
  const event = view.events.find((e) => e.id === eventId);
  if (!event) throw keyedError('not_found', 'event.unknown_pick', { id: eventId });
  const ctx = buildContext(view);
  const shifts = view.shifts.filter((s) => s.eventId === eventId && !s.cancelled).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.role < b.role ? -1 : 1));
  const phoneOf = (officerId: string): string | null => {
    const o = getOfficerDetail(db, me, officerId);
    return 'phone' in o ? o.phone : null;
  };
  return {
    event,
    hostName: gemeenteName(event.host),
    own: me.gemeente,
    ownName: gemeenteName(me.gemeente),
    contact: readContact(db),
    phones,
    shifts: shifts.map((shift) => ({
      shift,
      officers: ctx.active
        .filter((a) => a.shiftId === shift.id)
        .sort(compareAssignments)
        .map((a) => ({
          name: ctx.officers.get(a.officerId)?.name ?? a.officerId,
          gemeente: a.provider,
          gemeenteName: gemeenteName(a.provider),
          phone: phones && a.provider === me.gemeente ? phoneOf(a.officerId) : null,
        }))
        .sort((x, y) => Number(y.gemeente === me.gemeente) - Number(x.gemeente === me.gemeente) || (x.gemeenteName + x.name < y.gemeenteName + y.name ? -1 : 1)),
    })),
  };
}
