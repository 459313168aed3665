import type { LiveEvent } from '../../../common/contract/central/liveEvents';
import type { Clock } from '../../clock';
import type { CentralStore } from '../../store/openCentralStore';
import { manualClock, openTestStore, TEST_PG_URL } from '../../testing/testStores';
import type { LiveSubscriptionEnd } from '../liveEventFeed';
import type { LiveEvents } from '../createLiveEvents';
import type { LiveEventsLogger } from '../liveEventsLogger';

export { TEST_PG_URL };

export type TestStores = {
  store: CentralStore;
  /** Another store on the same data (its own connections, as another server process has). */
  openAnother(): Promise<CentralStore>;
  /** Closes every store opened here and removes the test's file or schema. */
  close(): Promise<void>;
};

/** A fresh, migrated store of the server's test kit, with small PostgreSQL pools. */
export async function openTestStores(kind: 'sqlite' | 'postgres'): Promise<TestStores> {
  const test = await openTestStore(kind, { poolSize: 4 });
  return { store: test.store, openAnother: test.openAnother, close: test.dispose };
}

/** A clock that stands still until the test moves it. */
export function testClock(
  start = '2025-09-01T08:00:00.000Z',
): Clock & { advance(ms: number): void } {
  return manualClock(start);
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
