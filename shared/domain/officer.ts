// Handhaver (BOA): the part partners see (display name, qualifications, contract hours). Phone, BOA number
// and notes are private and never leave the employing gemeente's device.
import { z } from 'zod';
import { GEMEENTE_CODE } from './gemeenten';
import { lazySchema } from './lazy-schema';

export const BOA_DOMAINS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export type BoaDomain = (typeof BOA_DOMAINS)[number];
export const FORCE_MEANS = ['handboeien', 'wapenstok', 'pepperspray'] as const;

const isoDate = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field.date.invalid' }));

export const qualificationsSchema = lazySchema(() =>
  z
    .object({
      domain: z.enum(BOA_DOMAINS),
      akteValidUntil: isoDate,
      territory: z.array(z.string().regex(GEMEENTE_CODE)).max(50),
      force: z.array(z.enum(FORCE_MEANS)).max(FORCE_MEANS.length),
      trafficAppointed: isoDate.nullable(),
    })
    .strict(),
);

export type Qualifications = z.output<typeof qualificationsSchema>;

export interface OfficerRecord {
  id: string;
  employer: string;
  name: string;
  qualifications: Qualifications;
  contractHours: number;
  active: boolean;
}

/** True for a number with at most one decimal (28.8, 36), the precision contract hours are kept in. */
export function hasOneDecimal(n: number): boolean {
  return Number.isFinite(n) && Math.abs(Math.round(n * 10) - n * 10) < 1e-9;
}

/**
 * Contract hours as the replicated officer record holds them: whole hours in contractHours, and when they
 * are not whole also the tenths (28.8 -> 29 and 288). Old copies know only contractHours.
 */
export function hoursToRecord(hours: number): { contractHours: number; contractTenths: number | null } {
  const tenths = Math.round(hours * 10);
  return tenths % 10 === 0 ? { contractHours: tenths / 10, contractTenths: null } : { contractHours: Math.round(hours), contractTenths: tenths };
}

/** The contract hours of a record: its tenths when set, otherwise its whole hours. */
export function hoursFromRecord(contractHours: number, contractTenths: number | null | undefined): number {
  return contractTenths === null || contractTenths === undefined ? contractHours : contractTenths / 10;
}

export const officerFieldsSchema = lazySchema(() =>
  z
    .object({
      name: z.string({ error: 'officer.name.required' }).trim().min(1, { error: 'officer.name.required' }).max(80, { error: 'officer.name.too_long' }),
      qualifications: qualificationsSchema,
      /** Hours per week, with at most one decimal (28.8). */
      contractHours: z
        .number({ error: 'officer.hours.invalid' })
        .min(0, { error: 'officer.hours.invalid' })
        .max(60, { error: 'officer.hours.invalid' })
        .refine(hasOneDecimal, { error: 'officer.hours.invalid' }),
      active: z.boolean().default(true),
      /** Private: stays on this device. */
      phone: z.string().trim().max(40).default(''),
      boaNumber: z.string().trim().max(40).default(''),
      notes: z.string().max(2000).default(''),
    })
    .strict(),
);
export type OfficerFields = z.output<typeof officerFieldsSchema>;

/** An own officer with the private details that never leave this device. */
export interface OfficerDetail extends OfficerRecord {
  phone: string;
  boaNumber: string;
  notes: string;
}
