import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../common/contract/central/liveEvents';
import type { LiveConnectionState, QueuePanel } from '../../common/contract';
import { openDatabase } from '../db';
import { ServiceError } from '../ipc/serviceError';
import type { FetchFn } from '../central/centralHealthCheck';
import { createOutbox, type Outbox } from '../sync/outbox';
import { countOutbox, nextPendingBatch } from '../sync/outboxQueries';
import { createManualTime, settle, type ManualTime } from '../../test/support/manualTime';
import { sequentialIds } from '../../test/support/syncFixtures';
import { createQueueClient } from './queueClient';
import { createQueueService, type QueueSession } from './queueService';
import { createFakeQueueEngine, type FakeQueueEngine } from './testing/fakeQueueEngine';

const CLERK: QueueSession = { login: 'urzednik1', offline: false, token: 'session-1' };

let db: Database.Database;
let time: ManualTime;
let engine: FakeQueueEngine;
let published: QueuePanel[];
let session: QueueSession | null;
let live: LiveConnectionState;

beforeEach(() => {
  db = openDatabase(':memory:').db;
  time = createManualTime('2026-03-03T09:00:00.000Z');
  engine = createFakeQueueEngine();
  published = [];
  session = CLERK;
  live = 'off';
});

afterEach(() => db.close());

const silent = { info: () => {}, warn: () => {}, error: () => {} };

function serviceWith(
  options: { fetchFn?: FetchFn; outbox?: Pick<Outbox, 'enqueue'>; start?: boolean } = {},
) {
  const client = createQueueClient({
    baseUrl: 'http://central.test',
    fetchFn: options.fetchFn ?? engine.fetchFn,
    clock: time.clock,
    workstationToken: () => 'workstation-token-1',
  });
  const outbox =
    options.outbox ??
    createOutbox({ db, clock: time.clock, newId: sequentialIds(), onEnqueued() {} });
  const service = createQueueService({
    db,
    clock: time.clock,
    logger: silent,
    client,
    siteId: 'slaska',
    counterNumber: 1,
    session: () => session,
    outbox,
    newId: () => '11111111-1111-4111-8111-111111111111',
    publish: (panel) => published.push(panel),
    liveState: () => live,
    timers: time.timers,
  });
  if (options.start !== false) service.start();
  return service;
}

function queueChanged(siteId: string, id = '1', change = 'ticket-issued'): LiveEvent {
  return {
    id,
    type: 'queue.changed',
    at: '2026-03-03T09:00:00.000Z',
    data: {
      siteId,
      change,
      ticketId: null,
      ticketNumber: null,
      counterId: null,
      counterNumber: null,
    },
  };
}

async function refusal(action: () => Promise<unknown> | unknown): Promise<ServiceError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('the action was not refused');
}

const waitingIn = (panel: QueuePanel, prefix: string) =>
  panel.categories.find((category) => category.prefix === prefix)?.waiting;

