// Evenement: a regional event hosted (and owned) by one gemeente.
import { z } from 'zod';
import { isLocalDateTime, localToEpoch } from '../time/local';
import { lazySchema } from './lazy-schema';

export const RISK_CLASSES = ['A', 'B', 'C'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

export const EVENT_STATUSES = ['concept', 'aangemeld', 'vergund', 'afgelast'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_NAME_MAX = 120;

const localDateTime = lazySchema(() => z.string({ error: 'field.datetime.invalid' }).refine(isLocalDateTime, { error: 'field.datetime.invalid' }));

/** What a user types for an event. Messages are i18n keys (see shared/i18n). */
export const eventFieldsSchema = lazySchema(() =>
  z
    .object({
      name: z.string({ error: 'event.name.required' }).trim().min(1, { error: 'event.name.required' }).max(EVENT_NAME_MAX, { error: 'event.name.too_long' }),
      place: z.string({ error: 'event.place.required' }).trim().min(1, { error: 'event.place.required' }).max(200, { error: 'event.place.too_long' }),
      start: localDateTime,
      end: localDateTime,
      risk: z.enum(RISK_CLASSES, { error: 'event.risk.invalid' }),
      visitors: z
        .number({ error: 'event.visitors.invalid' })
        .int({ error: 'event.visitors.invalid' })
        .min(0, { error: 'event.visitors.invalid' })
        .max(10_000_000, { error: 'event.visitors.invalid' })
        .nullable()
        .default(null),
      status: z.enum(EVENT_STATUSES, { error: 'event.status.invalid' }).default('concept'),
    })
    .strict()
    .refine((e) => localToEpoch(e.end) > localToEpoch(e.start), {
      error: 'event.end.before_start',
      path: ['end'],
      // Also report it when another field is wrong, so the user sees every problem at once.
      when: (payload) => {
        const v = payload.value as { start?: unknown; end?: unknown } | undefined;
        return typeof v?.start === 'string' && typeof v.end === 'string' && isLocalDateTime(v.start) && isLocalDateTime(v.end);
      },
    }),
);

export type EventFields = z.output<typeof eventFieldsSchema>;
export type EventFieldsInput = z.input<typeof eventFieldsSchema>;

export interface EventRecord extends EventFields {
  id: string;
  host: string;
  /** Local device time the record was last changed by anyone, as an HLC wall-clock ISO string. */
  updatedAt: string;
}
