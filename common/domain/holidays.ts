import { addDays, formatCivilDate, parseCivilDate } from './civilDate';
import type { CivilDate } from './civilDate';
import { easterSunday } from './easter';

/** A stable key per holiday, for translations; `name` is the Polish name shown by default. */
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
  | 'second-day-of-christmas';

export type PublicHoliday = { date: CivilDate; key: PublicHolidayKey; name: string };

/**
 * The statutory days off (ustawa o dniach wolnych od pracy) as in force since 1990, with its
 * later changes: Epiphany (6 January) since 2011, Christmas Eve (24 December) since 2025.
 * Earlier years would need the older law, so they are refused rather than answered wrongly.
 * A day off given in return for a holiday on a Saturday is the office's own decision: enter
 * it as a timetable exception.
 */
const FIRST_YEAR = 1990;

type FixedHoliday = {
  month: number;
  day: number;
  key: PublicHolidayKey;
  name: string;
  since?: number;
};

const fixedHolidays: readonly FixedHoliday[] = [
  { month: 1, day: 1, key: 'new-year', name: 'Nowy Rok' },
  { month: 1, day: 6, key: 'epiphany', name: 'Święto Trzech Króli', since: 2011 },
  { month: 5, day: 1, key: 'labour-day', name: 'Święto Pracy' },
  { month: 5, day: 3, key: 'constitution-day', name: 'Święto Narodowe Trzeciego Maja' },
  { month: 8, day: 15, key: 'assumption', name: 'Wniebowzięcie Najświętszej Maryi Panny' },
  { month: 11, day: 1, key: 'all-saints', name: 'Wszystkich Świętych' },
  { month: 11, day: 11, key: 'independence-day', name: 'Narodowe Święto Niepodległości' },
  { month: 12, day: 24, key: 'christmas-eve', name: 'Wigilia Bożego Narodzenia', since: 2025 },
  { month: 12, day: 25, key: 'christmas-day', name: 'Boże Narodzenie (pierwszy dzień)' },
  { month: 12, day: 26, key: 'second-day-of-christmas', name: 'Boże Narodzenie (drugi dzień)' },
];

const easterHolidays: readonly { daysAfterEaster: number; key: PublicHolidayKey; name: string }[] =
  [
    { daysAfterEaster: 0, key: 'easter-sunday', name: 'Wielkanoc' },
    { daysAfterEaster: 1, key: 'easter-monday', name: 'Poniedziałek Wielkanocny' },
    { daysAfterEaster: 49, key: 'pentecost', name: 'Zielone Świątki' },
    { daysAfterEaster: 60, key: 'corpus-christi', name: 'Boże Ciało' },
  ];

/** The public holidays of a year, in date order. */
export function publicHolidays(year: number): PublicHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > 9999) {
    throw new RangeError(`Public holidays are known for ${FIRST_YEAR}–9999, got ${year}`);
  }
  const fixed = fixedHolidays
    .filter((holiday) => holiday.since === undefined || year >= holiday.since)
    .map(({ month, day, key, name }) => ({
      date: formatCivilDate({ year, month, day }),
      key,
      name,
    }));
  const easter = easterSunday(year);
  const movable = easterHolidays.map(({ daysAfterEaster, key, name }) => ({
    date: addDays(easter, daysAfterEaster),
    key,
    name,
  }));
  return [...fixed, ...movable].sort((x, y) => (x.date < y.date ? -1 : 1));
}

/** The holiday on a `YYYY-MM-DD` date, or null for a working day. */
export function isPublicHoliday(date: CivilDate): { key: PublicHolidayKey; name: string } | null {
  const parts = parseCivilDate(date);
  if (!parts) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
  const holiday = publicHolidays(parts.year).find((candidate) => candidate.date === date);
  return holiday ? { key: holiday.key, name: holiday.name } : null;
}
