/** The app's language as Intl reads it: Polish separators (`4,5`) unless English. */
function numberLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'pl-PL';
}

/** Minutes as the supervisor reads them: `4,5` (one decimal at most); null when not known. */
export function formatMinutes(minutes: number | null, language: string): string | null {
  if (minutes === null) return null;
  return new Intl.NumberFormat(numberLocale(language), { maximumFractionDigits: 1 }).format(
    minutes,
  );
}

/** A share 0..1 as a whole percent (`87`); null when not known. */
export function formatPercent(share: number | null, language: string): string | null {
  if (share === null) return null;
  return new Intl.NumberFormat(numberLocale(language), { maximumFractionDigits: 0 }).format(
    share * 100,
  );
}

/** The site's civil date `2026-11-28` as `28.11.2026` (pl) or `28/11/2026` (en). */
export function formatDay(day: string, language: string): string {
  const [year, month, date] = day.split('-');
  return language === 'en' ? `${date}/${month}/${year}` : `${date}.${month}.${year}`;
}

/** Whole minutes as hours and minutes (`259` → 4 h 19 min); never negative. */
export function hoursAndMinutes(total: number): { hours: number; minutes: number } {
  const whole = Math.max(0, Math.round(total));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}