describe('the counter panel from the queue engine', () => {
  it("reads this counter and its categories' queues with the workstation token and the clerk's session", async () => {
    engine.issue(1, 'A');
    engine.issue(2, 'B');
    const queue = serviceWith();
    const panel = await queue.state();

    expect(panel).toMatchObject({
      link: 'online',
      problem: null,
      counter: { counterId: 'slaska.1', state: 'closed' },
      rules: { noShowMinRecalls: 2, requiredFinishFields: ['outcome'] },
    });
    // The counter's categories in its order, with numbers only.
    expect(panel.categories.map((c) => [c.prefix, c.waiting, c.next.map((t) => t.number)])).toEqual(
      [
        ['A', 1, ['A001']],
        ['B', 1, ['B002']],
      ],
    );
    const read = engine.state.requests.find((r) => r.path === '/api/v1/queue/counter');
    expect(read?.headers.get('x-okienko-workstation')).toBe('workstation-token-1');
    expect(read?.headers.get('authorization')).toBe('Bearer session-1');
    expect(published.at(-1)?.link).toBe('online');
  });

  it('asks nothing of the engine while nobody is logged in, and refuses commands', async () => {
    session = null;
    const queue = serviceWith();
    expect((await queue.state()).link).toBe('idle');
    expect(engine.state.requests).toHaveLength(0);
    expect((await refusal(() => queue.callNext())).code).toBe('not-logged-in');
  });

  it('says an offline login cannot call tickets, without asking the engine', async () => {
    session = { login: 'urzednik1', offline: true, token: null };
    const queue = serviceWith();
    expect((await queue.state()).link).toBe('offline-session');
    expect((await refusal(() => queue.callNext())).code).toBe('offline-session');
    expect(engine.state.requests).toHaveLength(0);
  });

  it('answers each command with the panel after it: open, call next, recall, finish', async () => {
    engine.issue(1, 'A');
    engine.issue(2, 'A');
    const queue = serviceWith();
    await queue.state();

    expect((await queue.open()).counter?.state).toBe('open');
    const called = await queue.callNext();
    expect(called.counter?.currentTicket?.number).toBe('A001');
    expect(waitingIn(called, 'A')).toBe(1);
    expect((await queue.recall()).counter?.currentTicket?.recalls).toBe(1);
    const finished = await queue.finish({ services: [], outcome: 'settled' });
    expect(finished.counter?.currentTicket).toBeNull();
    expect(finished.counter?.servedToday).toBe(1);
    expect(engine.state.requests.find((r) => r.path.endsWith('/finish'))?.body).toEqual({
      services: [],
      outcome: 'settled',
    });
    // Every change reached the windows.
    expect(published.map((p) => p.counter?.currentTicket?.number ?? null)).toContain('A001');
  });
});

describe("the engine's refusals", () => {
  it('come back typed, with the reason as the code and the message for a person', async () => {
    const queue = serviceWith();
    await queue.state();
    const closed = await refusal(() => queue.callNext());
    expect(closed.code).toBe('counter-closed');
    expect(closed.message).toBe('Counter 1 is closed: open it first.');

    engine.issue(1);
    await queue.open();
    await queue.callNext();
    const early = await refusal(() => queue.noShow());
    expect(early.code).toBe('no-show-too-early');
    await queue.recall();
    await queue.recall();
    expect((await queue.noShow()).counter?.currentTicket).toBeNull();
  });

  it('read the panel again, since a refusal often means it was behind', async () => {
    const queue = serviceWith();
    await queue.state();
    const before = engine.overviewReads();
    await refusal(() => queue.recall());
    expect(engine.overviewReads()).toBe(before + 1);
  });

  it('without a reason are "refused"; a 401 is "unauthorized"', async () => {
    const queue = serviceWith();
    await queue.state();
    engine.state.answerOnce.set(
      '/api/v1/queue/counter/open',
      () =>
        new Response(JSON.stringify({ error: { code: 'forbidden', message: 'Not your site' } }), {
          status: 403,
        }),
    );
    const forbidden = await refusal(() => queue.open());
    expect([forbidden.code, forbidden.message]).toEqual(['refused', 'Not your site']);

    session = { login: 'urzednik1', offline: false, token: 'expired' };
    engine.state.answerOnce.set(
      '/api/v1/queue/counter/open',
      () =>
        new Response(
          JSON.stringify({ error: { code: 'unauthenticated', message: 'Session expired' } }),
          { status: 401 },
        ),
    );
    expect((await refusal(() => queue.open())).code).toBe('unauthorized');
    expect(published.at(-1)).toMatchObject({
      link: 'refused',
      problem: 'Session expired',
      problemCode: 'unauthorized',
    });
  });

  it('an unreachable server is "central-unreachable", and the panel goes offline at once', async () => {
    const queue = serviceWith();
    await queue.state();
    engine.state.down = true;
    const error = await refusal(() => queue.open());
    expect(error.code).toBe('central-unreachable');
    expect(error.message).toMatch(/papierowego biletu/);
    expect(published.at(-1)?.link).toBe('offline');
  });
});

