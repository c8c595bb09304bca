// Handhaver (BOA): the part partners see (display name, qualifications, contract hours). Phone, BOA number
// and notes are private and never leave the employing gemeente's device.
import { z } from 'zod';
import { GEMEENTE_CODE } from './gemeenten';

export const BOA_DOMAINS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
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
