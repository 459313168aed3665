import { defaultLabelGeometry } from '../../../common/contract/lockerLabel';
import type { LabelGeometry, LockerLabel } from '../../../common/contract/lockerLabel';
import { layoutLockerLabel } from './labelLayout';
import type { LabelBox, LabelTextBlock, LockerLabelLayout, TextAlign } from './labelLayout';

/**
 * The label in ZPL II, for any Zebra-compatible printer.
 *
 * - `^CI28`: field data is UTF-8, so ą, ć, ę, ł, ń, ó, ś, ź, ż go in as they are and print as
 *   themselves; the job stays readable and the tests can look for the Polish text in it.
 * - `^A0`: the printer's resident scalable font (CG Triumvirate Bold Condensed), present on every
 *   ZPL II printer and covering Latin Extended-A under ^CI28; the bitmap fonts A–H lack most
 *   Polish letters, and a downloaded TrueType font would make every job large and tie the label
 *   to one printer's memory. Width = height (`^A0N,h,h`), which the glyph-width table assumes.
 * - `^FH`: `^` and `~` start commands anywhere in a field, so a site name holding them would end
 *   the field (or the label, `^XZ`) early; they and the hex indicator `_` itself go in as `_5E`,
 *   `_7E`, `_5F`. Everything else stays UTF-8. A backslash never gets this far: ^FB reads `\`
 *   as its own escape, so the label schema refuses it.
 * - `^FB` with the lines already broken (`\&` between them) and a line limit: the printer never
 *   wraps on its own, and nothing it could wrap would run out of the box (see fitText.ts).
 * - `^BC` Code 128 and `^BQ` QR (error correction H, alphanumeric) carry the deposit id; the
 *   human-readable id under the bars is our own ^A0 text, so it is measured like the rest.
 */

/** The smallest ^BY height a printer takes; see the QR field below. */
const QR_PINNED_BAR_HEIGHT = 10;

const alignCode: Record<TextAlign, 'L' | 'C' | 'R'> = { left: 'L', center: 'C', right: 'R' };

/** Field data for `^FH`: the three characters ZPL would read as commands, hex-escaped. */
export function escapeZplText(text: string): string {
  return text.replace(/[\^~_]/g, (character) => {
    const code = character.codePointAt(0) ?? 0;
    return `_${code.toString(16).toUpperCase().padStart(2, '0')}`;
  });
}

function textField(block: LabelTextBlock): string {
  const font = `^A0N,${block.fontHeight},${block.fontHeight}`;
  const fieldBlock = `^FB${block.width},${block.maxLines},${block.lineSpacing},${alignCode[block.align]},0`;
  const data = block.lines.map(escapeZplText).join('\\&');
  return `^FO${block.x},${block.textY}${font}${fieldBlock}${block.reverse ? '^FR' : ''}^FH^FD${data}^FS`;
}

function box(shape: LabelBox): string {
  return `^FO${shape.x},${shape.y}^GB${shape.width},${shape.height},${shape.thickness},B,0^FS`;
}

/** ZPL II of a layout: one label, `^XA … ^XZ`, one line per field for a readable job. */
export function layoutToZpl(layout: LockerLabelLayout): string {
  const { dots, code128, qr } = layout;
  return [
    '^XA',
    '^CI28',
    `^PW${dots.widthDots}`,
    `^LL${dots.heightDots}`,
    '^LH0,0',
    // Boxes first: the DUPLIKAT text is then drawn reversed (^FR) over its black band.
    ...layout.boxes.map(box),
    ...layout.texts.map(textField),
    // A printer sinks a ^FO-placed QR code by the current ^BY height, which outlives the label
    // (the last job's barcode sets it): pin it, and lift the field origin by as much.
    `^BY2,3,${QR_PINNED_BAR_HEIGHT}^FO${qr.x},${qr.y - QR_PINNED_BAR_HEIGHT}` +
      `^BQN,2,${qr.magnification},H^FDHA,${qr.value}^FS`,
    `^BY${code128.moduleWidth},3,${code128.height}^FO${code128.x},${code128.y}` +
      `^BCN,${code128.height},N,N,N^FD${code128.value}^FS`,
    '^PQ1',
    '^XZ',
  ].join('\n');
}

/** The label as ZPL II text; `encodeZpl` gives the bytes a print job carries. */
export function renderLockerLabelZpl(
  label: LockerLabel,
  geometry: LabelGeometry = defaultLabelGeometry,
): string {
  return layoutToZpl(layoutLockerLabel(label, geometry));
}

/** UTF-8, as `^CI28` declares: the bytes to send to the printer. */
export function encodeZpl(zpl: string): Uint8Array {
  return new TextEncoder().encode(zpl);
}
