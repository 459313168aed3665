import type { Clock } from '../../main/app/clock';
import type { SyncTimers } from '../../main/sync/syncTimers';

/** Lets queued promise callbacks run (the fakes answer at once), without waiting on wall time. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A clock and timers that move only when the test says so: `advance(ms)` fires every timer that
 * falls due, in order, letting the work each one starts finish before the next.
 */
export function createManualTime(start = '2025-03-03T08:00:00.000Z') {
  let now = Date.parse(start);
  let nextId = 1;
  const due = new Map<number, { at: number; callback: () => void }>();

  const clock: Clock = { now: () => new Date(now) };
  const timers: SyncTimers = {
    setTimeout(callback, ms) {
      const id = nextId++;
      due.set(id, { at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle) {
      due.delete(handle as number);
    },
  };

  return {
    clock,
    timers,
    now: () => new Date(now),
    /** Delays (from now) of the timers still waiting, soonest first. */
    scheduled(): number[] {
      return [...due.values()].map((timer) => timer.at - now).sort((a, b) => a - b);
    },
    async advance(ms: number): Promise<void> {
      const end = now + ms;
      for (;;) {
        let next: [number, { at: number; callback: () => void }] | undefined;
        for (const entry of due)
          if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
        if (!next) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].callback();
        await settle();
      }
      now = end;
      await settle();
    },
  };
}

export type ManualTime = ReturnType<typeof createManualTime>;
