import type { Kysely } from 'kysely';
import type { LiveEvent } from '../../common/contract/central/liveEvents';
import type { CentralDatabase } from '../store/centralDatabase';
import { resumeProblem } from './liveEventResume';
import { readPrunedThroughId } from './liveEventRetention';
import { readLiveEventsAfter, readNewestLiveEventId, type StoredLiveEvent } from './liveEventRows';
import type { LiveEventsLogger } from './liveEventsLogger';

export type LiveSubscriptionEnd = {
  /**
   * `resume-expired`: the client's id is older than retention or was never issued here, so it
   * must pull in full; `failed`: reading the store failed; `closing`: the server is stopping.
   */
  reason: 'resume-expired' | 'failed' | 'closing';
  message: string;
};

export type LiveEventListener = {
  /** Each event once, in id order: first the replay from the store, then live ones. */
  onEvent(event: LiveEvent): void;
  /** The subscription ended from the server's side; no event follows. Not called on unsubscribe. */
  onEnd(end: LiveSubscriptionEnd): void;
  /** Paces the replay: return a promise to make it wait (a socket whose buffer is full). */
  drained?(): Promise<void> | void;
};

export type LiveEventFeed = {
  /** Something may have been stored: read what is new and hand it to the live subscribers. */
  wake(): void;
  subscribe(afterId: bigint | null, listener: LiveEventListener): () => void;
  /** The highest id this process has fanned out. */
  deliveredThrough(): bigint;
  subscriberCount(): number;
  close(): Promise<void>;
};

type Subscription = {
  /** The last id this subscriber got (or skipped): it never gets one at or below it again. */
  cursor: bigint;
  listener: LiveEventListener;
  state: 'replaying' | 'live' | 'ended';
};

/**
 * One process's reader of the event store. Every wake-up reads the rows after the last id it
 * fanned out, so any number of wake-ups (an in-process publish, a NOTIFY, a reconnect) cost one
 * read and lose nothing. A subscriber that resumes from an older id replays from the store on its
 * own cursor, batch by batch, and joins the live set only once its cursor has reached the feed's;
 * from then on the feed hands it only ids above its cursor. Since ids commit in order (see
 * liveEventInsert), that seam has no gap and no duplicate, whatever is published meanwhile, and a
 * replaying subscriber buffers nothing: what arrives meanwhile it reads from the store.
 */
export function createLiveEventFeed(options: {
  db: Kysely<CentralDatabase>;
  logger: LiveEventsLogger;
  startAfter: bigint;
  batchSize?: number;
  retryDelayMs?: number;
}): LiveEventFeed {
  const { db, logger } = options;
  const batchSize = options.batchSize ?? 500;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const all = new Set<Subscription>();
  const live = new Set<Subscription>();
  let delivered = options.startAfter;
  let pumping: Promise<void> | null = null;
  let wokenWhilePumping = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let closed = false;

  function wake(): void {
    if (closed) return;
    if (pumping) {
      wokenWhilePumping = true;
      return;
    }
    pumping = pump().finally(() => {
      pumping = null;
    });
  }

  async function pump(): Promise<void> {
    do {
      wokenWhilePumping = false;
      try {
        for (;;) {
          const rows = await readLiveEventsAfter(db, delivered, batchSize);
          for (const row of rows) fanOut(row);
          if (rows.length < batchSize || closed) break;
        }
      } catch (error) {
        logger.error({ err: error }, 'Live events: reading new events failed; retrying');
        retryTimer ??= setTimeout(() => {
          retryTimer = null;
          wake();
        }, retryDelayMs);
        return;
      }
    } while (wokenWhilePumping && !closed);
  }

  function fanOut(row: StoredLiveEvent): void {
    if (row.id <= delivered) return;
    delivered = row.id;
    if (row.event === null) reportUnreadable(row);
    for (const subscription of live) deliver(subscription, row);
  }

  function deliver(subscription: Subscription, row: StoredLiveEvent): void {
    if (row.id <= subscription.cursor) return;
    subscription.cursor = row.id;
    if (row.event === null) return;
    try {
      subscription.listener.onEvent(row.event);
    } catch (error) {
      logger.error({ err: error }, 'Live events: a subscriber failed on an event; it is dropped');
      end(subscription, { reason: 'failed', message: 'The server failed to send an event.' });
    }
  }

  function reportUnreadable(row: StoredLiveEvent): void {
    logger.error(
      { id: String(row.id), problem: row.problem },
      'Live events: a stored event does not parse; skipped',
    );
  }

  function end(subscription: Subscription, reason: LiveSubscriptionEnd): void {
    if (subscription.state === 'ended') return;
    subscription.state = 'ended';
    live.delete(subscription);
    all.delete(subscription);
    try {
      subscription.listener.onEnd(reason);
    } catch (error) {
      logger.error({ err: error }, 'Live events: a subscriber failed while ending');
    }
  }

  async function replay(subscription: Subscription): Promise<void> {
    let checkedResume = false;
    for (;;) {
      const rows = await readLiveEventsAfter(db, subscription.cursor, batchSize);
      if (subscription.state !== 'replaying') return;
      if (!checkedResume) {
        checkedResume = true;
        const [newestId, prunedThroughId] = await Promise.all([
          readNewestLiveEventId(db),
          readPrunedThroughId(db),
        ]);
        if (subscription.state !== 'replaying') return;
        const problem = resumeProblem(subscription.cursor, { newestId, prunedThroughId });
        if (problem !== null) {
          end(subscription, { reason: 'resume-expired', message: problem });
          return;
        }
      }
      for (const row of rows) {
        if (row.event === null) reportUnreadable(row);
        deliver(subscription, row);
        const ready = subscription.listener.drained?.();
        if (ready) await ready;
        if (subscription.state !== 'replaying') return;
      }
      // Nothing awaits between this check and joining the live set, so the feed cannot move
      // past the cursor in between.
      if (rows.length < batchSize && subscription.cursor >= delivered) {
        subscription.state = 'live';
        live.add(subscription);
        return;
      }
    }
  }

  function subscribe(afterId: bigint | null, listener: LiveEventListener): () => void {
    if (closed) throw new Error('Live events are closed: no new subscriptions.');
    // Without an id: everything this process has not fanned out yet, so nothing committed after
    // this call is missed (one published just before it may come too, which does no harm).
    const subscription: Subscription = {
      cursor: afterId ?? delivered,
      listener,
      state: afterId === null ? 'live' : 'replaying',
    };
    all.add(subscription);
    if (afterId === null) {
      live.add(subscription);
    } else {
      replay(subscription).catch((error: unknown) => {
        if (subscription.state === 'ended') return;
        logger.error({ err: error }, 'Live events: replaying missed events failed');
        end(subscription, {
          reason: 'failed',
          message: 'The server could not read the missed events.',
        });
      });
    }
    return () => {
      subscription.state = 'ended';
      live.delete(subscription);
      all.delete(subscription);
    };
  }

  async function close(): Promise<void> {
    closed = true;
    if (retryTimer) clearTimeout(retryTimer);
    await pumping;
    for (const subscription of [...all]) {
      end(subscription, { reason: 'closing', message: 'The server is stopping.' });
    }
  }

  return {
    wake,
    subscribe,
    deliveredThrough: () => delivered,
    subscriberCount: () => all.size,
    close,
  };
}
