/**
 * The timers the sync engine schedules with: injected, so a test moves time on by hand instead
 * of waiting for it.
 */
export type SyncTimers = {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export const systemTimers: SyncTimers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    // A pending retry must not keep a closing process alive.
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

export type Backoff = { baseMs: number; maxMs: number };

/**
 * The wait before try number `failures + 1` after `failures` failed in a row: doubling from
 * `baseMs` up to `maxMs`, then a random part taken off (between none and half), so that all the
 * counters of a city hall do not come back at the same second after an outage.
 */
export function backoffDelay(failures: number, backoff: Backoff, random: () => number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** exponent);
  return Math.round(ceiling * (1 - random() / 2));
}
