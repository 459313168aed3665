/**
 * How wide ^A0 (the printer's scalable font 0) draws each character, so the layout can decide
 * before printing whether a text fits its box. Widths are thousandths of the font height
 * (^A0N,h,h), measured by drawing every label character with zpl-renderer-js (the preview's
 * own font, a Helvetica Bold Condensed like the printer's CG Triumvirate Bold Condensed) and
 * rounded up to the next 10. `glyphWidths.test.ts` redraws them and fails if the renderer ever
 * draws a character wider than listed here.
 *
 * The rule is conservative on purpose: every width is taken 10 % larger (the printer's font is
 * not the preview's), and a character missing from the table counts as the widest (1000), so a
 * text judged to fit never overflows on paper.
 */
const widthGroups: readonly (readonly [number, string])[] = [
  [250, " '|"],
  [280, '/:;Ifijlt{}ÌÍÎÏìíîï‚‘’'],
  [340, '!"(),.[]`rť'],
  [390, 'zž'],
  [430, 'ź'],
  [440, 'ż'],
  [450, 'Jcksvxyçýÿśš'],
  [460, 'ć'],
  [490, 'ęř'],
  [500, '#$*+0123456789<=>?EFLTZ^_abdeghnopqu~ÈÉÊËßàáâãäåèéêëðñòóôõöøùúûüþąďĘĚŁńňőŤůŻŽ„”“–'],
  [510, 'Ź'],
  [550, 'čěłŚ'],
  [560, 'ABCKPSVXYÀÁÂÃÄÅÇÝÞĆČŠŸ'],
  [590, 'Ą'],
  [620, 'DGHNOQRUÐÑÒÓÔÕÖØÙÚÛÜĎŃŇŐŘŮ'],
  [670, '&w'],
  [730, 'æœ'],
  [780, 'MmÆ'],
  // The preview font draws the hyphen as wide as a dash; the table follows the wider of the two.
  [800, '-'],
  [840, '%@WŒ'],
  [1000, '—…'],
];

const widthByCharacter: ReadonlyMap<string, number> = new Map(
  widthGroups.flatMap(([width, characters]) =>
    Array.from(characters, (character) => [character, width] as const),
  ),
);

/** Widest glyph of the table: what an unknown character is assumed to take. */
export const WIDEST_GLYPH = 1000;

/** The margin for the printer's font being a little different from the preview's. */
export const GLYPH_WIDTH_SAFETY = 1.1;

/** Thousandths of the font height, as measured (without the safety margin). */
export function glyphWidth(character: string): number {
  return widthByCharacter.get(character) ?? WIDEST_GLYPH;
}

export function measuredCharacters(): string[] {
  return [...widthByCharacter.keys()];
}

/** The width in dots that `text` takes in ^A0 at `fontHeight` dots, rounded up, with margin. */
export function measureTextDots(text: string, fontHeight: number): number {
  let thousandths = 0;
  for (const character of text) thousandths += glyphWidth(character);
  return Math.ceil((thousandths * fontHeight * GLYPH_WIDTH_SAFETY) / 1000);
}
