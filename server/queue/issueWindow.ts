import type { IssueRefusal } from '../../common/contract/central/queue';
import type { Site } from '../../common/contract/central/reference';
import type { CivilDate } from '../../common/domain/civilDate';
import type { TimeOfDay } from '../../common/domain/timeOfDay';
import { canIssueTicketAt, serviceHoursOn } from '../../common/domain/timetable';
import type { ServiceHours } from '../../common/domain/timetableSchema';

/** Today's hours at a site, or null when it is closed all day. */
export function hoursOn(site: Site, day: CivilDate): ServiceHours | null {
  const hours = serviceHoursOn(site.schedule, day);
  return 'closed' in hours ? null : hours;
}

/**
 * Why the site issues no ticket at this moment, in the words the kiosk shows the resident
 * (Polish), or null when it does: the site's timetable in force that day (with its holidays
 * and one-day exceptions) from opening to the last ticket, both included.
 */
export function issueWindowRefusal(
  site: Site,
  day: CivilDate,
  time: TimeOfDay,
): Exclude<IssueRefusal, { reason: 'daily-cap-reached' | 'unknown-category' }> | null {
  if (canIssueTicketAt(site.schedule, day, time)) return null;
  const hours = serviceHoursOn(site.schedule, day);
  if ('closed' in hours) {
    const name = hours.name ?? null;
    return {
      reason: 'closed-today',
      name,
      message: name
        ? `Dziś urząd jest nieczynny: ${name}.`
        : 'Dziś urząd nie obsługuje interesantów.',
    };
  }
  if (time < hours.opens) {
    return {
      reason: 'not-open-yet',
      opens: hours.opens,
      message: `Bilety wydajemy od godziny ${hours.opens}.`,
    };
  }
  return {
    reason: 'after-last-ticket',
    lastTicket: hours.lastTicket,
    message: `Ostatni bilet na dziś wydaliśmy o ${hours.lastTicket}. Zapraszamy w kolejnym dniu pracy urzędu.`,
  };
}
