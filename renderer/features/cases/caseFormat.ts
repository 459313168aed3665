import type { MoneyLocale } from '../../../common/domain/money';
// The site's clock: a counter PC may run in UTC, the clerk reads Warsaw time.
import { SITE_TIME_ZONE } from '../../../common/domain/siteClock';

function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'pl-PL';
}

export function moneyLocale(language: string): MoneyLocale {
  return language === 'en' ? 'en' : 'pl';
}

/** `10:15:03`: when the draft was saved, to the second. */
export function formatClockTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: SITE_TIME_ZONE,
  }).format(new Date(iso));
}

/** `28.11.2026, 10:15`: when a draft was last touched or a case submitted. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: SITE_TIME_ZONE,
  }).format(new Date(iso));
}

/** A civil date (`1985-03-12`) as a person reads it: `12 marca 1985`. */
export function formatCivilDateLong(civilDate: string, language: string): string {
  const [year, month, day] = civilDate.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)));
}
