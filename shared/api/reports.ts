// The api methods of Rapportage, spread into the contract: settlement statement, hours, the remembered
// roster contact, and generated files (CSV, PDF, iCal) returned as bytes for a download or the CLI.
import { z } from 'zod';
import { method, returns } from './method';
import { GEMEENTE_CODE } from '../domain/gemeenten';
import { isoDate } from '../domain/agreement';
import type { HoursReport, ReportFile, RosterContact, SettlementStatement } from '../reports/types';
import { lazySchema } from '../domain/lazy-schema';

const recordId = lazySchema(() => z.string().min(1).max(64));
const code = lazySchema(() => z.string().regex(GEMEENTE_CODE, { error: 'gemeente.unknown' }));
const period = { from: isoDate, to: isoDate };
/** Two gemeenten; the statement covers both directions between them. */
const pair = lazySchema(() => z.tuple([code, code]));

export const rosterContactSchema = lazySchema(() =>
  z
    .object({
      name: z.string().trim().max(120, { error: 'field.invalid' }),
      phone: z.string().trim().max(40, { error: 'field.invalid' }),
    })
    .strict(),
);

export const reportFileSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('settlement'), format: z.enum(['csv', 'pdf']), ...period, pair: pair.optional() }).strict(),
    z.object({ kind: z.literal('hours'), format: z.literal('csv').default('csv'), ...period }).strict(),
    // Phone numbers of own officers only when asked: a roster often goes to an organiser or partner (AVG).
    z.object({ kind: z.literal('roster'), eventId: recordId, contact: rosterContactSchema.optional(), phones: z.boolean().default(false) }).strict(),
    z.object({ kind: z.literal('ical-officer'), officerId: recordId }).strict(),
    z.object({ kind: z.literal('ical-event'), eventId: recordId }).strict(),
  ]),
);
export type ReportFileRequest = z.output<typeof reportFileSchema>;

export const reportMethods = {
  'reports.settlement': method(
    () => z.object({ ...period, pair: pair.optional() }).strict(),
    returns<SettlementStatement>(),
    'Verrekeningsoverzicht over een periode (optioneel één gemeentepaar), met het controlegetal van de planning.',
  ),
  'reports.hours': method(() => z.object(period).strict(), returns<HoursReport>(), 'Uren per eigen handhaver, evenement en gemeente; gebruik van afspraken tegen hun maximum; uren in de tijd.'),
  'reports.contact': method(() => z.object({}).strict(), returns<RosterContact>(), 'De contactpersoon voor briefingroosters, zoals op dit apparaat bewaard.'),
  'reports.file': method(() => reportFileSchema, returns<ReportFile>(), 'Maak een exportbestand: verrekening (CSV/PDF), uren (CSV), briefingrooster (PDF) of diensten (iCal).'),
} as const;

export type ReportMethodName = keyof typeof reportMethods;
