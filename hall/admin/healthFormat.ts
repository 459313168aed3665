import { HALL_TIME_ZONE } from '../shared/hallTime';

export type HealthLanguage = 'pl' | 'en';

const timeFormat = new Intl.DateTimeFormat('pl-PL', {
  timeZone: HALL_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** `02.03, 10:05:07`, Polish time: when something happened, to the second. */
export const formatInstant = (at: string): string => timeFormat.format(new Date(at));

/** A span for a person: `45 s`, `3 min`, `2 h 5 min`, `3 d 4 h` (the same in both languages). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** Seconds from an instant to the server's now (never below zero). */
export const secondsBetween = (from: string, now: string): number =>
  Math.max(0, Math.floor((Date.parse(now) - Date.parse(from)) / 1000));
