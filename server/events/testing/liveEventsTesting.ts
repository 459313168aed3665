import { randomBytes } from 'node:crypto';
import type { LiveEvent } from '../../../common/contract/central/liveEvents';
import type { Clock } from '../../clock';
import {
  dropPostgresSchema,
  openCentralStore,
  type CentralStore,
} from '../../store/openCentralStore';
import type { LiveSubscriptionEnd } from '../liveEventFeed';
import type { LiveEvents } from '../createLiveEvents';
import type { LiveEventsLogger } from '../liveEventsLogger';

export const TEST_PG_URL =
  process.env.OKIENKO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestStores = {
  store: CentralStore;
  /** Another store on the same data (PostgreSQL: its own pool, as another server process has). */
  openAnother(): Promise<CentralStore>;
  /** Closes every store opened here and drops the test schema. */
  close(): Promise<void>;
};

/** A fresh, migrated store: SQLite in memory, or PostgreSQL in a schema of its own. */
export async function openTestStores(kind: 'sqlite' | 'postgres'): Promise<TestStores> {
  if (kind === 'sqlite') {
    const store = await openCentralStore({ kind: 'sqlite', file: ':memory:' });
    return {
      store,
      openAnother: () => Promise.reject(new Error('An in-memory SQLite store cannot be shared.')),
      close: () => store.close(),
    };
  }
  const schema = `live_events_test_${randomBytes(6).toString('hex')}`;
  const opened: CentralStore[] = [];
  const open = async () => {
    const store = await openCentralStore({
      kind: 'postgres',
      url: TEST_PG_URL,
      schema,
      poolSize: 4,
    });
    opened.push(store);
    return store;
  };
  const store = await open();
  return {
    store,
    openAnother: open,
    async close() {
      await Promise.all(opened.map((each) => each.close()));
      await dropPostgresSchema(TEST_PG_URL, schema);
    },
  };
}

/** A clock that stands still until the test moves it. */
export function testClock(
  start = '2025-09-01T08:00:00.000Z',
): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
}

export type LogLine = { level: 'debug' | 'info' | 'warn' | 'error'; message: string };

/** A logger that keeps what it is told, so a test can check that a problem was reported. */
export function recordingLogger(): { logger: LiveEventsLogger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (first: unknown, second?: string): void => {
      lines.push({ level, message: typeof first === 'string' ? first : (second ?? '') });
    };
  return {
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    lines,
  };
}

export type Received = { events: LiveEvent[]; ends: LiveSubscriptionEnd[]; unsubscribe(): void };

/** Subscribes and keeps what arrives; `pace` runs between replayed events (to let others in). */
export function receive(
  liveEvents: LiveEvents,
  afterId: string | null,
  pace?: () => Promise<void>,
): Received {
  const received: Received = { events: [], ends: [], unsubscribe: () => {} };
  received.unsubscribe = liveEvents.subscribe(afterId, {
    onEvent: (event) => received.events.push(event),
    onEnd: (end) => received.ends.push(end),
    ...(pace ? { drained: pace } : {}),
  });
  return received;
}

/** Lets queued I/O callbacks run: a point where concurrent work can interleave. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
