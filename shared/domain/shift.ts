// Dienst: a block of work at an event, owned by the host gemeente.
import { z } from 'zod';

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

export const shiftRoleSchema = z.enum(SHIFT_ROLES);
