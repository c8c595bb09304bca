// Turns what an import did to the state tables (op effects, read inside the rehearsal's transaction) into
// facts a person recognises: which officer comes to which shift of which event, which shift was cancelled
// and how many of our officers it concerned. The narrative (shared/exchange/narrative) words them.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { live } from '../store/live';
import type { PreviewFact, PreviewFactKind } from '../../shared/api/exchange';
import type { OpEffect } from '../log/materialise';

interface EventRow {
  id: string;
  host: string;
  name: string | null;
  starts_at: string | null;
  ends_at: string | null;
}
interface ShiftRow {
  id: string;
  event_id: string | null;
  starts_at: string | null;
  ends_at: string | null;
  needed: number | null;
}
interface RequestRow {
  id: string;
  host: string;
  shift_id: string | null;
  provider: string | null;
  count: number | null;
}

/** One record's net change over all the file's ops on it: created or not, each field's first and last value. */
interface Net {
  type: string;
  id: string;
  owner: string;
  created: boolean;
  fields: Map<string, { from: unknown; to: unknown }>;
}

function collapse(effects: readonly OpEffect[]): Net[] {
  const byId = new Map<string, Net>();
  for (const e of effects) {
    if (e.kind === 'unchanged') continue;
    let net = byId.get(e.id);
    if (!net) {
      net = { type: e.type, id: e.id, owner: e.owner, created: false, fields: new Map() };
      byId.set(e.id, net);
    }
    if (e.kind === 'created') net.created = true;
    for (const c of e.changes) {
      const prior = net.fields.get(c.field);
      net.fields.set(c.field, { from: prior ? prior.from : c.from, to: c.to });
    }
  }
  return [...byId.values()];
}

const truthy = (v: unknown) => v === 1 || v === true;

const ASPECTS: Record<string, Record<string, string>> = {
  event: { start: 'time', end: 'time', name: 'name', place: 'place', risk: 'risk', visitors: 'visitors', status: 'status' },
  shift: { start: 'time', end: 'time', needed: 'needed', role: 'role', qualifications: 'qualifications', inPairs: 'pairs' },
  request: { count: 'count', note: 'note', agreement: 'agreement' },
  officer: { name: 'name', qualifications: 'qualifications', contractHours: 'hours', contractTenths: 'hours', active: 'active' },
};

function aspectsOf(net: Net): string[] {
  const map = ASPECTS[net.type] ?? {};
  return [...new Set([...net.fields.keys()].map((f) => map[f] ?? 'other'))];
}

// Our officers on a shift (or on every shift of an event) whose commitment still stands (main/store/live.ts;
// not the shift's and event's conditions: the file may be what cancels them). The unary plus keeps SQLite
// from reading `c.provider = ?` and `c.provider = r.provider` as `r.provider = ?` and walking every request
// of our gemeente by requests_by_provider instead of the shift's few by requests_by_shift: after a full
// import of a region (no statistics yet) that cost 0.9 ms a shift, 69 ms for the 79 shifts of a preview.
export const OWN_ON_SHIFT = `SELECT count(*) AS n FROM commitments c JOIN requests r ON r.id = c.request_id
  WHERE +c.provider = ? AND ${live.commitment()} AND ${live.request()} AND r.shift_id = ?`;
export const OWN_ON_EVENT = `SELECT count(*) AS n FROM commitments c JOIN requests r ON r.id = c.request_id JOIN shifts s ON s.id = r.shift_id
  WHERE +c.provider = ? AND ${live.commitment()} AND ${live.request()} AND s.event_id = ?`;

