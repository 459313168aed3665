import { describe, expect, it } from 'vitest';
import { TEST_SCRYPT_COST } from '../testing/testStores';
import { PRODUCTION_SCRYPT_COST, createPasswordHasher } from './passwordHashing';

describe('password hashing', () => {
  const hasher = createPasswordHasher(TEST_SCRYPT_COST);

  it('keeps scrypt with its cost, a salt and the key, and verifies only the right password', async () => {
    const hash = await hasher.hash('Zażółć-gęślą-jaźń');
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await hasher.verify('Zażółć-gęślą-jaźń', hash)).toBe(true);
    expect(await hasher.verify('zażółć-gęślą-jaźń', hash)).toBe(false);
    expect(await hasher.hash('Zażółć-gęślą-jaźń')).not.toBe(hash);
  });

  it('is memory-hard by default: N = 2^15, r = 8 (32 MiB a hash)', async () => {
    expect(PRODUCTION_SCRYPT_COST).toEqual({ N: 32768, r: 8, p: 1 });
    const hash = await createPasswordHasher().hash('demo');
    expect(hash.startsWith('scrypt$32768$8$1$')).toBe(true);
    // A hash carries its cost: a hasher at another cost still verifies it.
    expect(await hasher.verify('demo', hash)).toBe(true);
  });

  it('treats a malformed or tampered stored hash as a mismatch', async () => {
    const hash = await hasher.hash('demo');
    const parts = hash.split('$');
    for (const broken of [
      '',
      'plain-text-password',
      hash.replace('scrypt', 'bcrypt'),
      [...parts.slice(0, 1), '1000', ...parts.slice(2)].join('$'),
      [...parts.slice(0, 1), String(2 ** 24), ...parts.slice(2)].join('$'),
      [...parts.slice(0, 5), Buffer.alloc(32).toString('base64')].join('$'),
    ]) {
      expect(await hasher.verify('demo', broken), broken).toBe(false);
    }
  });

  it('spends a verification on a login that does not exist', async () => {
    await expect(hasher.verifyNobody('demo')).resolves.toBe(false);
  });
});
