import { defaultLabelGeometry } from '../../../common/contract/lockerLabel';
import type { LabelGeometry, LockerLabel } from '../../../common/contract/lockerLabel';
import { fitText } from './fitText';
import type { FittedText, TextBreaks } from './fitText';
import { LABEL_MARGIN_MM, labelDots, physicalDots, scaledDots } from './labelGeometry';
import type { LabelDots } from './labelGeometry';
import { compartmentSizeMarks } from './labelModel';
import { formatPolishDate } from './polishDate';

/**
 * Where everything goes on the label, in printer dots, decided once from the model: the ZPL,
 * the HTML page and the tests all read this, so the preview, the print and the checks agree.
 *
 * Top to bottom: the site; the case number; the compartment size in large print beside the QR
 * code; the dates and the resident's initials; the Code 128 barcode with the deposit id under
 * it; and, on a reprint, a black DUPLIKAT band. Lengths are millimetres of the 4 × 6 in
 * reference stock, scaled to the stock in use.
 */
export type LabelTextField =
  | 'siteName'
  | 'caseNumberCaption'
  | 'caseNumber'
  | 'compartmentCaption'
  | 'compartmentLetter'
  | 'compartmentWord'
  | 'depositDate'
  | 'lastPickupDay'
  | 'residentCaption'
  | 'residentInitials'
  | 'depositIdText'
  | 'duplicate';

export type TextAlign = 'left' | 'center' | 'right';

/**
 * A ^FB field block. Its box (`y`, `height`) is what `maxLines` lines of the largest font need;
 * the text starts at `textY`, lower than `y` when fewer lines are centred in the box.
 */
export type LabelTextBlock = FittedText & {
  field: LabelTextField;
  x: number;
  y: number;
  width: number;
  height: number;
  textY: number;
  maxLines: number;
  lineSpacing: number;
  align: TextAlign;
  /** White on black (^FR over a filled box). */
  reverse: boolean;
};

/** A ^GB box: a frame, a rule, or filled when `thickness` reaches half its smaller side. */
export type LabelBox = { x: number; y: number; width: number; height: number; thickness: number };

export type Code128Placement = {
  value: string;
  x: number;
  y: number;
  moduleWidth: number;
  height: number;
  /** Bars from the start character to the stop character, without the quiet zones. */
  width: number;
  modules: number;
};

export type QrPlacement = {
  value: string;
  x: number;
  y: number;
  magnification: number;
  /** Modules per side of the symbol (21 for version 1, +4 per version). */
  modules: number;
  size: number;
};

export type LockerLabelLayout = {
  dots: LabelDots;
  texts: LabelTextBlock[];
  boxes: LabelBox[];
  code128: Code128Placement;
  qr: QrPlacement;
};

/** Code 128 subset B: start, one symbol per character, check, 11 modules each; stop has 13. */
export function code128Modules(value: string): number {
  return (value.length + 3) * 11 + 2;
}

/** Code 128 wants 10 modules of blank on each side; QR wants 4 all round. */
const CODE128_QUIET_MODULES = 10;
const QR_QUIET_MODULES = 4;

/** Characters a QR symbol holds in alphanumeric mode at error correction H, versions 1–4. */
const QR_ALPHANUMERIC_CAPACITY_H = [10, 20, 35, 50] as const;

export function qrModules(value: string): number {
  const version = QR_ALPHANUMERIC_CAPACITY_H.findIndex((capacity) => value.length <= capacity);
  if (version < 0) throw new RangeError(`A QR code of ${value.length} characters is too large`);
  return 21 + 4 * version;
}

type TextSpec = {
  field: LabelTextField;
  text: string;
  x: number;
  y: number;
  width: number;
  maxLines: number;
  /** Candidate font heights in reference millimetres, largest first. */
  fontsMm: readonly number[];
  lineSpacingMm?: number;
  align?: TextAlign;
  breaks?: TextBreaks;
  reverse?: boolean;
  verticalAlign?: 'top' | 'middle';
};

