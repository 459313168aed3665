import { SITE_TIME_ZONE } from '../../../common/domain/siteClock';
/**
 * A duration as a clerk reads it at a glance: `4:07` (minutes and seconds) under an hour,
 * `1:02:07` from an hour on; never negative (clocks a little apart).
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** The time of day of an instant at the site (Polish time), `09:05`. */
export function formatTimeOfDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'pl-PL', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: SITE_TIME_ZONE,
  }).format(new Date(iso));
}
