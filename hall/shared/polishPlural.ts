const polishRules = new Intl.PluralRules('pl-PL');

/** The Polish form for a count: `1 osoba`, `3 osoby`, `5 osób`, `22 osoby`, `12 osób`. */
export function polishPlural(count: number, one: string, few: string, many: string): string {
  const form = polishRules.select(count);
  return `${count} ${form === 'one' ? one : form === 'few' ? few : many}`;
}

/** `1 person`, `3 people`. */
export const englishPlural = (count: number, one: string, other: string): string =>
  `${count} ${count === 1 ? one : other}`;
