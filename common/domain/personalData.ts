import { maskPesel } from './pesel';

/**
 * Masks personal data (RODO) in free text before it reaches a log line, a label or the
 * supervisor's view. Pattern-based, so it over-masks rather than under-masks: a 9-digit
 * number that is not a phone number is hidden too, which is the safe mistake. It cannot find
 * names; pass names through `initials` instead.
 *
 * Order matters: e-mail addresses first (their local part may hold digits), then 11-digit
 * runs, then phone numbers, then street addresses and postal codes. A mask keeps at most the
 * last 4 digits of a PESEL, too few for a later rule to match it again.
 */
const rules: readonly { pattern: RegExp; mask: (match: string) => string }[] = [
  {
    pattern: /[\p{L}\d.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu,
    mask: () => '***@***',
  },
  {
    // Every 11-digit run, valid checksum or not: a PESEL with a typo is still personal data.
    // Not after `+`: `+48600700800` is a phone number, masked by the next rule.
    pattern: /(?<![\d+])\d{11}(?!\d)/g,
    mask: maskPesel,
  },
  {
    // +48 / 0048, then a mobile (600 700 800) or landline ((22) 123 45 67) number, grouped by
    // spaces or dashes or not at all. Not followed by `,5` or `.5`: that is an amount.
    pattern:
      /(?<![\d+])(?:(?:\+|00)48[ -]?)?(?:\d{3}[ -]?\d{3}[ -]?\d{3}|\(?\d{2}\)?[ -]?\d{3}[ -]?\d{2}[ -]?\d{2})(?!\d|[.,]\d)/g,
    mask: (match) => (/^(?:\+|00)48/.test(match) ? '+48 *** *** ***' : '*** *** ***'),
  },
  {
    // `ul. Długa 12/3`, `al. Jana Pawła II 5`, `os. 3 Maja 7a`: the kind of street (`ul.`)
    // stays, the name and house number go. The name is matched lazily, so the first number
    // after it is the house number, not a postal code further on.
    pattern:
      /(?<!\p{L})(ul|al|pl|os)\.\s?(?:[\p{L}\d.'-]+\s){1,4}?\d+\p{L}?(?:-\d+\p{L}?)?(?:\s?\/\s?\d+\p{L}?)?(?![\p{L}\d])/giu,
    mask: (match) => `${match.slice(0, match.indexOf('.') + 1)} ***`,
  },
  {
    // Postal codes `00-950`; the town after them is left, alone it identifies no one.
    pattern: /(?<![\d-])\d{2}-\d{3}(?![\d-])/g,
    mask: () => '**-***',
  },
];

export function maskText(text: string): string {
  return rules.reduce((masked, rule) => masked.replace(rule.pattern, rule.mask), text);
}

/**
 * `J.K.` from `Jan`, `Kowalski`: the first letter of the first name and of the surname,
 * upper-cased (Polish letters too: `Łucja Żak` → `Ł.Ż.`). Only the first letter of a
 * double-barrelled surname (`Nowak-Kowalska` → `N.`) and of the first of several given
 * names, so every label has the same short shape. A missing part is left out.
 */
export function initials(firstName: string, lastName: string): string {
  return [firstName, lastName]
    .map((name) => /\p{L}/u.exec(name.normalize('NFC'))?.[0])
    .filter((letter): letter is string => letter !== undefined)
    .map((letter) => `${letter.toUpperCase()}.`)
    .join('');
}
