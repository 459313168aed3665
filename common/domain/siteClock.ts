import type { CivilDate } from './civilDate';
import type { TimeOfDay } from './timeOfDay';

/** Every site of the city hall keeps Polish time. */
export const SITE_TIME_ZONE = 'Europe/Warsaw';

export type SiteLocalTime = { day: CivilDate; time: TimeOfDay };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClockParts(instant: Date, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The site's civil date and wall-clock time at an instant (the server's own zone never matters). */
export function siteLocalTime(instant: Date, timeZone = SITE_TIME_ZONE): SiteLocalTime {
  const p = wallClockParts(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    day: `${String(p.year).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}`,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (Warsaw: +1 h or +2 h). */
function offsetAt(instant: number, timeZone: string): number {
  const p = wallClockParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a wall-clock time on a civil date at the site (a booked slot `10:30`). In the
 * hour skipped when clocks go forward it answers the instant one hour later, as a clock would.
 */
export function siteInstant(day: CivilDate, time: TimeOfDay, timeZone = SITE_TIME_ZONE): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return new Date(second);
}
