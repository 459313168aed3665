import { z } from 'zod';
import { isCivilDate } from './civilDate';
import { isTimeOfDay, minutesOfDay } from './timeOfDay';

const civilDateSchema = z.string().refine(isCivilDate, { error: 'must be a YYYY-MM-DD date' });
const timeOfDaySchema = z.string().refine(isTimeOfDay, { error: 'must be an HH:MM time' });

/** Minutes of a time, or null when it is malformed (that field already has its own issue). */
const minutesIfValid = (time: string) => (isTimeOfDay(time) ? minutesOfDay(time) : null);

/** Runs an ordering check only when all three times are well-formed. */
const whenWellFormed =
  (check: (opens: number, closes: number, lastTicket: number) => boolean) =>
  (hours: { opens: string; closes: string; lastTicket: string }) => {
    const [opens, closes, lastTicket] = [hours.opens, hours.closes, hours.lastTicket].map(
      minutesIfValid,
    );
    if (opens == null || closes == null || lastTicket == null) return true;
    return check(opens, closes, lastTicket);
  };

/**
 * The hours a site is open to residents on one day. The last ticket is issued at or after
 * opening and no later than closing: a timetable that breaks this would let the kiosk hand out
 * tickets nobody will serve.
 */
export const serviceHoursSchema = z
  .strictObject({
    opens: timeOfDaySchema,
    closes: timeOfDaySchema,
    lastTicket: timeOfDaySchema,
  })
  .refine(
    whenWellFormed((opens, closes) => opens < closes),
    { error: 'must open before it closes', path: ['closes'] },
  )
  .refine(
    whenWellFormed((opens, closes, lastTicket) => opens <= lastTicket && lastTicket <= closes),
    { error: 'the last ticket must be between opening and closing', path: ['lastTicket'] },
  );
export type ServiceHours = z.infer<typeof serviceHoursSchema>;

/** A weekday's hours by ISO weekday (1 = Monday … 7 = Sunday); a missing day is closed. */
export const timetableSchema = z.strictObject({
  effectiveFrom: civilDateSchema,
  days: z.strictObject({
    1: serviceHoursSchema.optional(),
    2: serviceHoursSchema.optional(),
    3: serviceHoursSchema.optional(),
    4: serviceHoursSchema.optional(),
    5: serviceHoursSchema.optional(),
    6: serviceHoursSchema.optional(),
    7: serviceHoursSchema.optional(),
  }),
});
export type Timetable = z.infer<typeof timetableSchema>;

export const scheduleExceptionSchema = z.strictObject({
  date: civilDateSchema,
  /** null: closed that day; hours: open those hours instead of the timetable's. */
  hours: serviceHoursSchema.nullable(),
  /** Shown to residents and clerks, e.g. `Dzień wolny za 15 sierpnia`. */
  reason: z.string().trim().min(1),
});
export type ScheduleException = z.infer<typeof scheduleExceptionSchema>;

const hasUniqueValues = (values: readonly string[]) => new Set(values).size === values.length;

/**
 * A site's service hours: timetables each applying from their date until the next one, and
 * one-day exceptions. Two timetables from the same date, or two exceptions on the same day,
 * would leave the hours to the order of an array, so they are refused.
 */
export const siteScheduleSchema = z.strictObject({
  timetables: z
    .array(timetableSchema)
    .refine((timetables) => hasUniqueValues(timetables.map((t) => t.effectiveFrom)), {
      error: 'two timetables take effect on the same date',
    }),
  exceptions: z
    .array(scheduleExceptionSchema)
    .refine((exceptions) => hasUniqueValues(exceptions.map((e) => e.date)), {
      error: 'two exceptions for the same date',
    }),
});
export type SiteSchedule = z.infer<typeof siteScheduleSchema>;
