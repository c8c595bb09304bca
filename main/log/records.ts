// The shared record types and how their ops map onto state tables. Each field is a last-writer-wins
// register ordered by (hlc, author), so the state does not depend on the order entries arrive in.
import { z } from 'zod';
import { EVENT_STATUSES, RISK_CLASSES } from '../../shared/domain/event';
import { qualificationsSchema } from '../../shared/domain/officer';
import { agreementTermsSchema } from '../../shared/domain/agreement';
import { REQUIRED_QUALIFICATIONS, SHIFT_ROLES } from '../../shared/domain/shift';
import { isLocalDateTime } from '../../shared/time/local';
import { parseRecordId, type RecordKindTag } from '../../shared/domain/ids';

export interface FieldSpec {
  column: string;
  schema: z.ZodType;
  /** Stored as JSON text (arrays and objects). */
  json?: boolean;
}

export interface RecordType {
  name: string;
  tag: RecordKindTag;
  table: string;
  /** Column that holds the owner gemeente (derived from the id). */
  ownerColumn: string;
  fields: Record<string, FieldSpec>;
  /** Fields that a create op must set. */
  required: string[];
  /** Checks across fields that the value schemas cannot express; returns a reason to reject. */
  check?: (owner: string, set: Record<string, unknown>) => string | undefined;
}

const text = (max: number) => z.string().max(max);
const localTime = z.string().refine(isLocalDateTime);

export const RECORD_TYPES: Record<string, RecordType> = {
  event: {
    name: 'event',
    tag: 'ev',
    table: 'events',
    ownerColumn: 'host',
    fields: {
      name: { column: 'name', schema: text(120).min(1) },
      place: { column: 'place', schema: text(200) },
      start: { column: 'starts_at', schema: localTime },
      end: { column: 'ends_at', schema: localTime },
      risk: { column: 'risk', schema: z.enum(RISK_CLASSES) },
      visitors: { column: 'visitors', schema: z.number().int().min(0).nullable() },
      status: { column: 'status', schema: z.enum(EVENT_STATUSES) },
    },
    required: ['name', 'place', 'start', 'end', 'risk', 'status'],
  },
  officer: {
    name: 'officer',
    tag: 'of',
    table: 'officers',
    ownerColumn: 'employer',
    fields: {
      name: { column: 'name', schema: text(80).min(1) },
      qualifications: { column: 'qualifications', schema: qualificationsSchema, json: true },
      contractHours: { column: 'contract_hours', schema: z.number().int().min(0).max(60) },
      active: { column: 'active', schema: z.boolean() },
    },
    required: ['name', 'qualifications', 'contractHours', 'active'],
  },
  shift: {
    name: 'shift',
    tag: 'sh',
    table: 'shifts',
    ownerColumn: 'host',
    fields: {
      event: { column: 'event_id', schema: z.string().max(64) },
      start: { column: 'starts_at', schema: localTime },
      end: { column: 'ends_at', schema: localTime },
      role: { column: 'role', schema: z.enum(SHIFT_ROLES) },
      needed: { column: 'needed', schema: z.number().int().min(1).max(500) },
      inPairs: { column: 'in_pairs', schema: z.boolean() },
      qualifications: { column: 'qualifications', schema: z.array(z.enum(REQUIRED_QUALIFICATIONS)).max(10), json: true },
      cancelled: { column: 'cancelled', schema: z.boolean() },
    },
    required: ['event', 'start', 'end', 'role', 'needed', 'inPairs', 'qualifications', 'cancelled'],
    check: (owner, set) => {
      if (typeof set.event !== 'string') return undefined;
      const ev = parseRecordId(set.event);
      if (!ev || ev.tag !== 'ev') return `dienst verwijst naar "${set.event}", dat geen evenement is`;
      if (ev.owner !== owner) return `dienst van ${owner} bij een evenement van ${ev.owner}`;
      return undefined;
    },
  },
};

const recordRef = (tag: RecordKindTag) =>
  z.string().max(64).refine((v) => parseRecordId(v)?.tag === tag);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The referenced record must belong to the same gemeente as the one referring to it. */
