// The shared record types and how their ops map onto state tables. Each field is a last-writer-wins
// register ordered by (hlc, author), so the state does not depend on the order entries arrive in.
import { z } from 'zod';
import { EVENT_STATUSES, RISK_CLASSES } from '../../shared/domain/event';
import { isLocalDateTime } from '../../shared/time/local';
import type { RecordKindTag } from '../../shared/domain/ids';

export interface FieldSpec {
  column: string;
  schema: z.ZodType;
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
};

export function recordTypeOf(opType: string): { type: RecordType; action: string } | undefined {
  const [name, action] = opType.split('.');
  const type = name ? RECORD_TYPES[name] : undefined;
  return type && action ? { type, action } : undefined;
}
