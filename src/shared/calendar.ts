// The working calendar's holiday table: requests and responses of the
// calendar endpoints, used by the routes and the calendar screen.
import { z } from 'zod';
import { isoDateSchema, textSchema, timestampSchema } from './primitives.js';

export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'makeup'] as const;
export const DAY_SOURCES = ['statutory', 'override'] as const;

export const calendarOverrideInputSchema = z.object({
  date: isoDateSchema,
  workday: z.boolean(),
  name: textSchema.trim().max(40).optional(),
});
export type CalendarOverrideInput = z.input<typeof calendarOverrideInputSchema>;

export const calendarOverrideSchema = z.object({
  date: z.string(),
  workday: z.boolean(),
  name: z.string(),
  createdAt: timestampSchema,
});
export const calendarOverridesSchema = z.object({ items: z.array(calendarOverrideSchema) });
export const calendarOverrideDateParams = z.object({ date: isoDateSchema });
export const calendarOverrideDeletedSchema = z.object({ date: z.string(), deleted: z.literal(true) });

export const calendarYearParams = z.object({ year: z.coerce.number().int().min(2004).max(2100) });
export const calendarDaySchema = z.object({
  date: z.string(),
  workday: z.boolean(),
  kind: z.enum(DAY_KINDS),
  source: z.enum(DAY_SOURCES),
  name: z.string().nullable(),
});
export const calendarYearSchema = z.object({
  year: z.number(),
  /** The statutory data (chinese-days) covers this year; later years need overrides. */
  statutoryData: z.boolean(),
  periods: z.array(z.object({ start: z.string(), end: z.string() })),
  days: z.array(calendarDaySchema),
});
export type CalendarYear = z.input<typeof calendarYearSchema>;
export type CalendarDay = z.input<typeof calendarDaySchema>;
