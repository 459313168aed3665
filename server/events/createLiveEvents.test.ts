import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveEventSchema } from '../../common/contract/central/liveEvents';
import { createLiveEvents, type LiveEvents, type LiveEventsOptions } from './createLiveEvents';
import {
  nextTurn,
  openTestStores,
  receive,
  recordingLogger,
  testClock,
  type TestStores,
} from './testing/liveEventsTesting';

const DAY_MS = 24 * 60 * 60 * 1000;
const waitLong = { timeout: 10_000, interval: 5 };

describe.each(['sqlite', 'postgres'] as const)('live events on %s', (kind) => {
  let stores: TestStores;
  const opened: LiveEvents[] = [];

  async function start(options: Partial<LiveEventsOptions> = {}) {
    stores ??= await openTestStores(kind);
    const liveEvents = await createLiveEvents(stores.store, {
      clock: testClock(),
      logger: recordingLogger().logger,
      ...options,
    });
    opened.push(liveEvents);
    return liveEvents;
  }

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((each) => each.close()));
    await stores?.close();
    stores = undefined as unknown as TestStores;
  });

  async function publishNumbered(liveEvents: LiveEvents, from: number, count: number) {
    for (let n = from; n < from + count; n++) {
      await liveEvents.publisher.publish('mutation.applied', { n });
    }
  }

  it('hands a published event to a subscriber, as the contract describes it', async () => {
    const clock = testClock('2025-09-01T08:15:00.000Z');
    const liveEvents = await start({ clock });
    const received = receive(liveEvents, null);

    await liveEvents.publisher.publish('reference.changed', { entity: 'sites', seq: '17' });

    await vi.waitFor(() => expect(received.events).toHaveLength(1), waitLong);
    const event = liveEventSchema.parse(received.events[0]);
    expect(event).toMatchObject({
      type: 'reference.changed',
      at: '2025-09-01T08:15:00.000Z',
      data: { entity: 'sites', seq: '17' },
    });
    expect(event.id).toMatch(/^\d+$/);
  });

  it('resumes after an id with exactly the later events, in order, then live ones', async () => {
    const liveEvents = await start();
    const seen = receive(liveEvents, null);
    await publishNumbered(liveEvents, 1, 5);
    await vi.waitFor(() => expect(seen.events).toHaveLength(5), waitLong);
    const secondId = seen.events[1]!.id;

    const resumed = receive(liveEvents, secondId);
    await vi.waitFor(() => expect(resumed.events).toHaveLength(3), waitLong);
    await publishNumbered(liveEvents, 6, 2);

    await vi.waitFor(() => expect(resumed.events).toHaveLength(5), waitLong);
    expect(resumed.events.map((event) => event.data.n)).toEqual([3, 4, 5, 6, 7]);
    expect(resumed.events.map((event) => event.id)).toEqual(
      seen.events.slice(2).map((event) => event.id),
    );
  });

  it('delivers none twice and skips none across the replay/live seam while events keep coming', async () => {
    const liveEvents = await start({ readBatchSize: 4 });
    const all = receive(liveEvents, null);
    await publishNumbered(liveEvents, 1, 20);
    await vi.waitFor(() => expect(all.events).toHaveLength(20), waitLong);
    const firstId = all.events[0]!.id;

    // The replay yields between events, so the publishing below lands in the middle of it.
    const resumed = receive(liveEvents, firstId, nextTurn);
    await publishNumbered(liveEvents, 21, 30);

    await vi.waitFor(() => expect(all.events).toHaveLength(50), waitLong);
    await vi.waitFor(() => expect(resumed.events).toHaveLength(49), waitLong);
    expect(resumed.events.map((event) => event.id)).toEqual(
      all.events.slice(1).map((event) => event.id),
    );
    expect(resumed.events.map((event) => event.data.n)).toEqual(
      Array.from({ length: 49 }, (_, i) => i + 2),
    );
  });

  it('starts a subscriber without an id at what comes next', async () => {
    const liveEvents = await start();
    const earlier = receive(liveEvents, null);
    await publishNumbered(liveEvents, 1, 2);
    await vi.waitFor(() => expect(earlier.events).toHaveLength(2), waitLong);
    const received = receive(liveEvents, null);
    await publishNumbered(liveEvents, 3, 1);
    await vi.waitFor(() => expect(received.events).toHaveLength(1), waitLong);
    expect(received.events[0]!.data).toEqual({ n: 3 });
  });

  it('stops delivering to a subscriber that unsubscribed', async () => {
    const liveEvents = await start();
    const leaving = receive(liveEvents, null);
    const staying = receive(liveEvents, null);
    await publishNumbered(liveEvents, 1, 1);
    await vi.waitFor(() => expect(leaving.events).toHaveLength(1), waitLong);

    leaving.unsubscribe();
    await publishNumbered(liveEvents, 2, 1);
    await vi.waitFor(() => expect(staying.events).toHaveLength(2), waitLong);
    expect(leaving.events).toHaveLength(1);
    expect(liveEvents.subscriberCount()).toBe(1);
  });

  it('refuses bad input with a clear error and stores nothing', async () => {
    const liveEvents = await start();
    const received = receive(liveEvents, null);
    await expect(
      liveEvents.publisher.publish('ticket.called' as 'mutation.applied', { ticket: 'B017' }),
    ).rejects.toThrow(/"ticket.called" is not a live event type/);
    await expect(
      liveEvents.publisher.publish('mutation.applied', { big: 'x'.repeat(70_000) }),
    ).rejects.toThrow(/at most 65536/);
    expect(() => liveEvents.subscribe('12a', { onEvent() {}, onEnd() {} })).toThrow(/digits only/);

    await liveEvents.publisher.publish('mutation.applied', { n: 1 });
    await vi.waitFor(() => expect(received.events).toHaveLength(1), waitLong);
    expect(received.events[0]!.data).toEqual({ n: 1 });
    const rows = await stores.store.db.selectFrom('live_events').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  it('moves past a stored event it cannot read, reporting it, instead of stalling the stream', async () => {
    const { logger, lines } = recordingLogger();
    const liveEvents = await start({ logger });
    const received = receive(liveEvents, null);
    await stores.store.db
      .insertInto('live_events')
      .values({ type: 'ticket.called', data: '{"ticket":"B017"}', at: '2025-09-01T08:00:00.000Z' })
      .execute();
    await publishNumbered(liveEvents, 1, 1);

    await vi.waitFor(() => expect(received.events).toHaveLength(1), waitLong);
    expect(received.events[0]!.data).toEqual({ n: 1 });
    expect(lines).toContainEqual({
      level: 'error',
      message: 'Live events: a stored event does not parse; skipped',
    });
  });

  it('deletes events past retention on a later publish, keeping the newest', async () => {
    const clock = testClock();
    const liveEvents = await start({ clock, retentionDays: 7 });
    const received = receive(liveEvents, null);
    await publishNumbered(liveEvents, 1, 3);
    clock.advance(6 * DAY_MS);
    await publishNumbered(liveEvents, 4, 1);
    clock.advance(2 * DAY_MS);
    await publishNumbered(liveEvents, 5, 1);

    const rows = await stores.store.db
      .selectFrom('live_events')
      .select(['id', 'data'])
      .orderBy('id')
      .execute();
    expect(rows.map((row) => JSON.parse(row.data))).toEqual([{ n: 4 }, { n: 5 }]);

    clock.advance(30 * DAY_MS);
    expect(await liveEvents.deleteExpired()).toBe(1);
    const left = await stores.store.db.selectFrom('live_events').select('data').execute();
    expect(left.map((row) => JSON.parse(row.data))).toEqual([{ n: 5 }]);
    await vi.waitFor(() => expect(received.events).toHaveLength(5), waitLong);
  });

  it('tells a client resuming from a deleted or never-issued id to pull in full', async () => {
    const clock = testClock();
    const liveEvents = await start({ clock, retentionDays: 1 });
    const all = receive(liveEvents, null);
    await publishNumbered(liveEvents, 1, 3);
    clock.advance(2 * DAY_MS);
    await publishNumbered(liveEvents, 4, 1);
    await vi.waitFor(() => expect(all.events).toHaveLength(4), waitLong);
    const ids = all.events.map((event) => event.id);

    const tooOld = receive(liveEvents, ids[0]!);
    const neverIssued = receive(liveEvents, String(BigInt(ids[3]!) + 100n));
    const justInTime = receive(liveEvents, ids[2]!);

    await vi.waitFor(() => expect(tooOld.ends).toHaveLength(1), waitLong);
    expect(tooOld.ends[0]).toMatchObject({
      reason: 'resume-expired',
      message: /deleted by retention/,
    });
    expect(tooOld.events).toEqual([]);
    await vi.waitFor(() => expect(neverIssued.ends).toHaveLength(1), waitLong);
    expect(neverIssued.ends[0]).toMatchObject({
      reason: 'resume-expired',
      message: /never issued/,
    });
    await vi.waitFor(() => expect(justInTime.events).toHaveLength(1), waitLong);
    expect(justInTime.events[0]!.data).toEqual({ n: 4 });
    expect(justInTime.ends).toEqual([]);
  });

  it('ends subscriptions on close and publishes nothing afterwards', async () => {
    const liveEvents = await start();
    const received = receive(liveEvents, null);
    await liveEvents.close();
    expect(received.ends).toEqual([{ reason: 'closing', message: expect.any(String) }]);
    await expect(liveEvents.publisher.publish('mutation.applied', { n: 1 })).rejects.toThrow(
      /closed/,
    );
  });
});
