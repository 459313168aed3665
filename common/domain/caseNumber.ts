/**
 * A case number (znak sprawy), e.g. `KM.5410.123.2025`: the symbol of the unit that handles
 * the case, the class of the file plan (JRWA), the case's sequence within that class and
 * year, and the year the case was opened.
 */
export type CaseNumberParts = {
  /** `KM`, `USC`, `WAB-I`: a letter first, then letters, digits or dash-joined parts. */
  unit: string;
  /** 1–4 digits; a string, because JRWA classes may start with 0 (`0052`). */
  jrwa: string;
  /** 1, 2, 3…; printed without leading zeros. */
  sequence: number;
  year: number;
};

const UNIT = String.raw`\p{Lu}[\p{Lu}\d]*(?:-[\p{Lu}\d]+)*`;
const unitPattern = new RegExp(`^${UNIT}$`, 'u');
const jrwaPattern = /^\d{1,4}$/;
const caseNumberPattern = new RegExp(
  `^(?<unit>${UNIT})\\.(?<jrwa>\\d{1,4})\\.(?<sequence>[1-9]\\d*)\\.(?<year>[1-9]\\d{3})$`,
  'u',
);

function isValidSequence(sequence: number): boolean {
  return Number.isSafeInteger(sequence) && sequence >= 1;
}

function isValidYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1000 && year <= 9999;
}

/** Throws on parts that would print a number no register could hold: a caller's bug. */
export function formatCaseNumber({ unit, jrwa, sequence, year }: CaseNumberParts): string {
  if (!unitPattern.test(unit)) throw new RangeError(`Not a unit symbol: ${JSON.stringify(unit)}`);
  if (!jrwaPattern.test(jrwa)) throw new RangeError(`Not a JRWA class: ${JSON.stringify(jrwa)}`);
  if (!isValidSequence(sequence)) throw new RangeError(`Not a case sequence: ${sequence}`);
  if (!isValidYear(year)) throw new RangeError(`Not a 4-digit year: ${year}`);
  return `${unit}.${jrwa}.${sequence}.${year}`;
}

/**
 * Reads a case number as typed into a search box: surrounding spaces are dropped and the
 * unit symbol is upper-cased (`km.5410.123.2025` finds `KM.5410.123.2025`). Null for
 * anything else, including a sequence with leading zeros, which no register prints.
 */
export function parseCaseNumber(text: string): CaseNumberParts | null {
  const trimmed = text.trim();
  const firstDot = trimmed.indexOf('.');
  const normalized =
    firstDot < 0 ? trimmed : trimmed.slice(0, firstDot).toUpperCase() + trimmed.slice(firstDot);
  const parts = caseNumberPattern.exec(normalized)?.groups;
  if (!parts?.unit || !parts.jrwa || !parts.sequence || !parts.year) return null;
  const sequence = Number(parts.sequence);
  if (!isValidSequence(sequence)) return null;
  return { unit: parts.unit, jrwa: parts.jrwa, sequence, year: Number(parts.year) };
}
