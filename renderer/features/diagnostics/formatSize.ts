/** `1,4 MB`, `820 kB`, `312 B`: a size for a person, Polish decimal comma by the locale. */
export function formatSize(bytes: number, locale: string): string {
  const number = (value: number) =>
    value.toLocaleString(locale === 'en' ? 'en-GB' : 'pl-PL', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${number(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${number(bytes / 1024)} kB`;
  return `${bytes} B`;
}
