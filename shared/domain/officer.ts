// Handhaver (BOA): the part partners see (display name, qualifications, contract hours). Phone, BOA number
// and notes are private and never leave the employing gemeente's device.
import { z } from 'zod';
import { GEMEENTE_CODE } from './gemeenten';

export const BOA_DOMAINS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export type BoaDomain = (typeof BOA_DOMAINS)[number];
export const FORCE_MEANS = ['handboeien', 'wapenstok', 'pepperspray'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field.date.invalid' });

export const qualificationsSchema = z
  .object({
    domain: z.enum(BOA_DOMAINS),
    akteValidUntil: isoDate,
    territory: z.array(z.string().regex(GEMEENTE_CODE)).max(50),
    force: z.array(z.enum(FORCE_MEANS)).max(FORCE_MEANS.length),
    trafficAppointed: isoDate.nullable(),
  })
  .strict();

export type Qualifications = z.output<typeof qualificationsSchema>;

export interface OfficerRecord {
  id: string;
  employer: string;
  name: string;
  qualifications: Qualifications;
  contractHours: number;
  active: boolean;
}

export const officerFieldsSchema = z
  .object({
    name: z.string({ error: 'officer.name.required' }).trim().min(1, { error: 'officer.name.required' }).max(80, { error: 'officer.name.too_long' }),
    qualifications: qualificationsSchema,
    contractHours: z.number().int().min(0).max(60, { error: 'officer.hours.invalid' }),
    active: z.boolean().default(true),
    /** Private: stays on this device. */
    phone: z.string().trim().max(40).default(''),
    boaNumber: z.string().trim().max(40).default(''),
    notes: z.string().max(2000).default(''),
  })
  .strict();
export type OfficerFields = z.output<typeof officerFieldsSchema>;

/** An own officer with the private details that never leave this device. */
export interface OfficerDetail extends OfficerRecord {
  phone: string;
  boaNumber: string;
  notes: string;
}
