/**
 * A name as the case search compares it: lower case, diacritics dropped (`Żółć` → `zolc`,
 * `Łęcka` → `lecka`: ł has no decomposition, so it is mapped by hand), runs of spaces and
 * hyphens kept as typed but trimmed. What a clerk types is folded the same way, so `zolc`,
 * `Zolc` and `Żółć` all find `Żółć`.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The search key of a person: `lastname firstname`, folded. */
export function nameKey(lastName: string, firstName: string): string {
  return foldName(`${lastName} ${firstName}`);
}

/** The name as a list shows it: `Kowalski Jan`; empty when nothing is typed yet. */
export function displayName(lastName: string, firstName: string): string {
  return `${lastName.trim()} ${firstName.trim()}`.trim();
}
