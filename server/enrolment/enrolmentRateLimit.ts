import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../store/centralDatabase';
import { fromStoreTime, toStoreTime } from '../store/storeValues';

/**
 * Refused enrolments allowed per client address in a window. Like the login limit
 * (auth/loginRateLimit.ts), the failures are rows, so every server process counts the same.
 * A code has about 59 bits, so this is about noise in the log more than guessing.
 */
export type EnrolmentLimits = { windowMs: number; perIp: number };

export const DEFAULT_ENROLMENT_LIMITS: EnrolmentLimits = { windowMs: 15 * 60 * 1000, perIp: 10 };

type Attempt = { ip: string; now: Date; limits: EnrolmentLimits };

/** Whether an attempt from this address must wait, and for how many seconds. */
export async function enrolmentBlockedFor(
  db: Kysely<CentralDatabase>,
  { ip, now, limits }: Attempt,
): Promise<{ retryAfterSeconds: number } | null> {
  const since = toStoreTime(new Date(now.getTime() - limits.windowMs));
  // The limit-th newest failure: once it leaves the window, fewer than the limit remain.
  const row = await db
    .selectFrom('enrolment_failures')
    .select('failed_at')
    .where('ip', '=', ip)
    .where('failed_at', '>', since)
    .orderBy('failed_at', 'desc')
    .offset(limits.perIp - 1)
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const until = new Date(fromStoreTime(row.failed_at)).getTime() + limits.windowMs;
  if (until <= now.getTime()) return null;
  return { retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

/** Counts a refused enrolment; failures older than the window are swept on the way. */
export async function recordEnrolmentFailure(
  db: Kysely<CentralDatabase>,
  { ip, now, limits }: Attempt,
): Promise<void> {
  await db
    .deleteFrom('enrolment_failures')
    .where('failed_at', '<=', toStoreTime(new Date(now.getTime() - limits.windowMs)))
    .execute();
  await db
    .insertInto('enrolment_failures')
    .values({ ip, failed_at: toStoreTime(now) })
    .execute();
}
