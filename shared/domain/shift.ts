// Dienst: a block of work at an event, owned by the host gemeente.
import { z } from 'zod';
import { lazySchema } from './lazy-schema';

export const SHIFT_ROLES = ['toezicht', 'verkeersregelaar', 'coordinatie', 'parkeerhandhaving'] as const;
export type ShiftRole = (typeof SHIFT_ROLES)[number];
export const REQUIRED_QUALIFICATIONS = ['verkeersregelaar', 'handboeien', 'wapenstok', 'pepperspray'] as const;

export interface ShiftRecord {
  id: string;
  host: string;
  eventId: string;
  start: string;
  end: string;
  role: ShiftRole;
  needed: number;
  inPairs: boolean;
  qualifications: string[];
  cancelled: boolean;
}

export const shiftRoleSchema = lazySchema(() => z.enum(SHIFT_ROLES));

export const shiftFieldsSchema = lazySchema(() =>
  z
    .object({
      eventId: z.string().min(1).max(64),
      start: z.string().refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v), { error: 'field.datetime.invalid' }),
      end: z.string().refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v), { error: 'field.datetime.invalid' }),
      role: shiftRoleSchema,
      needed: z.number({ error: 'shift.needed.invalid' }).int({ error: 'shift.needed.invalid' }).min(1, { error: 'shift.needed.invalid' }).max(500, { error: 'shift.needed.invalid' }),
      inPairs: z.boolean().default(false),
      qualifications: z.array(z.enum(REQUIRED_QUALIFICATIONS)).max(10).default([]),
    })
    .strict(),
);
export type ShiftFields = z.output<typeof shiftFieldsSchema>;
