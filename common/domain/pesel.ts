import { formatCivilDate, isValidDay } from './civilDate';
import type { CivilDate } from './civilDate';

export type PeselSex = 'female' | 'male';

export type PeselValidation =
  | { ok: true; birthDate: CivilDate; sex: PeselSex }
  | { ok: false; reason: 'format' | 'checksum' | 'date' };

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;

/** The month field carries the century: 20 is added for births in 2000–2099, and so on. */
const CENTURY_BY_MONTH_OFFSET: ReadonlyMap<number, number> = new Map([
  [80, 1800],
  [0, 1900],
  [20, 2000],
  [40, 2100],
  [60, 2200],
]);

function checkDigit(digits: readonly number[]): number {
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * (digits[index] ?? 0), 0);
  return (10 - (sum % 10)) % 10;
}

/**
 * Checks a PESEL in the order a clerk can act on: wrong shape (a typo in length or a
 * letter), then the check digit (a mistyped digit), then the date it encodes (a number
 * that passes the checksum but names no real day, e.g. 30 February or 29 February 1900).
 */
export function validatePesel(value: string): PeselValidation {
  if (!/^\d{11}$/.test(value)) return { ok: false, reason: 'format' };
  const digits = Array.from(value, Number);
  if (checkDigit(digits) !== digits[10]) return { ok: false, reason: 'checksum' };

  const yearInCentury = Number(value.slice(0, 2));
  const monthField = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const offset = Math.floor(monthField / 20) * 20;
  const century = CENTURY_BY_MONTH_OFFSET.get(offset);
  const month = monthField - offset;
  if (century === undefined) return { ok: false, reason: 'date' };
  const year = century + yearInCentury;
  if (!isValidDay(year, month, day)) return { ok: false, reason: 'date' };

  return {
    ok: true,
    birthDate: formatCivilDate({ year, month, day }),
    sex: (digits[9] ?? 0) % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * `*******1234`: only the last 4 digits stay, enough for a clerk to match the ID card in
 * hand, not enough to identify anyone (RODO). ASCII asterisks, because logs are ASCII.
 * Anything that is not 11 digits is masked whole: a mistyped PESEL is still personal data.
 */
export function maskPesel(value: string): string {
  if (/^\d{11}$/.test(value)) return `*******${value.slice(7)}`;
  return '*'.repeat(value.length);
}