describe('live updates', () => {
  it("a queue.changed of this site is read at once (another counter's call shows without polling)", async () => {
    engine.issue(1, 'A');
    engine.issue(2, 'A');
    const queue = serviceWith();
    expect(waitingIn(await queue.state(), 'A')).toBe(2);

    engine.state.waiting.shift(); // another counter called A001
    queue.liveEvent(queueChanged('slaska'));
    await settle();
    expect(waitingIn(published.at(-1)!, 'A')).toBe(1);
    expect(time.scheduled().every((ms) => ms > 0)).toBe(true);
  });

  it("ignores another site's changes and a malformed event", async () => {
    const queue = serviceWith();
    await queue.state();
    const reads = engine.overviewReads();
    queue.liveEvent(queueChanged('waszyngtona'));
    queue.liveEvent({ ...queueChanged('slaska'), data: { siteId: 'slaska' } });
    queue.liveEvent({ ...queueChanged('slaska'), type: 'reference.changed' });
    await settle();
    expect(engine.overviewReads()).toBe(reads);
  });

  it('an event that comes while a read is on its way is read after it, not lost', async () => {
    engine.issue(1, 'A');
    const queue = serviceWith();
    await queue.state();
    // The first read of the overview is held; meanwhile a ticket is issued and announced.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = true;
    const fetchFn: FetchFn = async (input, init) => {
      const answer = engine.fetchFn(input, init); // the queue as it is when asked
      if (holding && String(input).endsWith('/overview')) {
        holding = false;
        await held;
      }
      return answer;
    };
    const second = serviceWith({ fetchFn, start: false });
    second.start();
    await settle();
    engine.issue(2, 'A');
    second.liveEvent(queueChanged('slaska'));
    release();
    await settle();
    expect(waitingIn(published.at(-1)!, 'A')).toBe(2);
  });

  it('a read that began before a command does not overwrite its answer', async () => {
    engine.issue(1, 'A');
    const queue = serviceWith();
    await queue.state();
    await queue.open();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const fetchFn: FetchFn = async (input, init) => {
      const answer = engine.fetchFn(input, init);
      if (holding && String(input).endsWith('/queue/counter')) {
        holding = false;
        const response = await answer; // the counter as it was before the call
        await held;
        return response;
      }
      return answer;
    };
    const racing = serviceWith({ fetchFn, start: false });
    await racing.state();
    holding = true;
    racing.start(); // its first read holds the counter as it was before the call
    await settle();
    const calling = racing.callNext();
    await settle();
    release();
    const panel = await calling;
    await settle();
    expect(panel.counter?.currentTicket?.number).toBe('A001');
    expect(published.at(-1)?.counter?.currentTicket?.number).toBe('A001');
  });

  it('polls every 3 s without live events, only every 30 s while they arrive, and every 3 s again once they stop', async () => {
    const queue = serviceWith();
    await queue.state();
    await settle();
    const reads = engine.overviewReads();
    await time.advance(3_000);
    expect(engine.overviewReads()).toBe(reads + 1);

    live = 'connected';
    const connected = engine.overviewReads();
    await time.advance(29_000);
    expect(engine.overviewReads()).toBe(connected);
    await time.advance(1_000);
    expect(engine.overviewReads()).toBe(connected + 1);

    // The link is lost (the server went down): the next tick reads, and finds it offline.
    live = 'connecting';
    engine.state.down = true;
    await time.advance(3_000);
    expect(published.at(-1)?.link).toBe('offline');
  });

  it('tells the windows only when what the panel shows has changed, not at every poll', async () => {
    const queue = serviceWith();
    await queue.state();
    await settle();
    const before = published.length;
    await time.advance(6_000);
    expect(published).toHaveLength(before);
    engine.issue(1, 'A');
    await time.advance(3_000);
    expect(published).toHaveLength(before + 1);
  });

  it('reads at once when the central monitor sees the server stop or come back', async () => {
    const queue = serviceWith();
    await queue.state();
    engine.state.down = true;
    queue.centralStatusChanged(false);
    await settle();
    expect(published.at(-1)?.link).toBe('offline');
    engine.state.down = false;
    queue.centralStatusChanged(true);
    await settle();
    expect(published.at(-1)?.link).toBe('online');
  });

  it('clears the panel on logout, so the next clerk never sees it', async () => {
    engine.issue(1, 'A');
    const queue = serviceWith();
    await queue.state();
    session = null;
    queue.sessionChanged();
    await settle();
    expect(published.at(-1)).toMatchObject({ link: 'idle', counter: null, categories: [] });
  });
});

