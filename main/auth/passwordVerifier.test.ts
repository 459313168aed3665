import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPassword, createPasswordVerifier } from './passwordVerifier';

describe('password verifiers', () => {
  it('accept the password they were made from and nothing else', async () => {
    const verifier = await createPasswordVerifier('Zażółć gęślą jaźń 1');
    expect(await checkPassword('Zażółć gęślą jaźń 1', verifier)).toBe(true);
    expect(await checkPassword('zażółć gęślą jaźń 1', verifier)).toBe(false);
    expect(await checkPassword('', verifier)).toBe(false);
  });

  it('accept the same password typed with decomposed Polish letters', async () => {
    const verifier = await createPasswordVerifier('źdźbło');
    expect(await checkPassword('źdźbło'.normalize('NFD'), verifier)).toBe(true);
  });

  it('hold neither the password nor a plain hash of it, and differ each time (own salt)', async () => {
    const password = 'demo';
    const first = await createPasswordVerifier(password);
    const second = await createPasswordVerifier(password);

    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toContain(password);
    for (const algorithm of ['md5', 'sha1', 'sha256', 'sha512']) {
      const digest = createHash(algorithm).update(password).digest();
      for (const encoding of ['hex', 'base64', 'base64url'] as const) {
        expect(first).not.toContain(digest.toString(encoding));
      }
    }
  });

  it.each(['', 'demo', 'scrypt$1$8$1$$', 'bcrypt$x', 'scrypt$32768$8$1$c2FsdA$c2hvcnQ'])(
    'refuse any password against a malformed verifier (%j)',
    async (verifier) => {
      expect(await checkPassword('demo', verifier)).toBe(false);
    },
  );
});
