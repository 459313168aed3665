/**
 * Packed BCD as ZVT uses it: two decimal digits a byte, most significant first. Amounts are
 * 6 bytes (12 digits) of the currency's minor unit, so 12,50 zł travels as
 * `00 00 00 00 12 50`; currency codes are the ISO 4217 number in 2 bytes (PLN 985 = `09 85`).
 * Variable-length fields carry their length as `Fx Fy` (LLVAR) or `Fx Fy Fz` (LLLVAR): a
 * decimal digit in each low nibble under an F high nibble.
 */
import { fail } from './errors';
import type { Decoded } from './errors';

/** ISO 4217 numeric code of the Polish złoty. Without BMP 49 a ZVT terminal assumes euro. */
export const CURRENCY_PLN = 985;
export const CURRENCY_EUR = 978;

/** Amounts are 6 BCD bytes: at most 999 999 999 999 minor units. */
export const AMOUNT_BYTES = 6;
export const MAX_AMOUNT = 999_999_999_999;

/** `'1250'` into `byteLength` bytes, zero-padded on the left. Throws on non-digits or overflow. */
export function packBcd(digits: string, byteLength: number): Uint8Array {
  if (!/^\d*$/.test(digits)) throw new RangeError(`BCD takes decimal digits only, got "${digits}"`);
  if (digits.length > byteLength * 2) {
    throw new RangeError(`${digits.length} digits do not fit in ${byteLength} BCD bytes`);
  }
  const padded = digits.padStart(byteLength * 2, '0');
  const out = new Uint8Array(byteLength);
  for (let i = 0; i < byteLength; i++) {
    out[i] = (Number(padded[i * 2]) << 4) | Number(padded[i * 2 + 1]);
  }
  return out;
}

export function packBcdNumber(value: number, byteLength: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`BCD takes a whole number of 0 or more, got ${value}`);
  }
  return packBcd(String(value), byteLength);
}

/** Every nibble as an uppercase hex digit: `E` (masked digit) and `F` (padding) survive. */
export function unpackNibbles(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += (byte >> 4).toString(16).toUpperCase() + (byte & 0x0f).toString(16).toUpperCase();
  }
  return out;
}

/** Digits of a BCD field that must hold decimal digits only. */
export function unpackBcdDigits(bytes: Uint8Array): Decoded<string> {
  const nibbles = unpackNibbles(bytes);
  const bad = /[^0-9]/.exec(nibbles);
  if (bad) {
    return fail(
      'bad-bcd',
      `BCD field ${nibbles} holds "${bad[0]}", not a decimal digit`,
      bad.index >> 1,
    );
  }
  return { ok: true, value: nibbles };
}

export function unpackBcdNumber(bytes: Uint8Array): Decoded<number> {
  const digits = unpackBcdDigits(bytes);
  if (!digits.ok) return digits;
  return { ok: true, value: Number(digits.value) };
}

/** 6 BCD bytes of grosze. Throws RangeError for negatives, fractions and more than 12 digits. */
export function encodeAmount(grosze: number): Uint8Array {
  if (!Number.isSafeInteger(grosze) || grosze < 0 || grosze > MAX_AMOUNT) {
    throw new RangeError(`An amount is 0 to ${MAX_AMOUNT} whole grosze, got ${grosze}`);
  }
  return packBcdNumber(grosze, AMOUNT_BYTES);
}

export function decodeAmount(bytes: Uint8Array): Decoded<number> {
  if (bytes.length !== AMOUNT_BYTES) {
    return fail('bad-field', `an amount is ${AMOUNT_BYTES} BCD bytes, got ${bytes.length}`);
  }
  return unpackBcdNumber(bytes);
}

/** ISO 4217 numeric code in 2 BCD bytes: 985 → `09 85`. */
export function encodeCurrency(code: number): Uint8Array {
  if (!Number.isSafeInteger(code) || code < 0 || code > 999) {
    throw new RangeError(`A currency code is an ISO 4217 number 0-999, got ${code}`);
  }
  return packBcdNumber(code, 2);
}

/** `Fx Fy` / `Fx Fy Fz` for LLVAR / LLLVAR fields. */
export function encodeLengthPrefix(length: number, digits: 2 | 3): Uint8Array {
  const max = digits === 2 ? 99 : 999;
  if (!Number.isSafeInteger(length) || length < 0 || length > max) {
    throw new RangeError(
      `An ${digits === 2 ? 'LL' : 'LLL'}VAR field holds 0-${max} bytes, got ${length}`,
    );
  }
  const text = String(length).padStart(digits, '0');
  const out = new Uint8Array(digits);
  for (let i = 0; i < digits; i++) out[i] = 0xf0 | Number(text[i]);
  return out;
}

/** Reads an LL/LLL prefix at `offset`; the answer is the length of the data that follows it. */
export function decodeLengthPrefix(
  bytes: Uint8Array,
  offset: number,
  digits: 2 | 3,
): Decoded<number> {
  if (offset + digits > bytes.length) {
    return fail('truncated', `the ${digits === 2 ? 'LL' : 'LLL'} length prefix is cut off`, offset);
  }
  let length = 0;
  for (let i = 0; i < digits; i++) {
    const byte = bytes[offset + i]!;
    if (byte >> 4 !== 0x0f || (byte & 0x0f) > 9) {
      return fail(
        'bad-length-prefix',
        `length prefix byte ${byte.toString(16).toUpperCase().padStart(2, '0')} is not F0-F9`,
        offset + i,
      );
    }
    length = length * 10 + (byte & 0x0f);
  }
  return { ok: true, value: length };
}
