import { parseCivilDate } from '../../../common/domain/civilDate';
import type { CivilDate } from '../../../common/domain/civilDate';

/** `15.09.2025`: the day as Polish forms and labels write it (DD.MM.RRRR). */
export function formatPolishDate(date: CivilDate): string {
  const parts = parseCivilDate(date);
  if (!parts) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(parts.day, 2)}.${pad(parts.month, 2)}.${pad(parts.year, 4)}`;
}
