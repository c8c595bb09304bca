// Diensten of an event: the host gemeente alone creates, changes and cancels them.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import type { ShiftFields, ShiftRecord } from '../../shared/domain/shift';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { parseRecordId } from '../../shared/domain/ids';
import { isLocalDateTime, localToEpoch } from '../../shared/time/local';
import { commitLocal, type LocalIdentity } from '../log/log';
import type { Op } from '../log/entry';
import { RECORD_TYPES } from '../log/records';
import { createOp, newRecordId, updateOp } from './records';
import { getEvent } from './events';
import { keyedError } from '../../shared/i18n/error-messages';

export interface ShiftRow {
  id: string;
  host: string;
  event_id: string;
  starts_at: string;
  ends_at: string;
  role: ShiftRecord['role'];
  needed: number;
  in_pairs: number;
  qualifications: string;
  cancelled: number;
}

export function toShift(r: ShiftRow): ShiftRecord {
  return {
    id: r.id,
    host: r.host,
    eventId: r.event_id,
    start: r.starts_at,
    end: r.ends_at,
    role: r.role,
    needed: r.needed,
    inPairs: r.in_pairs === 1,
    qualifications: JSON.parse(r.qualifications) as string[],
    cancelled: r.cancelled === 1,
  };
}

export function listShifts(db: Db, eventId?: string): ShiftRecord[] {
  const rows = (
    eventId ? stmt(db, 'SELECT * FROM shifts WHERE created = 1 AND event_id = ? ORDER BY starts_at, id').all(eventId) : stmt(db, 'SELECT * FROM shifts WHERE created = 1 ORDER BY starts_at, id').all()
  ) as ShiftRow[];
  return rows.map(toShift);
}

export function getShift(db: Db, id: string): ShiftRecord {
  const r = stmt(db, 'SELECT * FROM shifts WHERE id = ? AND created = 1').get(id) as ShiftRow | undefined;
  if (!r) throw keyedError('not_found', 'shift.unknown', { id });
  return toShift(r);
}

function validate(f: ShiftFields): void {
  if (!isLocalDateTime(f.start) || !isLocalDateTime(f.end)) throw keyedError('invalid_argument', 'shift.times_invalid', {}, [{ path: 'start', key: 'field.datetime.invalid' }]);
  if (localToEpoch(f.end) <= localToEpoch(f.start)) throw keyedError('invalid_argument', 'shift.end_before_start', {}, [{ path: 'end', key: 'shift.end.before_start' }]);
}

function requireHost(me: LocalIdentity, id: string, what: 'event' | 'shift'): void {
  const owner = parseRecordId(id)?.owner;
  if (owner !== me.gemeente) throw keyedError('refused', 'record.not_own', { what, owner: gemeenteName(owner ?? '') });
}

const toSet = (f: ShiftFields) => ({ event: f.eventId, start: f.start, end: f.end, role: f.role, needed: f.needed, inPairs: f.inPairs, qualifications: f.qualifications });

export function shiftCreateOp(me: LocalIdentity, f: ShiftFields): { id: string; op: Op } {
  const id = newRecordId(me.gemeente, 'sh');
  return { id, op: createOp(RECORD_TYPES.shift!, id, { ...toSet(f), cancelled: false }) };
}

export function createShift(db: Db, me: LocalIdentity, f: ShiftFields): ShiftRecord {
  requireHost(me, f.eventId, 'event');
  getEvent(db, f.eventId);
  validate(f);
  const { id, op } = shiftCreateOp(me, f);
  commitLocal(db, me, [op]);
  return getShift(db, id);
}

export function updateShift(db: Db, me: LocalIdentity, id: string, f: ShiftFields): ShiftRecord {
  requireHost(me, id, 'shift');
  const current = getShift(db, id);
  if (current.eventId !== f.eventId) throw keyedError('invalid_argument', 'shift.move');
  validate(f);
  const op = updateOp(db, RECORD_TYPES.shift!, id, toSet(f));
  if (op) commitLocal(db, me, [op]);
  return getShift(db, id);
}

/** Cancelling keeps the shift and its history; commitments to it become conflicts for their providers. */
export function cancelShift(db: Db, me: LocalIdentity, id: string): ShiftRecord {
  requireHost(me, id, 'shift');
  getShift(db, id);
  const op = updateOp(db, RECORD_TYPES.shift!, id, { cancelled: true });
  if (op) commitLocal(db, me, [op]);
  return getShift(db, id);
}