function textBlock(dots: LabelDots, spec: TextSpec): LabelTextBlock {
  const fontHeights = spec.fontsMm.map((mm) => scaledDots(dots, mm));
  const lineSpacing = scaledDots(dots, spec.lineSpacingMm ?? 0);
  const fit = fitText({
    text: spec.text,
    width: spec.width,
    maxLines: spec.maxLines,
    fontHeights,
    breaks: spec.breaks ?? 'words',
  });
  const largest = Math.max(...fontHeights);
  const height = spec.maxLines * largest + (spec.maxLines - 1) * lineSpacing;
  const used = fit.lines.length * fit.fontHeight + (fit.lines.length - 1) * lineSpacing;
  return {
    field: spec.field,
    x: spec.x,
    y: spec.y,
    width: spec.width,
    height,
    textY: spec.y + (spec.verticalAlign === 'middle' ? Math.floor((height - used) / 2) : 0),
    maxLines: spec.maxLines,
    lineSpacing,
    align: spec.align ?? 'left',
    reverse: spec.reverse ?? false,
    ...fit,
  };
}

export function layoutLockerLabel(
  label: LockerLabel,
  geometry: LabelGeometry = defaultLabelGeometry,
): LockerLabelLayout {
  const dots = labelDots(geometry);
  const mm = (referenceMm: number) => scaledDots(dots, referenceMm);
  const line = (referenceMm: number, minDots: number) => Math.max(minDots, mm(referenceMm));

  const margin = physicalDots(dots, LABEL_MARGIN_MM);
  const left = margin;
  const contentWidth = dots.widthDots - 2 * margin;
  const texts: LabelTextBlock[] = [];
  const boxes: LabelBox[] = [];
  const ruleThickness = line(0.5, 2);
  const rule = (y: number) => {
    boxes.push({
      x: left,
      y,
      width: contentWidth,
      height: ruleThickness,
      thickness: ruleThickness,
    });
    return y + ruleThickness;
  };
  const add = (spec: TextSpec) => {
    const block = textBlock(dots, spec);
    texts.push(block);
    return block.y + block.height;
  };

  // The site, e.g. "Urzędomat ul. Focha".
  let y = margin;
  y = add({
    field: 'siteName',
    text: label.siteName,
    x: left,
    y,
    width: contentWidth,
    maxLines: 2,
    fontsMm: [6, 5.5, 5, 4.5],
    lineSpacingMm: 0.8,
    verticalAlign: 'middle',
  });
  y = rule(y + mm(1.2)) + mm(1.5);

  // The case number, large: the clerk finds the envelope by it.
  y = add({
    field: 'caseNumberCaption',
    text: 'Znak sprawy',
    x: left,
    y,
    width: contentWidth,
    maxLines: 1,
    fontsMm: [3.5],
  });
  y = add({
    field: 'caseNumber',
    text: label.caseNumber,
    x: left,
    y: y + mm(0.8),
    width: contentWidth,
    maxLines: 2,
    fontsMm: [10, 9, 8, 7, 6, 5],
    lineSpacingMm: 1,
    breaks: 'caseNumber',
    verticalAlign: 'middle',
  });
  y = rule(y + mm(1.5)) + mm(2);

  // The compartment size in a frame on the left, the QR code on the right.
  const middleTop = y;
  const middleHeight = mm(40);
  const frameWidth = Math.round(contentWidth * 0.58);
  const frameThickness = line(0.8, 3);
  boxes.push({
    x: left,
    y: middleTop,
    width: frameWidth,
    height: middleHeight,
    thickness: frameThickness,
  });
  const framePadding = frameThickness + mm(1.5);
  const inner = { x: left + framePadding, width: frameWidth - 2 * framePadding };
  const mark = compartmentSizeMarks[label.compartmentSize];
  let frameY = add({
    field: 'compartmentCaption',
    text: 'SKRYTKA',
    ...inner,
    y: middleTop + framePadding,
    maxLines: 1,
    fontsMm: [3.5],
    align: 'center',
  });
  frameY = add({
    field: 'compartmentLetter',
    text: mark.letter,
    ...inner,
    y: frameY + mm(0.8),
    maxLines: 1,
    fontsMm: [24],
    align: 'center',
  });
  add({
    field: 'compartmentWord',
    text: mark.word,
    ...inner,
    y: frameY,
    maxLines: 1,
    fontsMm: [7, 6, 5],
    align: 'center',
  });

  const qrRegion = {
    x: left + frameWidth + mm(2),
    width: contentWidth - frameWidth - mm(2),
    y: middleTop,
    height: middleHeight,
  };
  const modules = qrModules(label.depositId);
  const withQuietZone = modules + 2 * QR_QUIET_MODULES;
  // ^BQ magnifies 1–10 dots per module; aim for 1 mm modules, as large as the region allows.
  const magnification = Math.max(
    1,
    Math.min(
      10,
      mm(1),
      Math.floor(qrRegion.width / withQuietZone),
      Math.floor(qrRegion.height / withQuietZone),
    ),
  );
  const qrSize = modules * magnification;
  const qr: QrPlacement = {
    value: label.depositId,
    x: qrRegion.x + Math.floor((qrRegion.width - qrSize) / 2),
    y: qrRegion.y + Math.floor((qrRegion.height - qrSize) / 2),
    magnification,
    modules,
    size: qrSize,
  };
  y = rule(middleTop + middleHeight + mm(2)) + mm(2);

  // The dates on the left, the resident's initials on the right.
  const datesWidth = Math.round(contentWidth * 0.7);
  const initialsX = left + datesWidth + mm(2);
  const initialsWidth = left + contentWidth - initialsX;
  const datesTop = y;
  const afterDepositDate = add({
    field: 'depositDate',
    text: `Data złożenia: ${formatPolishDate(label.depositDate)}`,
    x: left,
    y: datesTop,
    width: datesWidth,
    maxLines: 1,
    fontsMm: [4.5, 4],
  });
  const afterPickupDay = add({
    field: 'lastPickupDay',
    text: `Odbiór do: ${formatPolishDate(label.lastPickupDay)}`,
    x: left,
    y: afterDepositDate + mm(1.5),
    width: datesWidth,
    maxLines: 1,
    fontsMm: [6.5, 6, 5.5, 5],
  });
  const afterCaption = add({
    field: 'residentCaption',
    text: 'Odbiorca',
    x: initialsX,
    y: datesTop,
    width: initialsWidth,
    maxLines: 1,
    fontsMm: [3.5],
    align: 'right',
  });
  const afterInitials = add({
    field: 'residentInitials',
    text: label.residentInitials,
    x: initialsX,
    // Accents on capitals (Ż, Ś) rise above the font's top: leave them room under the caption.
    y: afterCaption + mm(1.5),
    width: initialsWidth,
    maxLines: 1,
    fontsMm: [9, 8, 7],
    align: 'right',
  });
  y = Math.max(afterPickupDay, afterInitials) + mm(3);

  // Code 128 across the label: modules as wide as the stock allows (quiet zones may reach
  // into the margins, which are blank), at most 0.5 mm, at least 0.25 mm and 2 dots.
  const barModules = code128Modules(label.depositId);
  const moduleWidth = Math.min(
    Math.max(1, physicalDots(dots, 0.5)),
    Math.floor(dots.widthDots / (barModules + 2 * CODE128_QUIET_MODULES)),
  );
  const minimumModule = Math.max(2, Math.ceil(0.25 * dots.dotsPerMm));
  if (moduleWidth < minimumModule) {
    throw new RangeError(
      `A label ${geometry.widthMm} mm wide at ${geometry.dpi} dpi is too narrow for the deposit barcode`,
    );
  }
  const barWidth = barModules * moduleWidth;
  const code128: Code128Placement = {
    value: label.depositId,
    x: Math.floor((dots.widthDots - barWidth) / 2),
    y,
    moduleWidth,
    height: mm(18),
    width: barWidth,
    modules: barModules,
  };
  y = add({
    field: 'depositIdText',
    text: label.depositId,
    x: left,
    y: code128.y + code128.height + mm(1.2),
    width: contentWidth,
    maxLines: 1,
    fontsMm: [5],
    align: 'center',
  });

  // A reprint says so in a black band at the bottom, where the reserved space waits for it.
  const bandHeight = mm(10);
  const bandTop = dots.heightDots - margin - bandHeight;
  if (y + mm(1) > bandTop) {
    throw new RangeError(`The label layout does not fit ${geometry.heightMm} mm of height`);
  }
  if (label.duplicate) {
    boxes.push({
      x: left,
      y: bandTop,
      width: contentWidth,
      height: bandHeight,
      thickness: bandHeight,
    });
    const font = mm(7.5);
    add({
      field: 'duplicate',
      text: 'DUPLIKAT',
      x: left,
      // Capitals fill about the top three quarters of the font height: centre those.
      y: bandTop + Math.round((bandHeight - font * 0.78) / 2),
      width: contentWidth,
      maxLines: 1,
      fontsMm: [7.5],
      align: 'center',
      reverse: true,
    });
  }

  return { dots, texts, boxes, code128, qr };
}
