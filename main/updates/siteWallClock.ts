import type { CivilDate } from '../../common/domain/civilDate';
import type { TimeOfDay } from '../../common/domain/timeOfDay';

/** Every site keeps Polish time: service hours are Warsaw wall-clock hours. */
export const SITE_TIME_ZONE = 'Europe/Warsaw';

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: SITE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The site's civil date and wall-clock time at an instant, whatever the PC's own zone. */
export function siteWallClock(instant: Date): { day: CivilDate; time: TimeOfDay } {
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}
