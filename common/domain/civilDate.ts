/**
 * Civil dates: `YYYY-MM-DD` strings naming a day on the calendar, with no time and no zone.
 * Arithmetic goes through UTC so the time zone of the machine (a counter PC, the server)
 * never shifts a day.
 */
export type CivilDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday, as the timetables number them. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type CivilDateParts = { year: number; month: number; day: number };

const MS_PER_DAY = 86_400_000;
const civilDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** The parts of a well-formed, existing date (no 30 February), or null. */
export function parseCivilDate(text: string): CivilDateParts | null {
  const match = civilDatePattern.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDay(year, month, day) ? { year, month, day } : null;
}

export function isCivilDate(text: string): boolean {
  return parseCivilDate(text) !== null;
}

export function formatCivilDate({ year, month, day }: CivilDateParts): CivilDate {
  if (!isValidDay(year, month, day) || year < 0 || year > 9999) {
    throw new RangeError(`Not a calendar day: ${year}-${month}-${day}`);
  }
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function requireCivilDate(date: CivilDate): CivilDateParts {
  const parts = parseCivilDate(date);
  if (!parts) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
  return parts;
}

/** Days since 1970-01-01 in UTC. setUTCFullYear, because Date.UTC maps years 0–99 to 19xx. */
function epochDay({ year, month, day }: CivilDateParts): number {
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  return Math.round(at.getTime() / MS_PER_DAY);
}

function fromEpochDay(days: number): CivilDate {
  const at = new Date(days * MS_PER_DAY);
  return formatCivilDate({
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    day: at.getUTCDate(),
  });
}

export function isoWeekday(date: CivilDate): IsoWeekday {
  const sundayBased = new Date(epochDay(requireCivilDate(date)) * MS_PER_DAY).getUTCDay();
  return (sundayBased === 0 ? 7 : sundayBased) as IsoWeekday;
}

export function addDays(date: CivilDate, days: number): CivilDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromEpochDay(epochDay(requireCivilDate(date)) + days);
}
