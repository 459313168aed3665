/**
 * BMP 22 carries the card number (PAN) as BCD with `E` for each digit the terminal masked and
 * a trailing `F` when the number has an odd count of digits. Only a masked number may reach the
 * app, whatever the terminal sends: this keeps the last four digits and turns every other one
 * into `*`, so a terminal configured to send the full PAN (or track-2 style data with a `D`
 * separator, seen in the wild) still leaves no card number in the journal, logs or receipts.
 */
import { unpackNibbles } from './bcd';

export const VISIBLE_DIGITS = 4;

export function maskCardNumber(value: Uint8Array): string {
  const nibbles = unpackNibbles(value);
  // The PAN ends at padding (F) or a track-2 field separator (D); what follows is not PAN.
  const pan = /^[0-9E]*/.exec(nibbles)![0];
  const keepFrom = pan.length - VISIBLE_DIGITS;
  let masked = '';
  for (let i = 0; i < pan.length; i++) {
    const nibble = pan[i]!;
    masked += i >= keepFrom && nibble !== 'E' ? nibble : '*';
  }
  return masked;
}

/**
 * Encodes a masked number the way terminals send it (`*` as E, odd length padded with F). Only
 * masked input is accepted: the simulator must not be able to put a full PAN on the wire.
 */
export function encodeMaskedCardNumber(masked: string): Uint8Array {
  if (!/^\**[\d*]{0,4}$/.test(masked)) {
    throw new RangeError('A masked card number is `*`s, then at most 4 digits');
  }
  const nibbles = masked.replaceAll('*', 'E') + (masked.length % 2 === 1 ? 'F' : '');
  const out = new Uint8Array(nibbles.length / 2);
  for (let i = 0; i < out.length; i++)
    out[i] = Number.parseInt(nibbles.slice(i * 2, i * 2 + 2), 16);
  return out;
}
