import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../store/centralDatabase';
import { fromStoreTime, toStoreTime } from '../store/storeValues';

/**
 * How many failed logins are allowed in a window, per login and per client address. The
 * failures are rows in the store, so every server process sharing it counts the same ones.
 */
export type LoginLimits = { windowMs: number; perLogin: number; perIp: number };

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  windowMs: 15 * 60 * 1000,
  perLogin: 5,
  perIp: 30,
};

type Attempt = { login: string; ip: string; now: Date; limits: LoginLimits };

/**
 * Whether a login attempt must wait, and for how long: until the failure that put the count
 * at its limit leaves the window. Checked before the password, so a blocked attempt costs no
 * hashing and reveals nothing.
 */
export async function loginBlockedFor(
  db: Kysely<CentralDatabase>,
  { login, ip, now, limits }: Attempt,
): Promise<{ retryAfterSeconds: number } | null> {
  const since = toStoreTime(new Date(now.getTime() - limits.windowMs));
  const checks = [
    { column: 'login' as const, value: login, limit: limits.perLogin },
    { column: 'ip' as const, value: ip, limit: limits.perIp },
  ];
  let blockedUntil = 0;
  for (const { column, value, limit } of checks) {
    // The limit-th newest failure: once it leaves the window, fewer than `limit` remain.
    const row = await db
      .selectFrom('login_failures')
      .select('failed_at')
      .where(column, '=', value)
      .where('failed_at', '>', since)
      .orderBy('failed_at', 'desc')
      .offset(limit - 1)
      .limit(1)
      .executeTakeFirst();
    if (row) {
      const until = new Date(fromStoreTime(row.failed_at)).getTime() + limits.windowMs;
      blockedUntil = Math.max(blockedUntil, until);
    }
  }
  if (blockedUntil <= now.getTime()) return null;
  return { retryAfterSeconds: Math.max(1, Math.ceil((blockedUntil - now.getTime()) / 1000)) };
}

/** Counts a failed login; failures older than the window are swept on the way. */
export async function recordLoginFailure(
  db: Kysely<CentralDatabase>,
  { login, ip, now, limits }: Attempt,
): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('failed_at', '<=', toStoreTime(new Date(now.getTime() - limits.windowMs)))
    .execute();
  await db
    .insertInto('login_failures')
    .values({ login, ip, failed_at: toStoreTime(now) })
    .execute();
}

/** A good password clears the login's failures (not the address's: others may share it). */
export async function clearLoginFailures(
  db: Kysely<CentralDatabase>,
  login: string,
): Promise<void> {
  await db.deleteFrom('login_failures').where('login', '=', login).execute();
}
