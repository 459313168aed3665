import { describe, expect, it } from 'vitest';
import { depositIdSchema } from '../../../common/contract/lockerLabel';
import { generateDepositId } from './depositId';
import type { RandomBytes } from './depositId';

/** A random source that hands out the given bytes, then zeros. */
function fixedBytes(...bytes: number[]): RandomBytes {
  return (count) => Uint8Array.from({ length: count }, (_, index) => bytes[index] ?? 0);
}

describe('generateDepositId', () => {
  it('makes DEP- and 10 Crockford base32 characters from the random source', () => {
    expect(generateDepositId(fixedBytes(0, 1, 9, 10, 17, 18, 20, 21, 26, 31))).toBe(
      'DEP-019AHJMNTZ',
    );
  });

  it('uses the low 5 bits of each byte, so every character is equally likely', () => {
    expect(generateDepositId(fixedBytes(32, 33, 255, 224, 0, 0, 0, 0, 0, 0))).toBe(
      'DEP-01Z0000000',
    );
  });

  it('never uses I, L, O or U, which read as 1, 0 or V', () => {
    const ids = Array.from({ length: 32 }, (_, value) =>
      generateDepositId(fixedBytes(...Array.from({ length: 10 }, () => value))),
    );

    expect(ids.map((id) => id.slice('DEP-'.length)).join('')).not.toMatch(/[ILOU]/);
    expect(new Set(ids).size).toBe(32);
    for (const id of ids) expect(depositIdSchema.safeParse(id).success).toBe(true);
  });

  it('refuses a random source that gives too few bytes', () => {
    expect(() => generateDepositId(() => new Uint8Array(4))).toThrow(/gave 4 bytes, 10 are needed/);
  });
});
