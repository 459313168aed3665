import type { LabelDpi, LabelGeometry } from '../../../common/contract/lockerLabel';

/**
 * The label stock in printer dots. Every position on the label is written in millimetres of the
 * reference stock (4 × 6 in) and turned into dots here, so another size or resolution scales:
 * lengths by the uniform `scale` that fits the reference layout into the stock, then by the dots
 * per millimetre of the printhead.
 */
export type LabelDots = {
  geometry: LabelGeometry;
  widthDots: number;
  heightDots: number;
  dotsPerMm: number;
  /** How much the reference layout is enlarged (> 1) or shrunk (< 1) to fit this stock. */
  scale: number;
};

/** The stock the layout is drawn for: 4 × 6 in, the label sold as "100 × 150 mm". */
export const REFERENCE_STOCK = { widthMm: 101.6, heightMm: 152.4 } as const;

/** Blank all round: nothing prints closer to the edge of the stock than this. */
export const LABEL_MARGIN_MM = 3.5;

/**
 * Whole dots per millimetre of the printhead, as ZPL renderers take it: a "203 dpi" Zebra has
 * 8 dots/mm, a "300 dpi" one 12.
 */
export function printheadDotsPerMm(dpi: LabelDpi): number {
  return Math.round(dpi / 25.4);
}

export function labelDots(geometry: LabelGeometry): LabelDots {
  const dotsPerMm = geometry.dpi / 25.4;
  return {
    geometry,
    // Floor: a label one dot narrower than the stock prints; one dot wider runs off its edge.
    widthDots: Math.floor(geometry.widthMm * dotsPerMm + 1e-9),
    heightDots: Math.floor(geometry.heightMm * dotsPerMm + 1e-9),
    dotsPerMm,
    // The margins stay the same on any stock (a printer cannot print close to the edge); what
    // lies between them scales.
    scale: Math.min(
      (geometry.widthMm - 2 * LABEL_MARGIN_MM) / (REFERENCE_STOCK.widthMm - 2 * LABEL_MARGIN_MM),
      (geometry.heightMm - 2 * LABEL_MARGIN_MM) / (REFERENCE_STOCK.heightMm - 2 * LABEL_MARGIN_MM),
    ),
  };
}

/** A length of the reference layout, in dots of this stock. */
export function scaledDots(dots: LabelDots, referenceMm: number): number {
  return Math.round(referenceMm * dots.scale * dots.dotsPerMm);
}

/** A physical length that does not scale with the stock (a margin, a bar's width), in dots. */
export function physicalDots(dots: LabelDots, mm: number): number {
  return Math.round(mm * dots.dotsPerMm);
}