function sameOwner(field: string, what: string) {
  return (owner: string, set: Record<string, unknown>): string | undefined => {
    const ref = typeof set[field] === 'string' ? parseRecordId(set[field]) : undefined;
    return ref && ref.owner !== owner ? `${what} van ${ref.owner} in een record van ${owner}` : undefined;
  };
}

Object.assign(RECORD_TYPES, {
  agreement: {
    name: 'agreement',
    tag: 'ag',
    table: 'agreements',
    ownerColumn: 'proposer',
    fields: { terms: { column: 'terms', schema: agreementTermsSchema, json: true } },
    required: ['terms'],
    check: (owner, set) => {
      const terms = set.terms as { parties?: string[] } | undefined;
      return terms?.parties && !terms.parties.includes(owner) ? `${owner} stelt een afspraak voor waarin het zelf geen partij is` : undefined;
    },
  },
  signature: {
    name: 'signature',
    tag: 'sg',
    table: 'signatures',
    ownerColumn: 'signer',
    fields: {
      agreement: { column: 'agreement_id', schema: recordRef('ag') },
      contentHash: { column: 'content_hash', schema: z.string().regex(/^[0-9a-f]{64}$/) },
      signedAt: { column: 'signed_at', schema: z.string().datetime() },
      terminateFrom: { column: 'terminate_from', schema: isoDay.nullable() },
    },
    required: ['agreement', 'contentHash', 'signedAt', 'terminateFrom'],
  },
  absence: {
    name: 'absence',
    tag: 'ab',
    table: 'absences',
    ownerColumn: 'employer',
    fields: {
      officer: { column: 'officer_id', schema: recordRef('of') },
      start: { column: 'starts_at', schema: localTime },
      end: { column: 'ends_at', schema: localTime },
      cancelled: { column: 'cancelled', schema: z.boolean() },
    },
    required: ['officer', 'start', 'end', 'cancelled'],
    check: sameOwner('officer', 'handhaver'),
  },
  request: {
    name: 'request',
    tag: 'rq',
    table: 'requests',
    ownerColumn: 'host',
    fields: {
      shift: { column: 'shift_id', schema: recordRef('sh') },
      provider: { column: 'provider', schema: z.string().regex(/^GM\d{4}$/) },
      agreement: { column: 'agreement_id', schema: recordRef('ag').nullable() },
      count: { column: 'count', schema: z.number().int().min(1).max(500) },
      note: { column: 'note', schema: text(500) },
      withdrawn: { column: 'withdrawn', schema: z.boolean() },
      approvedBy: { column: 'approved_by', schema: text(120).nullable() },
      approvedAt: { column: 'approved_at', schema: z.string().datetime().nullable() },
    },
    required: ['shift', 'provider', 'agreement', 'count', 'note', 'withdrawn', 'approvedBy', 'approvedAt'],
    check: sameOwner('shift', 'dienst'),
  },
  response: {
    name: 'response',
    tag: 'rs',
    table: 'responses',
    ownerColumn: 'provider',
    fields: {
      request: { column: 'request_id', schema: recordRef('rq') },
      declined: { column: 'declined', schema: z.boolean() },
      reason: { column: 'reason', schema: text(500) },
    },
    required: ['request', 'declined', 'reason'],
  },
  commitment: {
    name: 'commitment',
    tag: 'cm',
    table: 'commitments',
    ownerColumn: 'provider',
    fields: {
      request: { column: 'request_id', schema: recordRef('rq') },
      officer: { column: 'officer_id', schema: recordRef('of') },
      withdrawn: { column: 'withdrawn', schema: z.boolean() },
      reasons: { column: 'reasons', schema: z.record(z.string().max(40), z.string().max(500)), json: true },
    },
    required: ['request', 'officer', 'withdrawn', 'reasons'],
    check: sameOwner('officer', 'handhaver'),
  },
} satisfies Record<string, RecordType>);

export function recordTypeOf(opType: string): { type: RecordType; action: string } | undefined {
  const [name, action] = opType.split('.');
  const type = name ? RECORD_TYPES[name] : undefined;
  return type && action ? { type, action } : undefined;
}
