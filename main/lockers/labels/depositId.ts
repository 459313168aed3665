import {
  DEPOSIT_ID_ALPHABET,
  DEPOSIT_ID_PREFIX,
  DEPOSIT_ID_RANDOM_LENGTH,
  depositIdSchema,
} from '../../../common/contract/lockerLabel';
import type { DepositId } from '../../../common/contract/lockerLabel';

/** `count` random bytes; in production `crypto.randomBytes`, in tests a fixed sequence. */
export type RandomBytes = (count: number) => Uint8Array;

/**
 * A new deposit id, `DEP-7K3M9QX2WZ`. Each byte gives one character by its low 5 bits: 256 is a
 * multiple of 32, so every character is equally likely. 50 bits make a clash between the
 * deposits of one city hall negligible; the central server still refuses a duplicate.
 */
export function generateDepositId(randomBytes: RandomBytes): DepositId {
  const bytes = randomBytes(DEPOSIT_ID_RANDOM_LENGTH);
  if (bytes.length < DEPOSIT_ID_RANDOM_LENGTH) {
    throw new RangeError(
      `The random source gave ${bytes.length} bytes, ${DEPOSIT_ID_RANDOM_LENGTH} are needed`,
    );
  }
  let random = '';
  for (let index = 0; index < DEPOSIT_ID_RANDOM_LENGTH; index += 1) {
    random += DEPOSIT_ID_ALPHABET[(bytes[index] ?? 0) & 31];
  }
  return depositIdSchema.parse(DEPOSIT_ID_PREFIX + random);
}