describe('manual visits while the central server is unreachable', () => {
  async function offlineService() {
    engine.state.down = true;
    const queue = serviceWith();
    expect((await queue.state()).link).toBe('offline');
    return queue;
  }

  it('are refused while the queue is online: the clerk calls the ticket from it', async () => {
    const queue = serviceWith();
    await queue.state();
    expect((await refusal(() => queue.startManualVisit({ ticketNumber: 'B017' }))).code).toBe(
      'queue-online',
    );
  });

  it('start by the paper number, one at a time, and survive a restart', async () => {
    const queue = await offlineService();
    const panel = queue.startManualVisit({ ticketNumber: 'B017' });
    expect(panel.manualVisit).toMatchObject({
      ticketNumber: 'B017',
      startedAt: '2026-03-03T09:00:00.000Z',
      clerkLogin: 'urzednik1',
    });
    expect(published.at(-1)?.manualVisit?.ticketNumber).toBe('B017');
    expect((await refusal(() => queue.startManualVisit({ ticketNumber: 'B018' }))).code).toBe(
      'manual-visit-open',
    );
    await queue.stop();
    const restarted = serviceWith();
    expect((await restarted.state()).manualVisit?.ticketNumber).toBe('B017');
  });

  it('finish with the visit and its visit.recordManual mutation written together', async () => {
    const queue = await offlineService();
    queue.startManualVisit({ ticketNumber: 'B017' });
    await time.advance(7 * 60_000);
    const panel = queue.finishManualVisit({ note: 'wydano zaświadczenie' });

    expect(panel.manualVisit).toBeNull();
    const [mutation] = nextPendingBatch(db, 10);
    expect(mutation).toMatchObject({
      type: 'visit.recordManual',
      payload: {
        siteId: 'slaska',
        counterNumber: 1,
        ticketNumber: 'B017',
        startedAt: '2026-03-03T09:00:00.000Z',
        finishedAt: '2026-03-03T09:07:00.000Z',
        clerkLogin: 'urzednik1',
        note: 'wydano zaświadczenie',
      },
    });
    const row = db.prepare('SELECT finished_at, note, mutation_id FROM manual_visits').get();
    expect(row).toEqual({
      finished_at: '2026-03-03T09:07:00.000Z',
      note: 'wydano zaświadczenie',
      mutation_id: mutation!.id,
    });
    expect((await refusal(() => queue.finishManualVisit({ note: '' }))).code).toBe(
      'no-manual-visit',
    );
  });

  it('leave neither the finish nor the outbox row when the transaction fails after the enqueue', async () => {
    const real = createOutbox({ db, clock: time.clock, newId: sequentialIds(), onEnqueued() {} });
    const failing: Pick<Outbox, 'enqueue'> = {
      enqueue(mutation) {
        real.enqueue(mutation);
        throw new Error('the disk is full');
      },
    };
    engine.state.down = true;
    const queue = serviceWith({ outbox: failing });
    await queue.state();
    queue.startManualVisit({ ticketNumber: 'B017' });

    expect(() => queue.finishManualVisit({ note: '' })).toThrow('the disk is full');
    expect(countOutbox(db)).toEqual({ pending: 0, failed: 0 });
    // Still in progress: nothing lost, the clerk can finish it again.
    expect((await queue.state()).manualVisit?.ticketNumber).toBe('B017');
  });
});
