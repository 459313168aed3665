/** A time for the status bar: the hour alone today, with the date on another day. */
export function formatSyncTime(iso: string, language: string, now = new Date()): string {
  const at = new Date(iso);
  const locale = language === 'pl' ? 'pl-PL' : 'en-GB';
  const sameDay = at.toDateString() === now.toDateString();
  return sameDay ? at.toLocaleTimeString(locale) : at.toLocaleString(locale);
}
