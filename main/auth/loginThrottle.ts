import type { Clock } from '../app/clock';

export type LoginThrottleOptions = {
  clock: Clock;
  /** Wrong passwords allowed for one login within `windowMs` before it is locked. */
  maxFailures?: number;
  windowMs?: number;
  /** How long a locked login waits. */
  lockMs?: number;
};

/**
 * The local rate limit of offline login: while the central server is unreachable nothing else
 * stops someone at the PC from guessing a cached login's password, so after a few wrong ones
 * that login waits a while. Kept in memory: restarting the app is slower than waiting.
 */
export function createLoginThrottle(options: LoginThrottleOptions) {
  const maxFailures = options.maxFailures ?? 5;
  const windowMs = options.windowMs ?? 5 * 60_000;
  const lockMs = options.lockMs ?? 60_000;
  const failures = new Map<string, number[]>();

  function recent(login: string, now: number): number[] {
    const kept = (failures.get(login) ?? []).filter((at) => now - at < windowMs);
    if (kept.length === 0) failures.delete(login);
    else failures.set(login, kept);
    return kept;
  }

  return {
    /** 0 when the login may try now, else how many ms it must wait. */
    waitMs(login: string): number {
      const now = options.clock.now().getTime();
      const kept = recent(login, now);
      const last = kept.at(-1);
      if (kept.length < maxFailures || last === undefined) return 0;
      return Math.max(0, last + lockMs - now);
    },
    recordFailure(login: string): void {
      const now = options.clock.now().getTime();
      failures.set(login, [...recent(login, now), now]);
    },
    reset(login: string): void {
      failures.delete(login);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