export function describeEffects(db: Db, own: string, effects: readonly OpEffect[]): PreviewFact[] {
  const events = new Map<string, EventRow | undefined>();
  const shifts = new Map<string, ShiftRow | undefined>();
  const requests = new Map<string, RequestRow | undefined>();
  const eventOf = (id: string | null | undefined): EventRow | undefined => {
    if (!id) return undefined;
    if (!events.has(id)) events.set(id, stmt(db, 'SELECT id, host, name, starts_at, ends_at FROM events WHERE id = ?').get(id) as EventRow | undefined);
    return events.get(id);
  };
  const shiftOf = (id: string | null | undefined): ShiftRow | undefined => {
    if (!id) return undefined;
    if (!shifts.has(id)) shifts.set(id, stmt(db, 'SELECT id, event_id, starts_at, ends_at, needed FROM shifts WHERE id = ?').get(id) as ShiftRow | undefined);
    return shifts.get(id);
  };
  const requestOf = (id: string | null | undefined): RequestRow | undefined => {
    if (!id) return undefined;
    if (!requests.has(id)) requests.set(id, stmt(db, 'SELECT id, host, shift_id, provider, count FROM requests WHERE id = ?').get(id) as RequestRow | undefined);
    return requests.get(id);
  };
  const eventFact = (e: EventRow | undefined): PreviewFact['event'] => (e ? { id: e.id, name: e.name ?? '', host: e.host, start: e.starts_at ?? '', end: e.ends_at ?? '' } : undefined);
  const shiftFact = (s: ShiftRow | undefined): PreviewFact['shift'] => (s ? { id: s.id, start: s.starts_at ?? '', end: s.ends_at ?? '', needed: s.needed ?? 0 } : undefined);
  const requestFact = (r: RequestRow | undefined): PreviewFact['request'] => (r ? { id: r.id, host: r.host, provider: r.provider ?? '', count: r.count ?? 0 } : undefined);
  const ownOnShift = stmt(db, OWN_ON_SHIFT);
  const ownOnEvent = stmt(db, OWN_ON_EVENT);

  const facts: PreviewFact[] = [];
  const add = (net: Net, kind: PreviewFactKind, extra: Omit<PreviewFact, 'kind' | 'by' | 'recordId'> = {}) => facts.push({ kind, by: net.owner, recordId: net.id, ...extra });
  const changed = (net: Net, field: string) => net.fields.get(field);
  const becameTrue = (net: Net, field: string) => {
    const c = changed(net, field);
    return c !== undefined && truthy(c.to) && !truthy(c.from);
  };
  const becameFalse = (net: Net, field: string) => {
    const c = changed(net, field);
    return c !== undefined && !truthy(c.to) && truthy(c.from);
  };

  for (const net of collapse(effects)) {
    switch (net.type) {
      case 'event': {
        const row = eventOf(net.id);
        const event = eventFact(row);
        if (net.created) add(net, 'event.new', { event });
        else if (changed(net, 'status')?.to === 'afgelast') add(net, 'event.cancelled', { event, ownCommitted: (ownOnEvent.get(own, net.id) as { n: number }).n });
        else add(net, 'event.changed', { event, aspects: aspectsOf(net) });
        break;
      }
      case 'shift': {
        const row = shiftOf(net.id);
        const extra = { event: eventFact(eventOf(row?.event_id)), shift: shiftFact(row), ownCommitted: (ownOnShift.get(own, net.id) as { n: number }).n };
        if (net.created) add(net, 'shift.new', extra);
        else if (becameTrue(net, 'cancelled')) add(net, 'shift.cancelled', extra);
        else add(net, 'shift.changed', { ...extra, aspects: aspectsOf(net).filter((a) => a !== 'other') });
        break;
      }
      case 'request': {
        const row = requestOf(net.id);
        const shift = shiftOf(row?.shift_id);
        const extra = { event: eventFact(eventOf(shift?.event_id)), shift: shiftFact(shift), request: requestFact(row) };
        if (net.created) add(net, 'request.new', extra);
        else if (becameTrue(net, 'withdrawn')) add(net, 'request.withdrawn', extra);
        else if (changed(net, 'approvedBy')?.to) add(net, 'request.approved', { ...extra, reason: String(changed(net, 'approvedBy')!.to) });
        else add(net, 'request.changed', { ...extra, aspects: aspectsOf(net) });
        break;
      }
      case 'response': {
        const row = stmt(db, 'SELECT request_id, declined, reason FROM responses WHERE id = ?').get(net.id) as
          { request_id: string | null; declined: number | null; reason: string | null } | undefined;
        const request = requestOf(row?.request_id);
        const shift = shiftOf(request?.shift_id);
        if (truthy(row?.declined)) {
          add(net, 'request.declined', { event: eventFact(eventOf(shift?.event_id)), shift: shiftFact(shift), request: requestFact(request), reason: row?.reason ?? '' });
        } else add(net, 'other', { type: net.type });
        break;
      }
      case 'commitment': {
        const row = stmt(db, 'SELECT c.request_id, c.withdrawn, o.name, o.employer FROM commitments c LEFT JOIN officers o ON o.id = c.officer_id WHERE c.id = ?').get(net.id) as
          { request_id: string | null; withdrawn: number | null; name: string | null; employer: string | null } | undefined;
        const request = requestOf(row?.request_id);
        const shift = shiftOf(request?.shift_id);
        const extra = {
          event: eventFact(eventOf(shift?.event_id)),
          shift: shiftFact(shift),
          request: requestFact(request),
          officer: { name: row?.name ?? '', employer: row?.employer ?? net.owner },
        };
        const withdrawn = truthy(row?.withdrawn);
        if (net.created) {
          // Committed and withdrawn within one file: nothing changes for anybody.
          if (!withdrawn) add(net, 'commitment.new', extra);
        } else if (becameTrue(net, 'withdrawn')) add(net, 'commitment.withdrawn', extra);
        else if (becameFalse(net, 'withdrawn')) add(net, 'commitment.new', extra);
        else add(net, 'other', { type: net.type });
        break;
      }
      case 'agreement': {
        const row = stmt(db, 'SELECT terms FROM agreements WHERE id = ?').get(net.id) as { terms: string | null } | undefined;
        const terms = row?.terms ? (JSON.parse(row.terms) as { title?: string; parties?: string[] }) : {};
        add(net, net.created ? 'agreement.new' : 'agreement.changed', { agreement: { title: terms.title ?? '', parties: terms.parties ?? [] } });
        break;
      }
      case 'signature': {
        const row = stmt(db, 'SELECT s.terminate_from, a.terms FROM signatures s LEFT JOIN agreements a ON a.id = s.agreement_id WHERE s.id = ?').get(net.id) as
          { terminate_from: string | null; terms: string | null } | undefined;
        const terms = row?.terms ? (JSON.parse(row.terms) as { title?: string; parties?: string[] }) : {};
        const agreement = { title: terms.title ?? '', parties: terms.parties ?? [] };
        if (row?.terminate_from) add(net, 'agreement.terminated', { agreement, date: row.terminate_from });
        else add(net, 'agreement.signed', { agreement });
        break;
      }
      case 'officer': {
        const row = stmt(db, 'SELECT name, employer FROM officers WHERE id = ?').get(net.id) as { name: string | null; employer: string } | undefined;
        const officer = { name: row?.name ?? '', employer: row?.employer ?? net.owner };
        add(net, net.created ? 'officer.new' : 'officer.changed', { officer, ...(net.created ? {} : { aspects: aspectsOf(net) }) });
        break;
      }
      default:
        add(net, 'other', { type: net.type });
    }
  }
  return facts;
}
