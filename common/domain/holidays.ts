import Holidays from 'date-holidays';
import { parseCivilDate } from './civilDate';
import type { CivilDate } from './civilDate';

/**
 * A stable key per holiday, for translations; `name` is the Polish name shown by default.
 * `other`: a day off the library knows and this list does not name yet (a new law), shown by
 * the library's Polish name until it gets a key of its own.
 */
export type PublicHolidayKey =
  | 'new-year'
  | 'epiphany'
  | 'easter-sunday'
  | 'easter-monday'
  | 'labour-day'
  | 'constitution-day'
  | 'pentecost'
  | 'corpus-christi'
  | 'assumption'
  | 'all-saints'
  | 'independence-day'
  | 'christmas-eve'
  | 'christmas-day'
  | 'second-day-of-christmas'
  | 'other';

export type PublicHoliday = { date: CivilDate; key: PublicHolidayKey; name: string };

/**
 * The statutory days off (ustawa o dniach wolnych od pracy) come from `date-holidays`, a
 * maintained library that follows the law's changes (Epiphany since 2011, Christmas Eve since
 * 2025), so a new day off reaches the timetables with a library update, not a code change.
 * Years before 1990 fall under the older law and are refused rather than answered wrongly. A
 * day off given in return for a holiday on a Saturday is the office's own decision: enter it
 * as a timetable exception.
 */
const FIRST_YEAR = 1990;

/** The library's rules (without their `since YYYY` part) mapped to our keys and names. */
const knownHolidays: Readonly<Record<string, { key: PublicHolidayKey; name: string }>> = {
  '01-01': { key: 'new-year', name: 'Nowy Rok' },
  '01-06': { key: 'epiphany', name: 'Święto Trzech Króli' },
  easter: { key: 'easter-sunday', name: 'Wielkanoc' },
  'easter 1': { key: 'easter-monday', name: 'Poniedziałek Wielkanocny' },
  '05-01': { key: 'labour-day', name: 'Święto Pracy' },
  '05-03': { key: 'constitution-day', name: 'Święto Narodowe Trzeciego Maja' },
  'easter 49': { key: 'pentecost', name: 'Zielone Świątki' },
  'easter 60': { key: 'corpus-christi', name: 'Boże Ciało' },
  '08-15': { key: 'assumption', name: 'Wniebowzięcie Najświętszej Maryi Panny' },
  '11-01': { key: 'all-saints', name: 'Wszystkich Świętych' },
  '11-11': { key: 'independence-day', name: 'Narodowe Święto Niepodległości' },
  '12-24': { key: 'christmas-eve', name: 'Wigilia Bożego Narodzenia' },
  '12-25': { key: 'christmas-day', name: 'Boże Narodzenie (pierwszy dzień)' },
  '12-26': { key: 'second-day-of-christmas', name: 'Boże Narodzenie (drugi dzień)' },
};

let calendar: Holidays | undefined;
/** A year's holidays are asked for on every timetable lookup: computed once per year. */
const byYear = new Map<number, readonly PublicHoliday[]>();

function polishCalendar(): Holidays {
  calendar ??= new Holidays('PL', { languages: ['pl'] });
  return calendar;
}

function ruleKey(rule: string): string {
  return rule.replace(/\s+since\s+\d{4}$/, '');
}

/** The public holidays of a year, in date order. */
export function publicHolidays(year: number): PublicHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > 9999) {
    throw new RangeError(`Public holidays are known for ${FIRST_YEAR}–9999, got ${year}`);
  }
  let holidays = byYear.get(year);
  if (!holidays) {
    holidays = polishCalendar()
      .getHolidays(year, 'pl')
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => {
        const known = knownHolidays[ruleKey(holiday.rule)];
        return {
          // "YYYY-MM-DD hh:mm:ss": the civil date in Poland, whatever the machine's zone.
          date: holiday.date.slice(0, 10),
          key: known?.key ?? 'other',
          name: known?.name ?? holiday.name,
        };
      })
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    byYear.set(year, holidays);
  }
  return holidays.map((holiday) => ({ ...holiday }));
}

/** The holiday on a `YYYY-MM-DD` date, or null for a working day. */
export function isPublicHoliday(date: CivilDate): { key: PublicHolidayKey; name: string } | null {
  const parts = parseCivilDate(date);
  if (!parts) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
  const holiday = publicHolidays(parts.year).find((candidate) => candidate.date === date);
  return holiday ? { key: holiday.key, name: holiday.name } : null;
}
