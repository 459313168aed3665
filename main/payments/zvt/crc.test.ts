import { describe, expect, it } from 'vitest';
import { fromHex } from './bytes';
import { crc16Kermit, zvtFrameCrc } from './crc';
import {
  ECRTERM_ENCODED_FRAMES,
  ECRTERM_VERSION_COMPLETION_FRAME,
} from './fixtures/publishedFrames';

/** The APDU inside a published frame (DLE doubling undone) and the CRC it ends with. */
function apduAndCrc(frameHex: string): { apdu: Uint8Array; crc: number } {
  const frame = fromHex(frameHex);
  const escaped = frame.subarray(2, frame.length - 4);
  const apdu: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    apdu.push(escaped[i]!);
    if (escaped[i] === 0x10) i++;
  }
  return {
    apdu: Uint8Array.from(apdu),
    crc: frame[frame.length - 2]! | (frame[frame.length - 1]! << 8),
  };
}

/** CRC-16/XMODEM: polynomial 0x1021 shifted most significant bit first, init 0. */
function crc16Xmodem(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

describe('ZVT frame CRC', () => {
  it('is CRC-16/KERMIT: the catalogue check value of "123456789" is 0x2189', () => {
    expect(crc16Kermit(new TextEncoder().encode('123456789'))).toBe(0x2189);
  });

  const frames = { ...ECRTERM_ENCODED_FRAMES, versionCompletion: ECRTERM_VERSION_COMPLETION_FRAME };
  for (const [name, hex] of Object.entries(frames)) {
    it(`reproduces the CRC of ecrterm's published ${name} frame (APDU + ETX, low byte first)`, () => {
      const { apdu, crc } = apduAndCrc(hex);
      expect(zvtFrameCrc(apdu)).toBe(crc);
    });
  }

  it('is computed over the APDU before DLE doubling', () => {
    const { apdu, crc } = apduAndCrc(ECRTERM_ENCODED_FRAMES.authorisation);
    expect(apdu).toContain(0x10);
    expect(zvtFrameCrc(apdu)).toBe(crc);
  });

  it('is not the non-reflected CRC-16/XMODEM, which no published frame matches', () => {
    for (const hex of Object.values(frames)) {
      const { apdu, crc } = apduAndCrc(hex);
      expect(crc16Xmodem(Uint8Array.from([...apdu, 0x03]))).not.toBe(crc);
    }
  });

  it('continues from a running value, so a frame may be checked in pieces', () => {
    const { apdu } = apduAndCrc(ECRTERM_ENCODED_FRAMES.printLine);
    const split = crc16Kermit(apdu.subarray(7), crc16Kermit(apdu.subarray(0, 7)));
    expect(split).toBe(crc16Kermit(apdu));
  });
});
