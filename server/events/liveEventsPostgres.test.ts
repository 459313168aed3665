import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLiveEvents, type LiveEvents } from './createLiveEvents';
import {
  openTestStores,
  receive,
  recordingLogger,
  testClock,
  TEST_PG_URL,
  type TestStores,
} from './testing/liveEventsTesting';

// Several server processes on one PostgreSQL, simulated by instances with their own pools and
// LISTEN connections on one schema.

const waitLong = { timeout: 15_000, interval: 5 };

describe('live events across server processes sharing PostgreSQL', () => {
  let stores: TestStores | undefined;
  const opened: LiveEvents[] = [];

  async function startProcess() {
    stores ??= await openTestStores('postgres');
    const store = opened.length === 0 ? stores.store : await stores.openAnother();
    const recording = recordingLogger();
    const liveEvents = await createLiveEvents(store, {
      clock: testClock(),
      logger: recording.logger,
      reconnectDelayMs: 20,
    });
    opened.push(liveEvents);
    return { liveEvents, lines: recording.lines, schema: store.postgres?.schema ?? '' };
  }

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((each) => each.close()));
    await stores?.close();
    stores = undefined;
  });

  it('hands an event published on one process to a subscriber on another', async () => {
    const a = await startProcess();
    const b = await startProcess();
    const onA = receive(a.liveEvents, null);
    const onB = receive(b.liveEvents, null);

    await a.liveEvents.publisher.publish('reference.changed', { entity: 'categories' });
    await vi.waitFor(() => expect(onB.events).toHaveLength(1), waitLong);
    await b.liveEvents.publisher.publish('mutation.applied', { mutationId: 'm-1' });
    await vi.waitFor(() => expect(onA.events).toHaveLength(2), waitLong);

    expect(onB.events[0]!.data).toEqual({ entity: 'categories' });
    await vi.waitFor(() => expect(onB.events).toHaveLength(2), waitLong);
    expect(onA.events).toEqual(onB.events);
  });

  it('shows every process the same events in id order when both publish at once', async () => {
    const a = await startProcess();
    const b = await startProcess();
    const onA = receive(a.liveEvents, null);
    const onB = receive(b.liveEvents, null);

    const publishing = (process: LiveEvents, name: string) =>
      Promise.all(
        Array.from({ length: 25 }, (_, n) =>
          process.publisher.publish('mutation.applied', { name, n }),
        ),
      );
    await Promise.all([publishing(a.liveEvents, 'a'), publishing(b.liveEvents, 'b')]);

    await vi.waitFor(() => expect(onA.events).toHaveLength(50), waitLong);
    await vi.waitFor(() => expect(onB.events).toHaveLength(50), waitLong);
    const ids = onA.events.map((event) => BigInt(event.id));
    expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : 1)));
    expect(new Set(ids).size).toBe(50);
    expect(onB.events).toEqual(onA.events);
  });

  it('listens again after its connection drops and catches up on what it missed', async () => {
    const a = await startProcess();
    const b = await startProcess();
    const onA = receive(a.liveEvents, null);

    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    try {
      // Both processes' LISTEN connections carry the schema in their application name; end A's.
      const listeners = await admin.query<{ pid: number }>(
        `select pid from pg_stat_activity where application_name = $1 order by backend_start`,
        [`okienko-live-events ${a.schema}`.slice(0, 63)],
      );
      expect(listeners.rows).toHaveLength(2);
      await admin.query('select pg_terminate_backend($1)', [listeners.rows[0]!.pid]);
    } finally {
      await admin.end();
    }
    await b.liveEvents.publisher.publish('mutation.applied', { while: 'a was not listening' });

    await vi.waitFor(() => expect(onA.events).toHaveLength(1), waitLong);
    expect(onA.events[0]!.data).toEqual({ while: 'a was not listening' });
    await vi.waitFor(
      () =>
        expect(a.lines.map((line) => line.message)).toContain(
          'Live events: listening to PostgreSQL again; catching up',
        ),
      waitLong,
    );
    expect(a.lines.some((line) => line.level === 'warn' && /dropped/.test(line.message))).toBe(
      true,
    );

    await b.liveEvents.publisher.publish('mutation.applied', { after: 'reconnect' });
    await vi.waitFor(() => expect(onA.events).toHaveLength(2), waitLong);
  });
});
