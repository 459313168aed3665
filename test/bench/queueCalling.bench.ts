import { randomBytes } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import { queuePaths } from '../../common/contract/central/paths';
import { DEFAULT_CALLING_RULES } from '../../common/contract/central/queue';
import { ensureWorkstation } from '../../server/auth/workstations';
import type { CentralApp } from '../../server/http/centralContext';
import { fillWaitingTickets, loadTestCounter, testClock } from '../../server/queue/queueTestKit';
import { writeReferenceChanges } from '../../server/reference/referenceFeed';
import {
  dropPostgresSchema,
  openCentralStore,
  type CentralStore,
} from '../../server/store/openCentralStore';
import {
  buildTestServer,
  loginAs,
  openTestStore,
  storeKinds,
  TEST_PG_URL,
} from '../../server/testing/testStores';
import { ms, report, summarize } from './stats';

// Call next with 200 counters calling at once over HTTP, as a city hall's busiest hour would:
// each counter's client calls, finishes the visit, and calls again until the queue of 5,000 is
// empty (every call a transaction with its row locks, a journal row and a live event). Beside
// it, the same server's rate for a trivial route (`/api/v1/health`, one `select 1`) at the same
// concurrency, and the published load test of a government queue system at 200 clerks.

const COUNTERS = 200;
const TICKETS = 5_000;
const HEALTH_REQUESTS = 10_000;
// Tuesday 3 March 2026, 12:00 in Warsaw: a working day whatever day the bench runs on.
const NOW = '2026-03-03T11:00:00.000Z';
const DAY = '2026-03-03';

const rows: Record<string, string | number>[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  rows.push({
    store: 'published',
    route: 'a government queue system, 200 concurrent clerks',
    requests: '—',
    p50: '3400 ms',
    p95: '—',
    p99: '17900 ms',
    'per s': '—',
    'of health rate': '—',
  });
  report('Queue: call next with 200 counters at once (HTTP)', rows);
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A store with a pool of 20 connections on PostgreSQL, as a production server would have. */
async function openStore(kind: 'sqlite' | 'postgres'): Promise<CentralStore> {
  if (kind === 'sqlite') {
    const test = await openTestStore('sqlite');
    cleanups.push(() => test.dispose());
    return test.store;
  }
  const schema = `b_${randomBytes(6).toString('hex')}`;
  const store = await openCentralStore({
    kind: 'postgres',
    url: TEST_PG_URL,
    schema,
    poolSize: 20,
  });
  cleanups.push(async () => {
    await store.close();
    await dropPostgresSchema(TEST_PG_URL, schema);
  });
  return store;
}

/** Runs `clients` loops at once until each says it is done; answers each request's latency. */
async function concurrently(
  clients: number,
  loop: (client: number, time: <T>(request: () => Promise<T>) => Promise<T>) => Promise<void>,
): Promise<{ samples: number[]; wallMs: number }> {
  const samples: number[] = [];
  const time = async <T>(request: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const answer = await request();
    samples.push(performance.now() - start);
    return answer;
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, client) => loop(client, time)));
  return { samples, wallMs: performance.now() - start };
}

function row(kind: string, route: string, samples: number[], wallMs: number) {
  const s = summarize(samples);
  return {
    store: kind,
    route,
    requests: samples.length,
    p50: ms(s.p50),
    p95: ms(s.p95),
    p99: ms(s.p99),
    'per s': Math.round((samples.length / wallMs) * 1000),
  };
}

describe.each(storeKinds)('%s', (kind) => {
  it(`call next: ${COUNTERS} counters, ${TICKETS} waiting tickets`, async () => {
    const store = await openStore(kind);
    const clock = testClock(NOW);
    const app: CentralApp = await buildTestServer(store, { clock });
    cleanups.push(() => app.close());
    const address = await app.listen({ host: '127.0.0.1', port: 0 });

    const supervisor = await loginAs(app, 'kierownik');
    await app.inject({
      method: 'PUT',
      url: queuePaths.rules('slaska'),
      headers: supervisor,
      payload: DEFAULT_CALLING_RULES,
    });
    const counters = Array.from({ length: COUNTERS }, (_, i) => loadTestCounter(i));
    await store.db.transaction().execute((tx) =>
      writeReferenceChanges(
        tx,
        store.dialect,
        counters.map((data) => ({ entity: 'counter' as const, id: data.id, data })),
        clock.now(),
      ),
    );
    await fillWaitingTickets(store, {
      count: TICKETS,
      day: DAY,
      from: new Date(Date.parse(NOW) - 4 * 3600_000),
    });
    const clerks = [await loginAs(app, 'urzednik1'), await loginAs(app, 'urzednik2')];
    const headers = await Promise.all(
      counters.map(async (counter, i) => {
        const { token } = await ensureWorkstation(store, {
          id: `pc-${counter.id}`,
          siteId: 'slaska',
          counterNumber: counter.number,
        });
        return { ...clerks[i % 2]!, 'x-okienko-workstation': token };
      }),
    );
    const post = async (path: string, counter: number, body?: object) => {
      const response = await fetch(`${address}${path}`, {
        method: 'POST',
        headers: {
          ...headers[counter]!,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const answer = (await response.json()) as { ticket?: { id: string } | null };
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      return answer;
    };
    await Promise.all(counters.map((_, i) => post(queuePaths.open, i)));

    const calls = await concurrently(COUNTERS, async (counter, time) => {
      for (;;) {
        const { ticket } = await time(() => post(queuePaths.callNext, counter));
        if (!ticket) return;
        await post(queuePaths.finish, counter, { services: [], outcome: 'settled' });
      }
    });
    // The calls that found the queue empty end each loop: 200 of them, beside the 5,000.
    const callRow = row(
      kind,
      'POST call-next (+ finish between calls)',
      calls.samples,
      calls.wallMs,
    );

    let sent = 0;
    const health = await concurrently(COUNTERS, async (_client, time) => {
      while (sent < HEALTH_REQUESTS) {
        sent += 1;
        await time(async () => {
          const response = await fetch(`${address}/api/v1/health`);
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`health answered ${response.status}`);
        });
      }
    });
    const healthRow = row(
      kind,
      'GET /api/v1/health (same concurrency)',
      health.samples,
      health.wallMs,
    );
    rows.push(
      {
        ...callRow,
        'of health rate': `${((callRow['per s'] / healthRow['per s']) * 100).toFixed(1)} %`,
      },
      { ...healthRow, 'of health rate': '100 %' },
    );
  });
});
