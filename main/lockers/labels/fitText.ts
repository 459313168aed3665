import { measureTextDots } from './glyphWidths';

/**
 * Decides how a text goes into a box of the label before anything is printed: which font
 * height, which lines. The printer is never left to wrap on its own (a Zebra that runs out of
 * ^FB lines prints the rest over the last line; the preview renderer runs past the block), so
 * the lines are broken here and sent with `\&` between them.
 *
 * The largest font height at which the text fits in `maxLines` wins. If it fits at none, the
 * smallest is used and the last line ends in an ellipsis: shortened in the open, never clipped.
 */
export type TextBreaks =
  /** At spaces (dropped) and after `-`, `/`, `–`: prose such as a site's name. */
  | 'words'
  /** After `.` and `-`: a case number `USC-ŚRÓDMIEŚCIE.5360.12345.2025` breaks at its parts. */
  | 'caseNumber';

export type TextFitRequest = {
  text: string;
  /** The box's width in dots. */
  width: number;
  maxLines: number;
  /** Candidate font heights in dots, largest first. */
  fontHeights: readonly number[];
  breaks: TextBreaks;
};

export type FittedText = {
  lines: string[];
  fontHeight: number;
  /** The measured width of each line, in dots; each is at most the box's width. */
  lineWidths: number[];
  /** True when the text did not fit even at the smallest height and ends in `…`. */
  shortened: boolean;
};

export const ELLIPSIS = '…';

type Segment = { text: string; spaceAfter: boolean };
type Line = { text: string; spaceAfter: boolean };

const breakAfter: Record<TextBreaks, ReadonlySet<string>> = {
  words: new Set(['-', '/', '–']),
  caseNumber: new Set(['.', '-']),
};

/** Pieces between break opportunities; a space ends a piece and is dropped. */
function segments(text: string, breaks: TextBreaks): Segment[] {
  const result: Segment[] = [];
  let current = '';
  for (const character of text) {
    if (character === ' ') {
      const last = result.at(-1);
      if (current !== '') result.push({ text: current, spaceAfter: true });
      else if (last) last.spaceAfter = true; // `– ` : the dash ended the piece, keep its space
      current = '';
    } else {
      current += character;
      if (breakAfter[breaks].has(character)) {
        result.push({ text: current, spaceAfter: false });
        current = '';
      }
    }
  }
  if (current !== '') result.push({ text: current, spaceAfter: false });
  return result;
}

/** A piece wider than a whole line is cut between characters: the last resort. */
function splitToWidth(segment: Segment, width: number, fontHeight: number): Segment[] {
  const pieces: Segment[] = [];
  let current = '';
  for (const character of segment.text) {
    if (current !== '' && measureTextDots(current + character, fontHeight) > width) {
      pieces.push({ text: current, spaceAfter: false });
      current = '';
    }
    current += character;
  }
  pieces.push({ text: current, spaceAfter: segment.spaceAfter });
  return pieces;
}

function wrap(text: string, width: number, fontHeight: number, breaks: TextBreaks): Line[] {
  const lines: Line[] = [];
  let line: Line | undefined;
  for (const whole of segments(text, breaks)) {
    for (const segment of splitToWidth(whole, width, fontHeight)) {
      const joined = line ? line.text + (line.spaceAfter ? ' ' : '') + segment.text : '';
      if (line && measureTextDots(joined, fontHeight) <= width) {
        line = { text: joined, spaceAfter: segment.spaceAfter };
      } else {
        if (line) lines.push(line);
        line = { ...segment };
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The longest start of `text` that fits with `…` after it; trailing spaces and dots go. */
function shortenToWidth(text: string, width: number, fontHeight: number): string {
  const characters = Array.from(text);
  for (let length = characters.length; length >= 0; length -= 1) {
    const start = characters
      .slice(0, length)
      .join('')
      .replace(/[\s.,;:\-–/]+$/u, '');
    const candidate = start + ELLIPSIS;
    if (measureTextDots(candidate, fontHeight) <= width) return candidate;
  }
  throw new RangeError(`A box ${width} dots wide cannot hold even "${ELLIPSIS}"`);
}

function fitted(lines: string[], fontHeight: number, shortened: boolean): FittedText {
  return {
    lines,
    fontHeight,
    lineWidths: lines.map((line) => measureTextDots(line, fontHeight)),
    shortened,
  };
}

export function fitText({
  text,
  width,
  maxLines,
  fontHeights,
  breaks,
}: TextFitRequest): FittedText {
  if (fontHeights.length === 0) throw new RangeError('fitText needs at least one font height');
  if (maxLines < 1) throw new RangeError(`fitText needs at least one line, not ${maxLines}`);
  const normalized = text.replace(/\s+/gu, ' ').trim();

  for (const fontHeight of fontHeights) {
    const lines = wrap(normalized, width, fontHeight, breaks);
    if (lines.length <= maxLines) {
      return fitted(
        lines.map((line) => line.text),
        fontHeight,
        false,
      );
    }
  }

  const smallest = Math.min(...fontHeights);
  const lines = wrap(normalized, width, smallest, breaks);
  const kept = lines.slice(0, maxLines - 1).map((line) => line.text);
  const rest = lines
    .slice(maxLines - 1)
    .map((line) => line.text + (line.spaceAfter ? ' ' : ''))
    .join('');
  return fitted([...kept, shortenToWidth(rest, width, smallest)], smallest, true);
}
