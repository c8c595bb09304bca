// Evenementen: commands and queries. The host gemeente alone creates and changes its events.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import type { EventFields, EventRecord } from '../../shared/domain/event';
import { parseRecordId } from '../../shared/domain/ids';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { commitLocal, type LocalIdentity } from '../log/log';
import { RECORD_TYPES } from '../log/records';
import { hlcWallIso } from '../log/hlc';
import { createOp, newRecordId, updateOp } from './records';
import { latestStamp } from '../log/stamps';
import { keyedError } from '../../shared/i18n/error-messages';

const EVENT = RECORD_TYPES.event!;

export interface EventRow {
  id: string;
  host: string;
  name: string;
  place: string;
  starts_at: string;
  ends_at: string;
  risk: EventRecord['risk'];
  visitors: number | null;
  status: EventRecord['status'];
  stamps: string;
}

export function toEventRecord(row: EventRow): EventRecord {
  const latest = latestStamp(row.stamps);
  return {
    id: row.id,
    host: row.host,
    name: row.name,
    place: row.place,
    start: row.starts_at,
    end: row.ends_at,
    risk: row.risk,
    visitors: row.visitors,
    status: row.status,
    updatedAt: hlcWallIso(latest.split(' ')[0] ?? ''),
  };
}

export function listEvents(db: Db): EventRecord[] {
  const rows = stmt(db, 'SELECT * FROM events WHERE created = 1 ORDER BY starts_at, name, id').all() as EventRow[];
  return rows.map(toEventRecord);
}

export function getEvent(db: Db, id: string): EventRecord {
  const row = stmt(db, 'SELECT * FROM events WHERE id = ? AND created = 1').get(id) as EventRow | undefined;
  if (!row) throw keyedError('not_found', 'event.unknown', { id });
  return toEventRecord(row);
}

function fieldsToSet(fields: EventFields): Record<string, unknown> {
  return {
    name: fields.name,
    place: fields.place,
    start: fields.start,
    end: fields.end,
    risk: fields.risk,
    visitors: fields.visitors,
    status: fields.status,
  };
}

export function createEvent(db: Db, me: LocalIdentity, fields: EventFields): EventRecord {
  const id = newRecordId(me.gemeente, 'ev');
  commitLocal(db, me, [createOp(EVENT, id, fieldsToSet(fields))]);
  return getEvent(db, id);
}

export function updateEvent(db: Db, me: LocalIdentity, id: string, fields: EventFields): EventRecord {
  const existing = getEvent(db, id);
  const owner = parseRecordId(id)?.owner;
  if (owner !== me.gemeente) {
    throw keyedError('refused', 'record.not_own', { what: 'event', owner: gemeenteName(existing.host) });
  }
  const op = updateOp(db, EVENT, id, fieldsToSet(fields));
  if (op) commitLocal(db, me, [op]);
  return getEvent(db, id);
}
