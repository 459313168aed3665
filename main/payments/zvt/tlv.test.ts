import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './bytes';
import {
  MAX_TLV_DEPTH,
  decodeTlvContainer,
  decodeTlvSequence,
  encodeTlvBmp,
  encodeTlvSequence,
  readTlvLength,
} from './tlv';
import type { TlvNode } from './tlv';

describe('TLV tags (Portalum.Zvt TlvParserTest)', () => {
  it('reads 1F07, 1F26, 1F 80 00, 07, 09 and the constructed 25', () => {
    const sequence = fromHex('1F07 00 1F26 00 1F8000 00 07 00 09 00 25 00');
    const decoded = decodeTlvSequence(sequence);
    expect(decoded.ok && decoded.value.map((node) => node.tag)).toEqual([
      '1F07',
      '1F26',
      '1F8000',
      '07',
      '09',
      '25',
    ]);
    expect(decoded.ok && decoded.value[5]).toEqual({ tag: '25', children: [] });
  });

  it('reads the length 82 02 8A as 650, big-endian', () => {
    expect(readTlvLength(fromHex('82028A'), 0)).toEqual({
      ok: true,
      value: { length: 650, size: 3 },
    });
    expect(readTlvLength(fromHex('81A9'), 0)).toEqual({
      ok: true,
      value: { length: 0xa9, size: 2 },
    });
  });

  it('refuses lengths of other forms and tags longer than 3 bytes', () => {
    expect(readTlvLength(fromHex('83000001'), 0)).toMatchObject({
      ok: false,
      error: { code: 'bad-tlv' },
    });
    expect(decodeTlvSequence(fromHex('1F8080 00 00'))).toMatchObject({
      ok: false,
      error: { code: 'bad-tlv' },
    });
  });
});

describe('TLV containers', () => {
  it('nest: display texts 24 holding text lines 07', () => {
    const container = decodeTlvContainer(fromHex('0A 24 08 07 02 4F 4B 07 02 4E 4F'), 0);
    expect(container).toEqual({
      ok: true,
      value: {
        end: 11,
        nodes: [
          {
            tag: '24',
            children: [
              { tag: '07', hex: '4F4B' },
              { tag: '07', hex: '4E4F' },
            ],
          },
        ],
      },
    });
  });

  it('give a typed error when a value runs past its container', () => {
    expect(decodeTlvContainer(fromHex('04 07 09 41 42'), 0)).toMatchObject({
      ok: false,
      error: { code: 'truncated' },
    });
    expect(decodeTlvContainer(fromHex('FF'), 0)).toMatchObject({
      ok: false,
      error: { code: 'bad-tlv' },
    });
  });

  it(`stop at ${MAX_TLV_DEPTH} levels of nesting`, () => {
    let bytes: number[] = [];
    for (let level = 0; level < MAX_TLV_DEPTH + 2; level++) bytes = [0x24, bytes.length, ...bytes];
    expect(decodeTlvSequence(Uint8Array.from(bytes))).toMatchObject({
      ok: false,
      error: { code: 'tlv-too-deep' },
    });
  });

  it('encode with the shortest length form and read back the same nodes', () => {
    const nodes: TlvNode[] = [
      { tag: '1F07', hex: '02' },
      { tag: '25', children: [{ tag: '07', hex: '41'.repeat(200) }] },
      { tag: 'DF41', hex: '02' },
    ];
    const bmp = encodeTlvBmp(nodes);
    expect(toHex(bmp.subarray(0, 3), ' ')).toBe('06 81 D6');
    const decoded = decodeTlvContainer(bmp, 1);
    expect(decoded.ok && decoded.value.nodes).toEqual(nodes);
  });

  it('refuse to encode a constructed tag with a value or a primitive one with children', () => {
    expect(() => encodeTlvSequence([{ tag: '24', hex: '00' }])).toThrow(RangeError);
    expect(() => encodeTlvSequence([{ tag: '07', children: [] }])).toThrow(RangeError);
  });
});
