import { describe, expect, it } from 'vitest';
import { BMP_TABLE, decodeBmpSequence, encodeBmp } from './bmp';
import { fromHex, toHex } from './bytes';

describe('the BMP table', () => {
  it('knows each BMP the messages use, with its length form', () => {
    expect(BMP_TABLE.get(0x04)?.format).toEqual({ kind: 'fixed', length: 6 });
    expect(BMP_TABLE.get(0x22)?.format).toEqual({ kind: 'llvar' });
    expect(BMP_TABLE.get(0x3c)?.format).toEqual({ kind: 'lllvar' });
    expect(BMP_TABLE.get(0x60)?.format).toEqual({ kind: 'lllvar' });
    expect(BMP_TABLE.get(0x06)?.format).toEqual({ kind: 'tlv' });
  });

  it('marks track data, CVV and PIN data as secrets that are never decoded', () => {
    for (const tag of [0x23, 0x24, 0x2d, 0x3a, 0xd1])
      expect(BMP_TABLE.get(tag)?.content).toBe('secret');
  });
});

describe('decodeBmpSequence', () => {
  it('walks fixed, LLVAR, LLLVAR and TLV fields in order', () => {
    const bytes = fromHex('27 00 22 F0 F2 EE 12 3C F0 F0 F2 4F 4B 06 03 1F 07 00 49 09 85');
    const decoded = decodeBmpSequence(bytes);
    expect(decoded.ok && decoded.value.map((bmp) => [bmp.tag, toHex(bmp.value)])).toEqual([
      [0x27, '00'],
      [0x22, 'EE12'],
      [0x3c, '4F4B'],
      [0x06, '031F0700'],
      [0x49, '0985'],
    ]);
  });

  it('stops with a typed error at a BMP it does not know, since its length is unknown', () => {
    expect(decodeBmpSequence(fromHex('27 00 77 01 02'))).toEqual({
      ok: false,
      error: { code: 'unknown-bmp', message: 'BMP 77 is not in the BMP table', offset: 2 },
    });
  });

  it('gives a typed error for a field cut off or a broken LL prefix', () => {
    expect(decodeBmpSequence(fromHex('04 00 00 12'))).toMatchObject({
      ok: false,
      error: { code: 'truncated' },
    });
    expect(decodeBmpSequence(fromHex('22 F0 A2 11'))).toMatchObject({
      ok: false,
      error: { code: 'bad-length-prefix' },
    });
    expect(decodeBmpSequence(fromHex('8B F9 F9 41'))).toMatchObject({
      ok: false,
      error: { code: 'truncated' },
    });
  });
});

describe('encodeBmp', () => {
  it('adds the LL prefix and refuses a fixed field of the wrong size', () => {
    expect(toHex(encodeBmp(0x8b, fromHex('4F4B00')), ' ')).toBe('8B F0 F3 4F 4B 00');
    expect(() => encodeBmp(0x04, fromHex('1250'))).toThrow(RangeError);
    expect(() => encodeBmp(0x77, fromHex('00'))).toThrow(RangeError);
  });
});
