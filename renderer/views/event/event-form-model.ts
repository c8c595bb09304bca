// What the event form holds (text as typed) and how it becomes the api's fields, checked by the shared schema.
import { eventFieldsSchema, type EventFields, type EventRecord, type EventStatus, type RiskClass } from '../../../shared/domain/event';
import { zodErrors, type SortedIssues } from '../../forms/issues';

export const EVENT_FIELDS = ['name', 'place', 'start', 'end', 'risk', 'visitors', 'status'] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

export interface EventFormValues {
  name: string;
  place: string;
  /** As input type="datetime-local" gives it: "2027-08-27T10:00", or "" when empty or incomplete. */
  start: string;
  end: string;
  risk: RiskClass | '';
  visitors: string;
  status: EventStatus;
}

export const EMPTY_EVENT: EventFormValues = { name: '', place: '', start: '', end: '', risk: '', visitors: '', status: 'concept' };

export function fromRecord(r: EventRecord): EventFormValues {
  return { name: r.name, place: r.place, start: r.start, end: r.end, risk: r.risk, visitors: r.visitors === null ? '' : String(r.visitors), status: r.status };
}

/** "105000", "105 000" and "105.000" (Dutch thousands) are all 105000; anything else is not a count. */
export function parseVisitors(text: string): number | null {
  const s = text.replace(/\s/g, '');
  if (s === '') return null;
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ''));
  return Number.NaN;
}

function toInput(v: EventFormValues): Record<string, unknown> {
  return {
    name: v.name,
    place: v.place,
    start: v.start,
    end: v.end,
    // Left out rather than "", so the schema reports its own "choose A, B or C" message.
    ...(v.risk === '' ? {} : { risk: v.risk }),
    visitors: parseVisitors(v.visitors),
    status: v.status,
  };
}

export type EventValidation = { ok: true; fields: EventFields } | { ok: false; errors: SortedIssues<EventField> };

/** The same check main runs on events.create and events.update, so the user hears about problems first. */
export function validateEvent(values: EventFormValues): EventValidation {
  const parsed = eventFieldsSchema.safeParse(toInput(values));
  return parsed.success ? { ok: true, fields: parsed.data } : { ok: false, errors: zodErrors(parsed.error, EVENT_FIELDS) };
}

/** The element that takes focus for a field: for the risk radio group, its first option. */
export function elementId(field: EventField): string {
  return field === 'risk' ? 'event-risk-A' : `event-${field}`;
}
