// Handhavers and their availability: the employing gemeente alone changes them. Private details (phone,
// BOA number, notes, absence reasons) are stored in local tables and never written into an entry.
import type { Db } from '../store/db';
import { hoursFromRecord, hoursToRecord, type OfficerDetail, type OfficerFields, type OfficerRecord, type Qualifications } from '../../shared/domain/officer';
import { stmt } from '../store/statements';
import type { AbsenceRecord } from '../../shared/domain/request';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { parseRecordId } from '../../shared/domain/ids';
import { localToEpoch } from '../../shared/time/local';
import { commitLocal, type LocalIdentity } from '../log/log';
import { RECORD_TYPES } from '../log/records';
import { createOp, newRecordId, updateOp } from './records';
import { keyedError } from '../../shared/i18n/error-messages';

interface OfficerRow {
  id: string;
  employer: string;
  name: string;
  qualifications: string;
  contract_hours: number;
  contract_tenths: number | null;
  active: number;
  phone: string | null;
  boa_number: string | null;
  notes: string | null;
}

function toOfficer(r: OfficerRow): OfficerRecord {
  return {
    id: r.id,
    employer: r.employer,
    name: r.name,
    qualifications: JSON.parse(r.qualifications) as Qualifications,
    contractHours: hoursFromRecord(r.contract_hours, r.contract_tenths),
    active: r.active === 1,
  };
}

const SELECT = 'SELECT o.*, p.phone, p.boa_number, p.notes FROM officers o LEFT JOIN officer_private p ON p.officer_id = o.id WHERE o.created = 1';

export function listOfficers(db: Db, employer?: string): OfficerRecord[] {
  const rows = (employer ? stmt(db, `${SELECT} AND o.employer = ? ORDER BY o.name, o.id`).all(employer) : stmt(db, `${SELECT} ORDER BY o.employer, o.name, o.id`).all()) as OfficerRow[];
  return rows.map(toOfficer);
}

export function getOfficerDetail(db: Db, me: LocalIdentity, id: string): OfficerDetail | OfficerRecord {
  const r = stmt(db, `${SELECT} AND o.id = ?`).get(id) as OfficerRow | undefined;
  if (!r) throw keyedError('not_found', 'officer.unknown', { id });
  const base = toOfficer(r);
  return r.employer === me.gemeente ? { ...base, phone: r.phone ?? '', boaNumber: r.boa_number ?? '', notes: r.notes ?? '' } : base;
}

function requireOwn(me: LocalIdentity, id: string, what: 'officer' | 'absence'): void {
  const owner = parseRecordId(id)?.owner;
  if (owner !== me.gemeente) throw keyedError('refused', 'record.not_own', { what, owner: gemeenteName(owner ?? '') });
}

function writePrivate(db: Db, id: string, f: Pick<OfficerFields, 'phone' | 'boaNumber' | 'notes'>): void {
  stmt(
    db,
    'INSERT INTO officer_private (officer_id, phone, boa_number, notes) VALUES (?, ?, ?, ?) ON CONFLICT (officer_id) DO UPDATE SET phone = excluded.phone, boa_number = excluded.boa_number, notes = excluded.notes',
  ).run(id, f.phone, f.boaNumber, f.notes);
}

const shared = (f: OfficerFields) => {
  const { contractHours, contractTenths } = hoursToRecord(f.contractHours);
  // Tenths only when the hours are not whole: an op with the new field is one an older copy cannot read.
  return { name: f.name, qualifications: f.qualifications, contractHours, active: f.active, ...(contractTenths === null ? {} : { contractTenths }) };
};

export function createOfficer(db: Db, me: LocalIdentity, f: OfficerFields): OfficerDetail | OfficerRecord {
  const id = newRecordId(me.gemeente, 'of');
  db.transaction(() => {
    commitLocal(db, me, [createOp(RECORD_TYPES.officer!, id, shared(f))]);
    writePrivate(db, id, f);
  })();
  return getOfficerDetail(db, me, id);
}

export function updateOfficer(db: Db, me: LocalIdentity, id: string, f: OfficerFields): OfficerDetail | OfficerRecord {
  requireOwn(me, id, 'officer');
  getOfficerDetail(db, me, id);
  db.transaction(() => {
    // Back to whole hours: clear the tenths (updateOp leaves them out when there were none).
    const op = updateOp(db, RECORD_TYPES.officer!, id, { contractTenths: null, ...shared(f) });
    if (op) commitLocal(db, me, [op]);
    writePrivate(db, id, f);
  })();
  return getOfficerDetail(db, me, id);
}

export interface AbsenceRow {
  id: string;
  employer: string;
  officer_id: string;
  starts_at: string;
  ends_at: string;
  cancelled: number;
  reason: string | null;
}

export function listAbsences(db: Db, me: LocalIdentity, officerId?: string): (AbsenceRecord & { reason?: string })[] {
  const sql = `SELECT a.*, p.reason FROM absences a LEFT JOIN absence_private p ON p.absence_id = a.id WHERE a.created = 1 ${officerId ? 'AND a.officer_id = ?' : ''} ORDER BY a.starts_at`;
  const rows = (officerId ? stmt(db, sql).all(officerId) : stmt(db, sql).all()) as AbsenceRow[];
  return rows.map((r) => ({
    id: r.id,
    employer: r.employer,
    officerId: r.officer_id,
    start: r.starts_at,
    end: r.ends_at,
    cancelled: r.cancelled === 1,
    ...(r.employer === me.gemeente ? { reason: r.reason ?? '' } : {}),
  }));
}

export function createAbsence(db: Db, me: LocalIdentity, a: { officerId: string; start: string; end: string; reason: string }): AbsenceRecord {
  requireOwn(me, a.officerId, 'officer');
  getOfficerDetail(db, me, a.officerId);
  if (localToEpoch(a.end) <= localToEpoch(a.start)) throw keyedError('invalid_argument', 'absence.end_before_start', {}, [{ path: 'end', key: 'event.end.before_start' }]);
  const id = newRecordId(me.gemeente, 'ab');
  db.transaction(() => {
    commitLocal(db, me, [createOp(RECORD_TYPES.absence!, id, { officer: a.officerId, start: a.start, end: a.end, cancelled: false })]);
    stmt(db, 'INSERT INTO absence_private (absence_id, reason) VALUES (?, ?)').run(id, a.reason);
  })();
  return listAbsences(db, me, a.officerId).find((x) => x.id === id)!;
}

export function cancelAbsence(db: Db, me: LocalIdentity, id: string): void {
  requireOwn(me, id, 'absence');
  const op = updateOp(db, RECORD_TYPES.absence!, id, { cancelled: true });
  if (op) commitLocal(db, me, [op]);
}
