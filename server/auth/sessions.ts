import type { Kysely } from 'kysely';
import type { User } from '../../common/contract/central/auth';
import type { CentralDatabase } from '../store/centralDatabase';
import { fromStoreTime, toStoreTime } from '../store/storeValues';
import { newToken, tokenHash } from './tokens';
import { rowToUser } from './users';

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type UserSession = { user: User; expiresAt: string };

/**
 * Opens a session for a user who has just proved their password. The store keeps the token's
 * hash, so every server process sharing the store knows the session; sessions that have
 * expired are swept on the way.
 */
export async function openSession(
  db: Kysely<CentralDatabase>,
  userId: string,
  now: Date,
  ttlMs: number,
): Promise<{ token: string; expiresAt: string }> {
  const token = newToken();
  const expiresAt = toStoreTime(new Date(now.getTime() + ttlMs));
  await db.deleteFrom('sessions').where('expires_at', '<=', toStoreTime(now)).execute();
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash(token),
      user_id: userId,
      created_at: toStoreTime(now),
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/** The user behind a session token, or null when it is unknown or has expired. */
export async function findSession(
  db: Kysely<CentralDatabase>,
  token: string,
  now: Date,
): Promise<UserSession | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select('sessions.expires_at as session_expires_at')
    .where('sessions.token_hash', '=', tokenHash(token))
    .where('sessions.expires_at', '>', toStoreTime(now))
    .executeTakeFirst();
  if (!row) return null;
  const { session_expires_at: expiresAt, ...user } = row;
  return { user: rowToUser(user), expiresAt: fromStoreTime(expiresAt) };
}

export async function closeSession(db: Kysely<CentralDatabase>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}
