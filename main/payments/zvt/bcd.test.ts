import { describe, expect, it } from 'vitest';
import {
  CURRENCY_PLN,
  decodeAmount,
  decodeLengthPrefix,
  encodeAmount,
  encodeCurrency,
  encodeLengthPrefix,
  packBcd,
  unpackBcdDigits,
  unpackNibbles,
} from './bcd';
import { fromHex, toHex } from './bytes';

describe('amounts', () => {
  it('travel as 6 BCD bytes of grosze: 12,50 zł is 00 00 00 00 12 50', () => {
    expect(toHex(encodeAmount(1250), ' ')).toBe('00 00 00 00 12 50');
    expect(decodeAmount(fromHex('000000001250'))).toEqual({ ok: true, value: 1250 });
  });

  it('reach 999 999 999 999 grosze and no further', () => {
    expect(toHex(encodeAmount(999_999_999_999))).toBe('999999999999');
    expect(() => encodeAmount(1_000_000_000_000)).toThrow(RangeError);
  });

  it('refuse negatives and fractions rather than charge a wrong amount', () => {
    expect(() => encodeAmount(-1)).toThrow(RangeError);
    expect(() => encodeAmount(12.5)).toThrow(RangeError);
    expect(() => encodeAmount(Number.NaN)).toThrow(RangeError);
  });

  it('read back with a typed error when a nibble is not a digit', () => {
    const decoded = decodeAmount(fromHex('00000000125A'));
    expect(decoded).toMatchObject({ ok: false, error: { code: 'bad-bcd' } });
  });

  it('read back with a typed error when the field is not 6 bytes', () => {
    expect(decodeAmount(fromHex('1250'))).toMatchObject({
      ok: false,
      error: { code: 'bad-field' },
    });
  });
});

describe('currency', () => {
  it('is PLN 985 as 09 85: without it a terminal assumes euro', () => {
    expect(toHex(encodeCurrency(CURRENCY_PLN), ' ')).toBe('09 85');
  });
});

describe('BCD digits', () => {
  it('pad on the left', () => {
    expect(toHex(packBcd('123', 3))).toBe('000123');
  });

  it('keep masked (E) and padding (F) nibbles visible to the card number reader', () => {
    expect(unpackNibbles(fromHex('EEEE4771'))).toBe('EEEE4771');
    expect(unpackBcdDigits(fromHex('EE47'))).toMatchObject({
      ok: false,
      error: { code: 'bad-bcd' },
    });
  });

  it('refuse more digits than fit', () => {
    expect(() => packBcd('1234567', 3)).toThrow(RangeError);
  });
});

describe('LL / LLL length prefixes', () => {
  it('are Fx Fy (Fz): 17 is F1 F7, 14 as LLL is F0 F1 F4', () => {
    expect(toHex(encodeLengthPrefix(17, 2), ' ')).toBe('F1 F7');
    expect(toHex(encodeLengthPrefix(14, 3), ' ')).toBe('F0 F1 F4');
    expect(decodeLengthPrefix(fromHex('F0F1F4'), 0, 3)).toEqual({ ok: true, value: 14 });
  });

  it('give a typed error for a byte that is not F0-F9', () => {
    expect(decodeLengthPrefix(fromHex('F1FA'), 0, 2)).toMatchObject({
      ok: false,
      error: { code: 'bad-length-prefix', offset: 1 },
    });
    expect(decodeLengthPrefix(fromHex('F1'), 0, 2)).toMatchObject({
      ok: false,
      error: { code: 'truncated' },
    });
  });
});
