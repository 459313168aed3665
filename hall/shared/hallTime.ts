import { SITE_TIME_ZONE } from '../../common/domain/siteClock';

/** Every site of the city hall keeps Polish time, whatever the kiosk or display PC is set to. */
export const HALL_TIME_ZONE = SITE_TIME_ZONE;

const clockFormat = new Intl.DateTimeFormat('pl-PL', {
  timeZone: HALL_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
});
const dateFormats = {
  pl: new Intl.DateTimeFormat('pl-PL', {
    timeZone: HALL_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: HALL_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
};
const printedFormat = new Intl.DateTimeFormat('pl-PL', {
  timeZone: HALL_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `09:05`, Polish time. */
export const formatClock = (at: Date): string => clockFormat.format(at);

/** `2 marca 2026` / `2 March 2026` for a civil date `2026-03-02`. */
export function formatCivilDate(day: string, language: 'pl' | 'en'): string {
  // Noon UTC is the same civil date in Warsaw all year round.
  return dateFormats[language].format(new Date(`${day}T12:00:00Z`));
}

/** `02.03.2026, 10:05`, as a ticket prints it. */
export const formatPrintedTime = (at: Date): string => printedFormat.format(at);

/**
 * How far the server's clock is ahead of this PC's, from an answer's `now`: the pages show the
 * server's time (the time the tickets are stamped with), not a kiosk PC's drifting clock.
 */
export const serverClockOffset = (serverNow: string, receivedAtMs: number): number =>
  new Date(serverNow).getTime() - receivedAtMs;
