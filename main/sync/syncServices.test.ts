import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../common/contract';
import { createEventHub } from '../app/eventHub';
import type { FetchFn } from '../central/centralHealthCheck';
import { openDatabase } from '../db';
import { createSilentLogger } from '../logging/logger';
import { countOutbox } from './outboxQueries';
import { createSyncServices } from './syncServices';
import { createManualTime, settle } from '../../test/support/manualTime';
import { manualVisit } from '../../test/support/syncFixtures';

let db: Database.Database;
beforeEach(() => {
  db = openDatabase(':memory:').db;
});
afterEach(() => db.close());

/** A central server over fetch: down until `up` is set; applies every pushed mutation. */
function fakeFetch(state: { up: boolean; pushed: string[]; headers: Headers[] }): FetchFn {
  return async (input, init) => {
    if (!state.up) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    const url = new URL(String(input));
    state.headers.push(new Headers(init?.headers));
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    if (url.pathname === '/api/v1/sync/push') {
      const { mutations } = JSON.parse(String(init?.body)) as { mutations: { id: string }[] };
      state.pushed.push(...mutations.map((mutation) => mutation.id));
      return json({
        results: mutations.map((mutation) => ({ id: mutation.id, status: 'applied', result: {} })),
      });
    }
    if (url.pathname === '/api/v1/sync/pull')
      return json({ feedId: 'feed-1', changes: [], cursor: '0', hasMore: false });
    return new Response('{}', { status: 404 });
  };
}

describe('createSyncServices', () => {
  it('pushes a change made while the server was down as soon as the central monitor sees it back, and tells the windows', async () => {
    const state = { up: false, pushed: [] as string[], headers: [] as Headers[] };
    const time = createManualTime();
    const hub = createEventHub();
    const events: { event: EventName; payload: unknown }[] = [];
    hub.subscribe((event, payload) => events.push({ event, payload }));
    let unreachableReports = 0;
    const services = createSyncServices({
      db,
      clock: time.clock,
      logger: createSilentLogger(),
      hub,
      fetchFn: fakeFetch(state),
      baseUrl: 'http://127.0.0.1:8420',
      workstationToken: 'workstation-token-123456',
      demo: true,
      onCentralUnreachable: () => (unreachableReports += 1),
      engine: { timers: time.timers, backoff: { baseMs: 60_000, maxMs: 60_000 } },
      live: false,
    });
    services.start();
    await settle();

    const id = db.transaction(() =>
      services.outbox.enqueue({ type: 'visit.recordManual', payload: manualVisit(1) }),
    )();
    await settle();
    expect(events.at(-1)).toMatchObject({
      event: 'sync:statusChanged',
      payload: { online: false, pending: 1 },
    });
    // The monitor was asked to check at once, once, not on every change while offline.
    expect(unreachableReports).toBe(1);

    state.up = true;
    hub.publish('central:statusChanged', {
      mode: 'remote',
      url: 'http://127.0.0.1:8420',
      reachable: true,
      checkedAt: time.now().toISOString(),
      problem: null,
    });
    await settle();

    expect(state.pushed).toEqual([id]);
    expect(state.headers[0]?.get('x-okienko-workstation')).toBe('workstation-token-123456');
    expect(countOutbox(db).pending).toBe(0);
    expect(events.at(-1)).toMatchObject({
      event: 'sync:statusChanged',
      payload: { online: true, pending: 0 },
    });
    await services.stop();
  });
});
