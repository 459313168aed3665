/** Lower case without Polish diacritics, so `zasw` finds `Zaświadczenie` and `lodz` `Łódź`. */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim();
}

/**
 * The case types whose name holds every word typed, in any order, names starting with the first
 * word first. An empty query lists them all.
 */
export function matchCaseTypes<T extends { name: string }>(
  items: readonly T[],
  query: string,
): T[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  const hits = items.filter((item) => {
    const name = foldForSearch(item.name);
    return words.every((word) => name.includes(word));
  });
  const first = words[0] ?? '';
  return hits.sort(
    (a, b) =>
      Number(!foldForSearch(a.name).startsWith(first)) -
      Number(!foldForSearch(b.name).startsWith(first)),
  );
}
