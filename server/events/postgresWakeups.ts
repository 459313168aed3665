import pg from 'pg';
import type { LiveEventsLogger } from './liveEventsLogger';

export type PostgresWakeupsOptions = {
  url: string;
  schema: string | undefined;
  channel: string;
  logger: LiveEventsLogger;
  /** A NOTIFY arrived; its payload is the new event's id (null if unreadable). */
  onNotify(id: bigint | null): void;
  /** LISTEN is back after a drop: whatever was published meanwhile must be read now. */
  onReconnected(): void;
  /** How long the first reconnect waits; it doubles up to 30 s. */
  reconnectDelayMs?: number;
  /** How often the connection is checked with a query (a silently dead TCP link sends no error). */
  heartbeatMs?: number;
};

export type PostgresWakeups = { close(): Promise<void> };

const LONGEST_RECONNECT_DELAY_MS = 30_000;

/**
 * The dedicated connection on which this process LISTENs for its schema's live events (a pooled
 * connection cannot LISTEN: it is handed to other queries and may be recycled). If it drops, it
 * is opened again with a growing delay, and `onReconnected` lets the reader catch up from the
 * store, so an event published while nobody listened still reaches every client.
 */
export async function listenForLiveEvents(
  options: PostgresWakeupsOptions,
): Promise<PostgresWakeups> {
  const { logger, channel } = options;
  const firstDelayMs = options.reconnectDelayMs ?? 250;
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  let current: pg.Client | null = null;
  let closed = false;
  let failedAttempts = 0;
  let reconnectTimer: NodeJS.Timeout | null = null;

  async function connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: options.url,
      application_name: `okienko-live-events ${options.schema ?? ''}`.trim().slice(0, 63),
      keepAlive: true,
      query_timeout: Math.max(1000, Math.floor(heartbeatMs / 2)),
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    client.on('notification', (message) => {
      if (message.channel !== channel) return;
      options.onNotify(
        message.payload && /^\d{1,19}$/.test(message.payload) ? BigInt(message.payload) : null,
      );
    });
    client.on('error', (error) => lost(client, error));
    client.on('end', () => lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN "${channel}"`);
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    return client;
  }

  function lost(client: pg.Client, error: Error | null): void {
    if (client !== current || closed) return;
    current = null;
    logger.warn(
      { err: error ?? undefined, channel },
      'Live events: the LISTEN connection to PostgreSQL dropped; reconnecting',
    );
    client.end().catch(() => {});
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    const delay = Math.min(LONGEST_RECONNECT_DELAY_MS, firstDelayMs * 2 ** failedAttempts);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect().then(
        (client) => {
          if (closed) {
            client.end().catch(() => {});
            return;
          }
          current = client;
          failedAttempts = 0;
          logger.info({ channel }, 'Live events: listening to PostgreSQL again; catching up');
          options.onReconnected();
        },
        (error: unknown) => {
          if (closed) return;
          failedAttempts += 1;
          logger.warn(
            { err: error, channel },
            'Live events: reconnecting the LISTEN connection failed',
          );
          scheduleReconnect();
        },
      );
    }, delay);
  }

  const heartbeat = setInterval(() => {
    const client = current;
    client
      ?.query('select 1')
      .catch((error: unknown) => lost(client, error instanceof Error ? error : null));
  }, heartbeatMs);
  heartbeat.unref();

  current = await connect().catch((error: unknown) => {
    clearInterval(heartbeat);
    throw new Error(
      `Live events could not LISTEN on PostgreSQL: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  });

  return {
    async close() {
      closed = true;
      clearInterval(heartbeat);
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const client = current;
      current = null;
      await client?.end().catch(() => {});
    },
  };
}
