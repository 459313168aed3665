import { createHash, randomBytes } from 'node:crypto';

/** A new secret token: 32 random bytes, base64url. Only the client keeps it. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the store keeps of a token: its SHA-256, hex. A stolen table then opens no session.
 * The token has 256 bits of entropy, so an unsalted fast hash is enough (unlike a password).
 */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
