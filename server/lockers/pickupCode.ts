import { randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * The code a resident types at the urzędomat to open the compartment. Made here, at `deposited`,
 * sent once through the notification outbox, and otherwise kept only as a salted scrypt hash:
 * no API answer, log line or label ever carries it. Six digits, as parcel lockers use; the
 * locker itself limits wrong attempts, which is what makes six digits enough.
 */
export const PICKUP_CODE_LENGTH = 6;

/** scrypt's cost: a code is short, so the hash is deliberately slow to brute-force offline. */
const SCRYPT = { N: 2 ** 14, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

export type HashedPickupCode = { hash: string; salt: string };

/** A new code, uniformly random (`000000`–`999999`). */
export function generatePickupCode(): string {
  return String(randomInt(0, 10 ** PICKUP_CODE_LENGTH)).padStart(PICKUP_CODE_LENGTH, '0');
}

export function hashPickupCode(
  code: string,
  salt = randomBytes(16).toString('hex'),
): HashedPickupCode {
  const hash = scryptSync(code, salt, KEY_LENGTH, SCRYPT).toString('hex');
  return { hash, salt };
}

/** Whether `code` is the one hashed (constant time). */
export function verifyPickupCode(code: string, stored: HashedPickupCode): boolean {
  const expected = Buffer.from(stored.hash, 'hex');
  const actual = scryptSync(code, stored.salt, KEY_LENGTH, SCRYPT);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
