import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt's cost: N (CPU and memory, a power of two), r (block size), p (parallelism). The
 * memory one hash needs is 128·N·r bytes: 32 MiB at the production cost, which is what makes
 * guessing passwords on a stolen table expensive. Tests pass a lower cost to stay fast.
 */
export type ScryptCost = { N: number; r: number; p: number };

export const PRODUCTION_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Refuse to evaluate a stored hash that asks for more than this (a tampered row). */
const MAX_N = 2 ** 20;

export type PasswordHasher = {
  /** `scrypt$N$r$p$saltB64$hashB64`: the cost travels with the hash, so it can be raised later. */
  hash(password: string): Promise<string>;
  /** Whether the password matches the stored hash; compared in constant time. */
  verify(password: string, encoded: string): Promise<boolean>;
  /** The same work as a verify, for a login that does not exist: its answer takes as long. */
  verifyNobody(password: string): Promise<false>;
};

function derive(password: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      length,
      // Node's default maxmem (32 MiB) is exactly what N=2^15, r=8 needs, which it refuses.
      { N: cost.N, r: cost.r, p: cost.p, maxmem: 2 * 128 * cost.N * cost.r * cost.p + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

type ParsedHash = { cost: ScryptCost; salt: Buffer; key: Buffer };

function parse(encoded: string): ParsedHash | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const isPowerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!isPowerOfTwo || N > MAX_N || !Number.isInteger(r) || r < 1 || r > 32) return null;
  if (!Number.isInteger(p) || p < 1 || p > 16) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { cost: { N, r, p }, salt, key };
}

export function createPasswordHasher(cost: ScryptCost = PRODUCTION_SCRYPT_COST): PasswordHasher {
  let nobodysHash: Promise<string> | undefined;

  const hash = async (password: string) => {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, cost, KEY_BYTES);
    return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join(
      '$',
    );
  };

  const verify = async (password: string, encoded: string) => {
    const parsed = parse(encoded);
    if (!parsed) return false;
    const key = await derive(password, parsed.salt, parsed.cost, parsed.key.length);
    return timingSafeEqual(key, parsed.key);
  };

  return {
    hash,
    verify,
    async verifyNobody(password) {
      nobodysHash ??= hash(randomBytes(18).toString('base64'));
      await verify(password, await nobodysHash);
      return false;
    },
  };
}
