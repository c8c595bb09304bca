// Afspraak / convenant: the written agreement under which gemeenten lend officers. Proposed by one party,
// in force only when every party has signed the same version (its content hash), until terminated.
import { z } from 'zod';
import { GEMEENTE_CODE } from './gemeenten';
import { lazySchema } from './lazy-schema';

export const isoDate = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field.date.invalid' }));

/** Surcharges in whole percent on the hourly tariff. Per minute the highest applicable one counts. */
export const surchargesSchema = lazySchema(() =>
  z
    .object({
      evening: z.number().int().min(0).max(300), // 18:00-22:00
      night: z.number().int().min(0).max(300), // 22:00-06:00
      weekend: z.number().int().min(0).max(300), // Saturday and Sunday
      holiday: z.number().int().min(0).max(300), // Dutch public holidays
    })
    .strict(),
);
export type Surcharges = z.output<typeof surchargesSchema>;

export const providerTermsSchema = lazySchema(() =>
  z.discriminatedUnion('model', [
    z.object({ model: z.literal('tariff'), hourlyCents: z.number().int().min(0).max(100_000), surcharges: surchargesSchema }).strict(),
    z.object({ model: z.literal('gesloten_beurs') }).strict(),
  ]),
);
export type ProviderTerms = z.output<typeof providerTermsSchema>;

export const mandateSchema = lazySchema(() =>
  z
    .object({
      /** Officers per request a coordinator may approve alone. */
      maxOfficers: z.number().int().min(0).max(1000),
      /** Officer-hours per request a coordinator may approve alone; null = no limit on hours. */
      maxHours: z.number().int().min(0).max(100_000).nullable(),
      /** Who approves beyond the mandate, e.g. "teamleider handhaving". */
      escalateTo: z.string().min(1).max(80),
    })
    .strict(),
);
export type Mandate = z.output<typeof mandateSchema>;

export const agreementTermsSchema = lazySchema(() =>
  z
    .object({
      title: z.string().trim().min(1, { error: 'agreement.title.required' }).max(160),
      parties: z.array(z.string().regex(GEMEENTE_CODE)).min(2, { error: 'agreement.parties.too_few' }).max(30),
      start: isoDate,
      end: isoDate,
      /** Terms per providing gemeente (every party may provide). */
      providers: z.record(z.string().regex(GEMEENTE_CODE), providerTermsSchema),
      /** At most this many hours per provider per calendar month under this agreement. */
      capHoursPerMonth: z.number().int().min(0).max(100_000),
      mandate: mandateSchema,
    })
    .strict(),
);
export type AgreementTerms = z.output<typeof agreementTermsSchema>;

export interface AgreementRecord extends AgreementTerms {
  id: string;
  proposer: string;
  /** sha256 of the canonical terms: what each party signs. */
  contentHash: string;
  signatures: { gemeente: string; contentHash: string; signedAt: string; terminateFrom: string | null }[];
  /** Every party signed the current content hash. */
  signedByAll: boolean;
  /** The earliest termination date any party set, or null. */
  terminatedFrom: string | null;
}
