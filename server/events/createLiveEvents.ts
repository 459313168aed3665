import type { Clock } from '../clock';
import { liveEventTypeSchema, type LiveEvent } from '../../common/contract/central/liveEvents';
import type { CentralStore } from '../store/openCentralStore';
import { createLiveEventFeed, type LiveEventFeed, type LiveEventListener } from './liveEventFeed';
import { parseLiveEventId } from './liveEventId';
import { insertLiveEvent } from './liveEventInsert';
import type { LiveEventPublisher } from './liveEventPublisher';
import { deleteLiveEventsBefore } from './liveEventRetention';
import { readNewestLiveEventId } from './liveEventRows';
import { liveEventsChannel } from './liveEventsChannel';
import type { LiveEventsLogger } from './liveEventsLogger';
import { listenForLiveEvents, type PostgresWakeups } from './postgresWakeups';

export type LiveEventsOptions = {
  clock: Clock;
  logger: LiveEventsLogger;
  /** Events older than this are deleted (default 7 days); a client further behind pulls in full. */
  retentionDays?: number;
  /** PostgreSQL: the first delay before reopening a dropped LISTEN connection (default 250 ms). */
  reconnectDelayMs?: number;
  /** PostgreSQL: how often the LISTEN connection is checked (default 30 s). */
  heartbeatMs?: number;
  /** Rows read from the store at a time, live and on replay (default 500). */
  readBatchSize?: number;
};

export type LiveEvents = {
  publisher: LiveEventPublisher;
  /**
   * Every event after `afterId` (null: from now on), once each and in id order: the missed ones
   * from the store, then live ones. Returns the unsubscribe function. A malformed id throws.
   */
  subscribe(afterId: string | null, listener: LiveEventListener): () => void;
  /** Deletes the events past retention now (publish also does it, at most hourly); how many. */
  deleteExpired(): Promise<number>;
  subscriberCount(): number;
  /** Ends every subscription (`closing`) and stops listening; the store stays open. */
  close(): Promise<void>;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const RETENTION_EVERY_MS = 60 * 60 * 1000;
const LARGEST_DATA_BYTES = 64 * 1024;

/**
 * The server's live events: stored in `live_events`, fanned out to this process's subscribers,
 * and on PostgreSQL to every other server process sharing the schema (each LISTENs; a publish
 * NOTIFYs in the transaction of its insert). Call `close()` before closing the store.
 */
export async function createLiveEvents(
  store: Pick<CentralStore, 'db' | 'dialect' | 'postgres'>,
  options: LiveEventsOptions,
): Promise<LiveEvents> {
  const { db, dialect } = store;
  const { clock, logger } = options;
  const retentionMs = (options.retentionDays ?? 7) * DAY_MS;
  if (!(retentionMs > 0))
    throw new Error(`retentionDays must be more than 0, not ${options.retentionDays}.`);
  const channel = store.postgres ? liveEventsChannel(store.postgres.schema) : null;

  let feed: LiveEventFeed | null = null;
  let wokenBeforeFeed = false;
  let wakeups: PostgresWakeups | null = null;
  if (store.postgres && channel) {
    // LISTEN before reading where to start, so nothing committed in between goes unnoticed.
    wakeups = await listenForLiveEvents({
      url: store.postgres.url,
      schema: store.postgres.schema,
      channel,
      logger,
      reconnectDelayMs: options.reconnectDelayMs,
      heartbeatMs: options.heartbeatMs,
      onNotify: (id) => {
        if (!feed) wokenBeforeFeed = true;
        else if (id === null || id > feed.deliveredThrough()) feed.wake();
      },
      onReconnected: () => feed?.wake(),
    });
  }
  try {
    feed = createLiveEventFeed({
      db,
      logger,
      startAfter: (await readNewestLiveEventId(db)) ?? 0n,
      batchSize: options.readBatchSize,
    });
  } catch (error) {
    await wakeups?.close();
    throw error;
  }
  if (wokenBeforeFeed) feed.wake();
  const liveFeed = feed;

  let closed = false;
  let lastRetentionAt: number | null = null;

  async function deleteExpired(): Promise<number> {
    const cutoff = new Date(clock.now().getTime() - retentionMs).toISOString();
    return deleteLiveEventsBefore(db, cutoff);
  }

  /** At most hourly, after a publish: cheap (an indexed range), and no timer to manage. */
  async function deleteExpiredNowAndThen(): Promise<void> {
    const now = clock.now().getTime();
    if (lastRetentionAt !== null && now - lastRetentionAt < RETENTION_EVERY_MS) return;
    lastRetentionAt = now;
    try {
      const deleted = await deleteExpired();
      if (deleted > 0) logger.info({ deleted }, 'Live events: deleted events past retention');
    } catch (error) {
      logger.warn({ err: error }, 'Live events: deleting events past retention failed');
    }
  }

  const publisher: LiveEventPublisher = {
    async publish(type, data) {
      if (closed) throw new Error(`Live events are closed: "${type}" was not published.`);
      const json = serializeEventData(type, data);
      await insertLiveEvent(db, dialect, channel, {
        type,
        data: json,
        at: clock.now().toISOString(),
      });
      liveFeed.wake();
      await deleteExpiredNowAndThen();
    },
  };

  return {
    publisher,
    subscribe: (afterId, listener) =>
      liveFeed.subscribe(afterId === null ? null : parseLiveEventId(afterId), listener),
    deleteExpired,
    subscriberCount: () => liveFeed.subscriberCount(),
    async close() {
      closed = true;
      await wakeups?.close();
      await liveFeed.close();
    },
  };
}

/** Checks what a caller publishes and turns it into the stored JSON, with a clear error if bad. */
function serializeEventData(type: LiveEvent['type'], data: LiveEvent['data']): string {
  if (!liveEventTypeSchema.safeParse(type).success) {
    throw new Error(
      `"${String(type)}" is not a live event type (${liveEventTypeSchema.options.join(', ')}).`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`The data of a "${type}" event must be an object.`);
  }
  let json: string;
  try {
    json = JSON.stringify(data);
  } catch (error) {
    throw new Error(
      `The data of a "${type}" event cannot be written as JSON: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const bytes = Buffer.byteLength(json);
  if (bytes > LARGEST_DATA_BYTES) {
    throw new Error(
      `The data of a "${type}" event is ${bytes} bytes; at most ${LARGEST_DATA_BYTES} (an event says what changed, clients pull the rest).`,
    );
  }
  return json;
}
