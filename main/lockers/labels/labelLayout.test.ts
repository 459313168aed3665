import { describe, expect, it } from 'vitest';
import { defaultLabelGeometry } from '../../../common/contract/lockerLabel';
import type { LabelGeometry, LockerLabel } from '../../../common/contract/lockerLabel';
import { ELLIPSIS } from './fitText';
import { measureTextDots } from './glyphWidths';
import { code128Modules, layoutLockerLabel } from './labelLayout';
import type { LabelTextBlock, LockerLabelLayout } from './labelLayout';
import { longPolishLabel, ordinaryLabel, overlongLabel } from './testing/sampleLabels';

type Rect = { x: number; y: number; width: number; height: number };

const geometries: Record<string, LabelGeometry> = {
  '4×6 in, 203 dpi': defaultLabelGeometry,
  '4×6 in, 300 dpi': { widthMm: 101.6, heightMm: 152.4, dpi: 300 },
  '4×6 in, 152 dpi': { widthMm: 101.6, heightMm: 152.4, dpi: 152 },
  '4×6 in, 600 dpi': { widthMm: 101.6, heightMm: 152.4, dpi: 600 },
  '100×150 mm, 203 dpi': { widthMm: 100, heightMm: 150, dpi: 203 },
  '70×100 mm, 203 dpi': { widthMm: 70, heightMm: 100, dpi: 203 },
  '4×4 in, 203 dpi': { widthMm: 101.6, heightMm: 101.6, dpi: 203 },
  '104×210 mm, 300 dpi': { widthMm: 104, heightMm: 210, dpi: 300 },
};

const labels: Record<string, LockerLabel> = {
  ordinary: ordinaryLabel,
  'long Polish': longPolishLabel,
  overlong: overlongLabel,
  'overlong reprint': { ...overlongLabel, duplicate: true },
};

const cases = Object.entries(geometries).flatMap(([geometryName, geometry]) =>
  Object.entries(labels).map(
    ([labelName, label]) => [labelName, geometryName, label, geometry] as const,
  ),
);

