// Copies as templates: a whole event (next year's edition) with all its shifts moved by the same offset, or
// one shift to another start. New records, one entry each; requests and commitments are never copied.
import type { Db } from '../store/db';
import type { EventRecord } from '../../shared/domain/event';
import type { REQUIRED_QUALIFICATIONS, ShiftRecord } from '../../shared/domain/shift';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { isLocalDateTime } from '../../shared/time/local';
import { commitLocal, type LocalIdentity } from '../log/log';
import type { Op } from '../log/entry';
import { RECORD_TYPES } from '../log/records';
import { createOp, newRecordId } from './records';
import { getEvent } from './events';
import { getShift, listShifts, shiftCreateOp } from './shifts';
import { keyedError } from '../../shared/i18n/error-messages';

const MINUTE = 60_000;

/** Wall-clock minutes of a local time, ignoring DST: moving by whole days keeps 10:00 at 10:00. */
function wallMinutes(local: string): number {
  return Date.UTC(Number(local.slice(0, 4)), Number(local.slice(5, 7)) - 1, Number(local.slice(8, 10)), Number(local.slice(11, 13)), Number(local.slice(14, 16))) / MINUTE;
}

function fromWallMinutes(minutes: number): string {
  return new Date(minutes * MINUTE).toISOString().slice(0, 16);
}

/** `local` moved by `offset` wall-clock minutes. */
export function shiftLocal(local: string, offset: number): string {
  return fromWallMinutes(wallMinutes(local) + offset);
}

function requireOwn(me: LocalIdentity, host: string, what: 'event' | 'shift'): void {
  if (host !== me.gemeente) throw keyedError('refused', 'copy.not_own', { what, owner: gemeenteName(host) });
}

function requireStart(start: string): void {
  if (!isLocalDateTime(start)) throw keyedError('invalid_argument', 'copy.start_invalid', {}, [{ path: 'start', key: 'field.datetime.invalid' }]);
}

/**
 * A new event of this gemeente starting at `start`, with every shift that goes on moved by the same offset.
 * The copy starts as a concept; the original is untouched.
 */
export function copyEvent(db: Db, me: LocalIdentity, id: string, start: string, name?: string): EventRecord {
  const source = getEvent(db, id);
  requireOwn(me, source.host, 'event');
  requireStart(start);
  const offset = wallMinutes(start) - wallMinutes(source.start);
  const newId = newRecordId(me.gemeente, 'ev');
  const ops: Op[] = [
    createOp(RECORD_TYPES.event!, newId, {
      name: name?.trim() || source.name,
      place: source.place,
      start,
      end: shiftLocal(source.end, offset),
      risk: source.risk,
      visitors: source.visitors,
      status: 'concept',
    }),
  ];
  for (const s of listShifts(db, id)) {
    if (s.cancelled) continue;
    ops.push(shiftCreateOp(me, { ...fieldsOf(s), eventId: newId, start: shiftLocal(s.start, offset), end: shiftLocal(s.end, offset) }).op);
  }
  commitLocal(db, me, ops);
  return getEvent(db, newId);
}

function fieldsOf(s: ShiftRecord) {
  return { eventId: s.eventId, start: s.start, end: s.end, role: s.role, needed: s.needed, inPairs: s.inPairs, qualifications: s.qualifications as (typeof REQUIRED_QUALIFICATIONS)[number][] };
}

/** A new shift like `id` (same event, length, role, needs) starting at `start`. */
export function copyShift(db: Db, me: LocalIdentity, id: string, start: string): ShiftRecord {
  const source = getShift(db, id);
  requireOwn(me, source.host, 'shift');
  requireStart(start);
  const length = wallMinutes(source.end) - wallMinutes(source.start);
  const { id: newId, op } = shiftCreateOp(me, { ...fieldsOf(source), start, end: fromWallMinutes(wallMinutes(start) + length) });
  commitLocal(db, me, [op]);
  return getShift(db, newId);
}
