import { isoWeekday } from './civilDate';
import type { CivilDate } from './civilDate';
import { isPublicHoliday } from './holidays';
import { minutesOfDay } from './timeOfDay';
import type { TimeOfDay } from './timeOfDay';
import type { ServiceHours, SiteSchedule, Timetable } from './timetableSchema';

export type ClosedDay = {
  closed: true;
  reason: 'holiday' | 'exception' | 'no-hours' | 'no-timetable';
  /** The holiday's name or the exception's reason, for the notice shown to residents. */
  name?: string;
};

/** The timetable in force on a date: the one with the latest `effectiveFrom` not after it. */
function timetableOn(timetables: readonly Timetable[], date: CivilDate): Timetable | undefined {
  return timetables
    .filter((timetable) => timetable.effectiveFrom <= date)
    .reduce<Timetable | undefined>(
      (latest, timetable) =>
        latest === undefined || timetable.effectiveFrom > latest.effectiveFrom ? timetable : latest,
      undefined,
    );
}

/**
 * The hours a site is open to residents on a date. A one-day exception decides first, so an
 * office can open on a holiday only by saying so explicitly with hours (or close on any day);
 * otherwise a public holiday closes it; otherwise the timetable in force on that date gives
 * the weekday's hours.
 */
export function serviceHoursOn(schedule: SiteSchedule, date: CivilDate): ServiceHours | ClosedDay {
  const weekday = isoWeekday(date);
  const exception = schedule.exceptions.find((candidate) => candidate.date === date);
  if (exception) {
    return exception.hours ?? { closed: true, reason: 'exception', name: exception.reason };
  }
  const holiday = isPublicHoliday(date);
  if (holiday) return { closed: true, reason: 'holiday', name: holiday.name };
  const timetable = timetableOn(schedule.timetables, date);
  if (!timetable) return { closed: true, reason: 'no-timetable' };
  return timetable.days[weekday] ?? { closed: true, reason: 'no-hours' };
}

/** Whether the kiosk may issue a ticket at `time` on `date`: from opening to the last ticket, both included. */
export function canIssueTicketAt(
  schedule: SiteSchedule,
  date: CivilDate,
  time: TimeOfDay,
): boolean {
  const minute = minutesOfDay(time);
  const hours = serviceHoursOn(schedule, date);
  if ('closed' in hours) return false;
  return minutesOfDay(hours.opens) <= minute && minute <= minutesOfDay(hours.lastTicket);
}