function textRect(block: LabelTextBlock): Rect {
  return { x: block.x, y: block.y, width: block.width, height: block.height };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every printed thing that must not touch another: text boxes and the two barcodes. */
function printedRects(layout: LockerLabelLayout): [string, Rect][] {
  const { code128, qr } = layout;
  return [
    ...layout.texts.map((block) => [block.field, textRect(block)] as [string, Rect]),
    ['code128', { x: code128.x, y: code128.y, width: code128.width, height: code128.height }],
    ['qr', { x: qr.x, y: qr.y, width: qr.size, height: qr.size }],
  ];
}

describe('the label layout: nothing overflows', () => {
  it.each(cases)('%s label on %s stock', (_labelName, _geometryName, label, geometry) => {
    const layout = layoutLockerLabel(label, geometry);
    const { widthDots, heightDots } = layout.dots;

    for (const block of layout.texts) {
      // Every line fits the width of its ^FB block, measured by the conservative rule…
      expect(block.lines.length, block.field).toBeGreaterThan(0);
      expect(block.lines.length, block.field).toBeLessThanOrEqual(block.maxLines);
      block.lines.forEach((line, index) => {
        expect(block.lineWidths[index], `${block.field}: ${line}`).toBe(
          measureTextDots(line, block.fontHeight),
        );
        expect(block.lineWidths[index], `${block.field}: ${line}`).toBeLessThanOrEqual(block.width);
      });
      // …the lines it holds fit its height…
      const used =
        block.lines.length * block.fontHeight + (block.lines.length - 1) * block.lineSpacing;
      expect(block.textY, block.field).toBeGreaterThanOrEqual(block.y);
      expect(block.textY + used, block.field).toBeLessThanOrEqual(block.y + block.height);
      // …and the box lies on the label.
      expect(block.x, block.field).toBeGreaterThanOrEqual(0);
      expect(block.y, block.field).toBeGreaterThanOrEqual(0);
      expect(block.x + block.width, block.field).toBeLessThanOrEqual(widthDots);
      expect(block.y + block.height, block.field).toBeLessThanOrEqual(heightDots);
    }

    for (const box of layout.boxes) {
      expect(box.x + box.width).toBeLessThanOrEqual(widthDots);
      expect(box.y + box.height).toBeLessThanOrEqual(heightDots);
    }

    // No two printed things touch (the DUPLIKAT text sits in its band, a box, on purpose).
    const rects = printedRects(layout);
    for (const [index, [nameA, a]] of rects.entries()) {
      for (const [nameB, b] of rects.slice(index + 1)) {
        expect(overlaps(a, b), `${nameA} overlaps ${nameB}`).toBe(false);
      }
    }

    // The barcodes keep their quiet zones on the label.
    const { code128, qr } = layout;
    expect(code128.x).toBeGreaterThanOrEqual(10 * code128.moduleWidth);
    expect(widthDots - (code128.x + code128.width)).toBeGreaterThanOrEqual(
      10 * code128.moduleWidth,
    );
    expect(code128.width).toBe(code128Modules(label.depositId) * code128.moduleWidth);
    expect(qr.magnification).toBeGreaterThanOrEqual(1);
    expect(qr.magnification).toBeLessThanOrEqual(10);
  });
});

describe('the label layout: what it decides', () => {
  it('prints the compartment size as a large letter and the Polish word', () => {
    const words = (['small', 'medium', 'large'] as const).map((compartmentSize) => {
      const layout = layoutLockerLabel({ ...ordinaryLabel, compartmentSize });
      const text = (field: string) => layout.texts.find((block) => block.field === field);
      return [text('compartmentLetter')?.lines, text('compartmentWord')?.lines];
    });

    expect(words).toEqual([
      [['S'], ['MAŁA']],
      [['M'], ['ŚREDNIA']],
      [['L'], ['DUŻA']],
    ]);
    const layout = layoutLockerLabel(ordinaryLabel);
    const letter = layout.texts.find((block) => block.field === 'compartmentLetter');
    // The largest print on the label: about 24 mm, readable across the locker room.
    expect(letter?.fontHeight).toBe(Math.max(...layout.texts.map((block) => block.fontHeight)));
    expect((letter?.fontHeight ?? 0) / layout.dots.dotsPerMm).toBeGreaterThan(20);
  });

  it('prints the dates the Polish way', () => {
    const layout = layoutLockerLabel(ordinaryLabel);
    const lines = layout.texts.flatMap((block) => block.lines);

    expect(lines).toContain('Data złożenia: 01.09.2025');
    expect(lines).toContain('Odbiór do: 15.09.2025');
    expect(lines).toContain('Ł.Ż.');
  });

  it('shortens only what cannot fit, with an ellipsis, and keeps the ordinary label whole', () => {
    const shortened = (label: LockerLabel) =>
      layoutLockerLabel(label)
        .texts.filter((block) => block.shortened)
        .map((block) => block.field);

    expect(shortened(ordinaryLabel)).toEqual([]);
    expect(shortened(longPolishLabel)).toEqual([]);
    expect(shortened(overlongLabel)).toEqual(['siteName', 'caseNumber']);
    const caseNumber = layoutLockerLabel(overlongLabel).texts.find(
      (block) => block.field === 'caseNumber',
    );
    expect(caseNumber?.lines.at(-1)?.endsWith(ELLIPSIS)).toBe(true);
  });

  it('keeps a long Polish case number whole on two lines, broken after a dot or dash', () => {
    const caseNumber = layoutLockerLabel(longPolishLabel).texts.find(
      (block) => block.field === 'caseNumber',
    );

    expect(caseNumber?.lines).toHaveLength(2);
    expect(caseNumber?.lines.join('')).toBe(longPolishLabel.caseNumber);
  });

  it('scales to 300 dpi: the same millimetres in more dots', () => {
    const at203 = layoutLockerLabel(ordinaryLabel);
    const at300 = layoutLockerLabel(ordinaryLabel, { widthMm: 101.6, heightMm: 152.4, dpi: 300 });
    const ratio = 300 / 203;

    expect([at300.dots.widthDots, at300.dots.heightDots]).toEqual([1200, 1800]);
    at203.texts.forEach((block, index) => {
      const scaled = at300.texts[index];
      expect(scaled?.field).toBe(block.field);
      expect(scaled?.y ?? 0).toBeCloseTo(block.y * ratio, -1);
      expect(scaled?.fontHeight ?? 0).toBeCloseTo(block.fontHeight * ratio, -1);
    });
    // Bars keep their physical width: about 0.375 mm at 203 dpi, about 0.42 mm at 300.
    expect(at300.code128.moduleWidth / at300.dots.dotsPerMm).toBeGreaterThan(0.3);
    expect(at300.code128.moduleWidth / at300.dots.dotsPerMm).toBeLessThanOrEqual(0.5);
  });

  it('reserves the DUPLIKAT band but prints it only on a reprint', () => {
    const original = layoutLockerLabel(ordinaryLabel);
    const reprint = layoutLockerLabel({ ...ordinaryLabel, duplicate: true });

    expect(original.texts.map((block) => block.field)).not.toContain('duplicate');
    const band = reprint.texts.find((block) => block.field === 'duplicate');
    expect(band).toMatchObject({ lines: ['DUPLIKAT'], reverse: true });
    // Everything else stays where it was: a reprint looks like the label it replaces.
    expect(reprint.texts.filter((block) => block.field !== 'duplicate')).toEqual(original.texts);
    expect(reprint.boxes).toHaveLength(original.boxes.length + 1);
  });

  it('refuses a stock too narrow for the barcode at its resolution, saying so', () => {
    // Made up past the schema's limits: the layout still guards itself.
    expect(() =>
      layoutLockerLabel(ordinaryLabel, { widthMm: 40, heightMm: 150, dpi: 152 }),
    ).toThrow(/too narrow for the deposit barcode/);
  });
});
