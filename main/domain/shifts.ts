// Diensten of an event: the host gemeente alone creates, changes and cancels them.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { ApiError } from '../../shared/api/errors';
import type { ShiftFields, ShiftRecord } from '../../shared/domain/shift';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { parseRecordId } from '../../shared/domain/ids';
import { isLocalDateTime, localToEpoch } from '../../shared/time/local';
import { commitLocal, type LocalIdentity } from '../log/log';
import type { Op } from '../log/entry';
import { RECORD_TYPES } from '../log/records';
import { createOp, newRecordId, updateOp } from './records';
import { getEvent } from './events';

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
  const rows = (eventId
    ? stmt(db, 'SELECT * FROM shifts WHERE created = 1 AND event_id = ? ORDER BY starts_at, id').all(eventId)
    : stmt(db, 'SELECT * FROM shifts WHERE created = 1 ORDER BY starts_at, id').all()) as ShiftRow[];
  return rows.map(toShift);
}

export function getShift(db: Db, id: string): ShiftRecord {
  const r = stmt(db, 'SELECT * FROM shifts WHERE id = ? AND created = 1').get(id) as ShiftRow | undefined;
  if (!r) throw new ApiError('not_found', `Dienst ${id} is niet bekend in deze kopie.`);
  return toShift(r);
}

function validate(f: ShiftFields): void {
  if (!isLocalDateTime(f.start) || !isLocalDateTime(f.end)) throw new ApiError('invalid_argument', 'Vul een geldige begin- en eindtijd in.', [{ path: 'start', key: 'field.datetime.invalid' }]);
  if (localToEpoch(f.end) <= localToEpoch(f.start)) throw new ApiError('invalid_argument', 'Het einde van de dienst moet na het begin liggen.', [{ path: 'end', key: 'shift.end.before_start' }]);
}

function requireHost(me: LocalIdentity, id: string, what: string): void {
  const owner = parseRecordId(id)?.owner;
  if (owner !== me.gemeente) throw new ApiError('refused', `${what} is van ${gemeenteName(owner ?? '')}; alleen die gemeente kan dit wijzigen.`);
}

const toSet = (f: ShiftFields) => ({ event: f.eventId, start: f.start, end: f.end, role: f.role, needed: f.needed, inPairs: f.inPairs, qualifications: f.qualifications });

export function shiftCreateOp(me: LocalIdentity, f: ShiftFields): { id: string; op: Op } {
  const id = newRecordId(me.gemeente, 'sh');
  return { id, op: createOp(RECORD_TYPES.shift!, id, { ...toSet(f), cancelled: false }) };
}

export function createShift(db: Db, me: LocalIdentity, f: ShiftFields): ShiftRecord {
  requireHost(me, f.eventId, 'Dit evenement');
  getEvent(db, f.eventId);
  validate(f);
  const { id, op } = shiftCreateOp(me, f);
  commitLocal(db, me, [op]);
  return getShift(db, id);
}

export function updateShift(db: Db, me: LocalIdentity, id: string, f: ShiftFields): ShiftRecord {
  requireHost(me, id, 'Deze dienst');
  const current = getShift(db, id);
  if (current.eventId !== f.eventId) throw new ApiError('invalid_argument', 'Een dienst kan niet naar een ander evenement worden verplaatst; kopieer hem.');
  validate(f);
  const op = updateOp(db, RECORD_TYPES.shift!, id, toSet(f));
  if (op) commitLocal(db, me, [op]);
  return getShift(db, id);
}

/** Cancelling keeps the shift and its history; commitments to it become conflicts for their providers. */
export function cancelShift(db: Db, me: LocalIdentity, id: string): ShiftRecord {
  requireHost(me, id, 'Deze dienst');
  getShift(db, id);
  const op = updateOp(db, RECORD_TYPES.shift!, id, { cancelled: true });
  if (op) commitLocal(db, me, [op]);
  return getShift(db, id);
}
