import { toSVG } from 'bwip-js/node';
import { defaultLabelGeometry } from '../../../common/contract/lockerLabel';
import type { LabelGeometry, LockerLabel } from '../../../common/contract/lockerLabel';
import { layoutLockerLabel } from './labelLayout';
import type { LabelBox, LabelTextBlock, LockerLabelLayout } from './labelLayout';

/**
 * The label as an HTML page for the system print dialog, when the desk has an ordinary printer
 * and no label printer. Same layout as the ZPL (positions in millimetres, the same lines), the
 * barcodes as inline SVG drawn by bwip-js, `@page` sized to the stock so one label is one page.
 * The page loads nothing: a CSP of `default-src 'none'` with inline styles only.
 */

/**
 * A browser's bold sans-serif may be wider than the printer's condensed font (Arial Bold capitals
 * by up to ~30 %); the lines were measured for ^A0 with a 10 % margin, so the HTML draws them a
 * little smaller to stay inside the same boxes whichever font the PC has.
 */
const HTML_FONT_SCALE = 0.85;

const FONT_STACK =
  '"Arial Narrow", "Liberation Sans Narrow", "Nimbus Sans Narrow", "Roboto Condensed", ' +
  '"Helvetica Neue", Arial, sans-serif';

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

function toMm(layout: LockerLabelLayout, dots: number): string {
  return `${(dots / layout.dots.dotsPerMm).toFixed(2)}mm`;
}

function boxHtml(layout: LockerLabelLayout, box: LabelBox): string {
  const mm = (dots: number) => toMm(layout, dots);
  const filled = box.thickness * 2 >= Math.min(box.width, box.height);
  const paint = filled ? 'background:#000' : `border:${mm(box.thickness)} solid #000`;
  return `<div class="box" style="left:${mm(box.x)};top:${mm(box.y)};width:${mm(box.width)};height:${mm(box.height)};${paint}"></div>`;
}

function textHtml(layout: LockerLabelLayout, block: LabelTextBlock): string {
  const mm = (dots: number) => toMm(layout, dots);
  const style = [
    `left:${mm(block.x)}`,
    `top:${mm(block.textY)}`,
    `width:${mm(block.width)}`,
    `text-align:${block.align}`,
    `font-size:${mm(block.fontHeight * HTML_FONT_SCALE)}`,
    `line-height:${mm(block.fontHeight + block.lineSpacing)}`,
  ].join(';');
  const lines = block.lines.map((line) => `<div>${escapeHtml(line)}</div>`).join('');
  const classes = block.reverse ? 'text reverse' : 'text';
  return `<div class="${classes}" data-field="${block.field}" style="${style}">${lines}</div>`;
}

/** bwip-js SVG, stretched to the box the layout gave the printer's barcode. */
function barcodeSvg(options: { bcid: string; text: string; eclevel?: string }): string {
  return toSVG({ ...options, includetext: false }).replace(
    '<svg ',
    '<svg preserveAspectRatio="none" role="img" ',
  );
}

export function layoutToHtml(layout: LockerLabelLayout, title: string): string {
  const mm = (dots: number) => toMm(layout, dots);
  const { code128, qr } = layout;
  const width = mm(layout.dots.widthDots);
  const height = mm(layout.dots.heightDots);
  const body = [
    ...layout.boxes.map((box) => boxHtml(layout, box)),
    ...layout.texts.map((block) => textHtml(layout, block)),
    `<div class="code" style="left:${mm(code128.x)};top:${mm(code128.y)};width:${mm(code128.width)};height:${mm(code128.height)}" aria-label="${escapeHtml(code128.value)}">${barcodeSvg({ bcid: 'code128', text: code128.value })}</div>`,
    `<div class="code" style="left:${mm(qr.x)};top:${mm(qr.y)};width:${mm(qr.size)};height:${mm(qr.size)}" aria-label="${escapeHtml(qr.value)}">${barcodeSvg({ bcid: 'qrcode', text: qr.value, eclevel: 'H' })}</div>`,
  ].join('\n');
  return `<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
@page { size: ${width} ${height}; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
body { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
/* overflow hidden: anything past the stock would start a second, blank label */
.label { position: relative; width: ${width}; height: ${height}; overflow: hidden; color: #000;
  font-family: ${FONT_STACK}; font-weight: 700; font-stretch: condensed; }
.box, .text, .code { position: absolute; box-sizing: border-box; }
.text > div { white-space: pre; }
.reverse { color: #fff; }
.code svg { display: block; width: 100%; height: 100%; }
</style>
</head>
<body>
<div class="label">
${body}
</div>
</body>
</html>
`;
}

/** A complete HTML document of one label, ready for a hidden window's print(). */
export function renderLockerLabelHtml(
  label: LockerLabel,
  geometry: LabelGeometry = defaultLabelGeometry,
): string {
  const title = `Etykieta ${label.depositId}${label.duplicate ? ' (DUPLIKAT)' : ''}`;
  return layoutToHtml(layoutLockerLabel(label, geometry), title);
}
