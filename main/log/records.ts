// The shared record types and how their ops map onto state tables. Each field is a last-writer-wins
// register ordered by (hlc, author), so the state does not depend on the order entries arrive in.
import { z } from 'zod';
import { EVENT_STATUSES, RISK_CLASSES } from '../../shared/domain/event';
import { qualificationsSchema } from '../../shared/domain/officer';
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

export function recordTypeOf(opType: string): { type: RecordType; action: string } | undefined {
  const [name, action] = opType.split('.');
  const type = name ? RECORD_TYPES[name] : undefined;
  return type && action ? { type, action } : undefined;
}
