import { describe, expect, it } from 'vitest';
import { isPrintableLabelCharacter } from '../../../common/contract/lockerLabel';
import type { LabelGeometry } from '../../../common/contract/lockerLabel';
import {
  GLYPH_WIDTH_SAFETY,
  WIDEST_GLYPH,
  glyphWidth,
  measureTextDots,
  measuredCharacters,
} from './glyphWidths';
import { renderZplToPng } from './labelPreview';
import { escapeZplText } from './zpl';
import { decodePng, isInk } from './testing/readLabelPng';
import type { LabelImage } from './testing/readLabelPng';

function printableLabelCharacters(): string[] {
  const characters: string[] = [];
  for (let code = 0x20; code < 0x2100; code += 1) {
    const character = String.fromCodePoint(code);
    if (isPrintableLabelCharacter(character)) characters.push(character);
  }
  return characters;
}

/** Ink from the leftmost to the rightmost dark pixel within a band of rows and columns. */
function inkWidth(
  image: LabelImage,
  band: { x: number; y: number; width: number; height: number },
) {
  let first = Infinity;
  let last = -Infinity;
  for (let y = band.y; y < band.y + band.height; y += 1) {
    for (let x = band.x; x < band.x + band.width; x += 1) {
      if (isInk(image, x, y)) {
        first = Math.min(first, x);
        last = Math.max(last, x);
      }
    }
  }
  return last < first ? 0 : last - first + 1;
}

describe('the glyph-width table of ^A0', () => {
  it('has a width for every character a label may hold', () => {
    const missing = printableLabelCharacters().filter(
      (character) => !measuredCharacters().includes(character),
    );

    expect(missing).toEqual([]);
  });

  it('counts a character it does not know as the widest, with the safety margin', () => {
    expect(glyphWidth('Ж')).toBe(WIDEST_GLYPH);
    expect(measureTextDots('Ж', 100)).toBe(Math.ceil(WIDEST_GLYPH * 0.1 * GLYPH_WIDTH_SAFETY));
  });

  it('is never narrower than what the preview renderer draws', async () => {
    // `H` + 6 copies + `H`, less the width of `HH`, is 6 advances of the character. Two
    // columns on a tall 4-inch label: the renderer's time grows with the label's area.
    const fontHeight = 50;
    const copies = 6;
    const rowPitch = 80;
    const columns = [20, 420];
    const rowsPerColumn = 29;
    const geometry: LabelGeometry = { widthMm: 101.6, heightMm: 300, dpi: 203 };
    const characters = ['HH', ...measuredCharacters()];
    const tooNarrow: string[] = [];
    const perRender = columns.length * rowsPerColumn;
    let reference = 0;

    for (let start = 0; start < characters.length; start += perRender) {
      const batch = characters.slice(start, start + perRender);
      const place = (index: number) => ({
        x: columns[Math.floor(index / rowsPerColumn)] ?? 0,
        y: 20 + (index % rowsPerColumn) * rowPitch,
      });
      const fields = batch.map((character, index) => {
        const text = character === 'HH' ? 'HH' : `H${character.repeat(copies)}H`;
        const { x, y } = place(index);
        return `^FO${x},${y}^A0N,${fontHeight},${fontHeight}^FH^FD${escapeZplText(text)}^FS`;
      });
      const png = await renderZplToPng(`^XA^CI28${fields.join('')}^XZ`, geometry);
      const image = decodePng(png);

      batch.forEach((character, index) => {
        const { x, y } = place(index);
        const drawn = inkWidth(image, { x, y: y - 12, width: 390, height: rowPitch });
        if (character === 'HH') {
          reference = drawn;
          return;
        }
        const advance = (drawn - reference) / copies;
        const listed = (glyphWidth(character) * fontHeight) / 1000;
        // Half a dot per copy of tolerance for anti-aliasing at the ends.
        if (advance > listed + 0.5)
          tooNarrow.push(`${character}: drawn ${advance}, listed ${listed}`);
      });
    }

    expect(reference).toBeGreaterThan(0);
    expect(tooNarrow).toEqual([]);
  });
});
