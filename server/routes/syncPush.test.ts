import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../common/contract/central/apiError';
import { pushResponseSchema, type Mutation } from '../../common/contract/central/sync';
import type { LiveEventPublisher } from '../events/liveEventPublisher';
import type { CentralApp } from '../http/centralContext';
import {
  buildTestServer,
  loginAs,
  openTestStore,
  storeKinds,
  workstationHeaders,
  type TestStore,
} from '../testing/testStores';

const visit = (overrides: Record<string, unknown> = {}) => ({
  siteId: 'slaska',
  counterNumber: 3,
  ticketNumber: 'B017',
  startedAt: '2026-03-02T09:10:00.000Z',
  finishedAt: '2026-03-02T09:18:00.000Z',
  clerkLogin: 'urzednik1',
  note: '',
  ...overrides,
});

const mutation = (payload: unknown = visit(), type = 'visit.recordManual'): Mutation => ({
  id: randomUUID(),
  type,
  payload,
  createdAt: '2026-03-02T09:18:01.000Z',
});

describe.each(storeKinds)('POST /api/v1/sync/push on %s', (kind) => {
  let test: TestStore;
  let app: CentralApp;
  let headers: { 'x-okienko-workstation': string };
  let published: { type: string; data: Record<string, unknown> }[];
  const extraApps: CentralApp[] = [];

  const push = (body: unknown, target: CentralApp = app) =>
    target.inject({ method: 'POST', url: '/api/v1/sync/push', headers, payload: body as object });
  const storedVisits = async () =>
    (await test.store.db.selectFrom('manual_visits').select('id').execute()).map((row) => row.id);

  beforeEach(async () => {
    test = await openTestStore(kind);
    published = [];
    const liveEvents: LiveEventPublisher = {
      publish: async (type, data) => {
        published.push({ type, data });
      },
    };
    app = await buildTestServer(test.store, { liveEventsObserver: liveEvents });
    headers = await workstationHeaders(test.store);
  });
  afterEach(async () => {
    for (const other of extraApps.splice(0)) await other.close();
    await app.close();
    await test.dispose();
  });

  it('applies each mutation once: the same batch twice answers the same and stores one row each', async () => {
    const batch = { mutations: [mutation(), mutation(visit({ ticketNumber: 'A001' }))] };
    const first = await push(batch);
    expect(first.statusCode).toBe(200);
    const answer = pushResponseSchema.parse(first.json());
    expect(answer.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    expect(answer.results[0]).toEqual({
      id: batch.mutations[0]?.id,
      status: 'applied',
      result: { visitId: batch.mutations[0]?.id },
    });

    const replay = await push(batch);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
    expect((await storedVisits()).sort()).toEqual(batch.mutations.map((m) => m.id).sort());
    // The replay applied nothing, so it announced nothing.
    expect(published).toEqual([
      { type: 'mutation.applied', data: { count: 2, workstationId: 'pc-slaska-1' } },
    ]);
  });

  it('rejects the bad mutations of a mixed batch with their reasons, applies the rest, and replays the same', async () => {
    const good = mutation();
    const unknownType = mutation({ anything: true }, 'payment.capture');
    const badPayload = mutation(visit({ ticketNumber: 'nie-bilet', counterNumber: 0 }));
    const otherSite = mutation(visit({ siteId: 'focha' }));
    const backwards = mutation(visit({ finishedAt: '2026-03-02T09:00:00.000Z' }));
    const batch = { mutations: [unknownType, good, badPayload, otherSite, backwards] };

    const first = await push(batch);
    expect(first.statusCode).toBe(200);
    const results = pushResponseSchema.parse(first.json()).results;
    expect(results.map((result) => [result.id, result.status])).toEqual([
      [unknownType.id, 'rejected'],
      [good.id, 'applied'],
      [badPayload.id, 'rejected'],
      [otherSite.id, 'rejected'],
      [backwards.id, 'rejected'],
    ]);
    const reasons = results.map((result) => (result.status === 'rejected' ? result.reason : ''));
    expect(reasons[0]).toMatch(/Unknown mutation type "payment.capture"/);
    expect(reasons[2]).toMatch(/ticketNumber/);
    expect(reasons[2]).toMatch(/counterNumber/);
    expect(reasons[3]).toMatch(/site "slaska"/);
    expect(reasons[4]).toMatch(/finishes before it starts/);
    expect(await storedVisits()).toEqual([good.id]);

    const replay = await push(batch);
    expect(replay.json()).toEqual(first.json());
    expect(await storedVisits()).toEqual([good.id]);
  });

  it('answers an id sent twice in one batch twice, and applies it once', async () => {
    const once = mutation();
    const response = await push({ mutations: [once, once] });
    const results = pushResponseSchema.parse(response.json()).results;
    expect(results).toHaveLength(2);
    expect(results[0]).toEqual(results[1]);
    expect(await storedVisits()).toEqual([once.id]);
  });

  it('refuses a malformed batch with 400 and the field path, and stores nothing', async () => {
    const good = mutation();
    const response = await push({
      mutations: [good, { ...mutation(), id: 'not-a-uuid', createdAt: 'wczoraj' }],
    });
    expect(response.statusCode).toBe(400);
    const { error } = apiErrorSchema.parse(response.json());
    expect(error.code).toBe('invalid-request');
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual([
      'mutations[1].createdAt',
      'mutations[1].id',
    ]);
    expect(await storedVisits()).toEqual([]);
    expect(await test.store.db.selectFrom('sync_mutations').selectAll().execute()).toEqual([]);
  });

  it('names an unknown field by its path, and stores nothing', async () => {
    const response = await push({ mutations: [{ ...mutation(), priority: 'high' }], dryRun: true });
    expect(response.statusCode).toBe(400);
    const { error } = apiErrorSchema.parse(response.json());
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual([
      'dryRun',
      'mutations[0].priority',
    ]);
    expect(await storedVisits()).toEqual([]);
  });

  it('refuses a body that is not JSON, or the wrong type, with 400', async () => {
    const notJson = await app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"mutations": [',
    });
    expect(notJson.statusCode).toBe(400);
    expect(apiErrorSchema.parse(notJson.json()).error.code).toBe('invalid-request');

    const wrongType = await push({ mutations: 'all of them' });
    expect(wrongType.statusCode).toBe(400);
    expect(apiErrorSchema.parse(wrongType.json()).error.issues?.[0]?.path).toBe('mutations');
  });

  it("needs a workstation's token: 401 without one, 403 for a user session alone", async () => {
    const batch = { mutations: [mutation()] };
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      payload: batch,
    });
    expect(anonymous.statusCode).toBe(401);
    const unknownToken = await app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: { 'x-okienko-workstation': 'nie-ten-token' },
      payload: batch,
    });
    expect(unknownToken.statusCode).toBe(401);
    const clerk = await loginAs(app, 'urzednik1');
    const asUser = await app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: clerk,
      payload: batch,
    });
    expect(asUser.statusCode).toBe(403);
    expect(await storedVisits()).toEqual([]);
  });

  it('applies each id once when overlapping batches arrive at once (two server instances on PostgreSQL)', async () => {
    // Several processes share a PostgreSQL; a SQLite file has one server (the embedded default).
    let second = app;
    if (kind === 'postgres') {
      second = await buildTestServer(await test.openAnother(), { demoData: false });
      extraApps.push(second);
    }
    const pool = Array.from({ length: 60 }, (_, index) =>
      mutation(visit({ ticketNumber: `A${String(index).padStart(3, '0')}` })),
    );
    // Twelve batches of twenty, each overlapping its neighbours, in shuffled orders.
    const batches = Array.from({ length: 12 }, (_, index) => {
      const start = (index * 5) % 50;
      const slice = pool.slice(start, start + 20);
      return index % 2 === 0 ? slice : [...slice].reverse();
    });
    const responses = await Promise.all(
      batches.map((mutations, index) => push({ mutations }, index % 2 === 0 ? app : second)),
    );
    for (const response of responses) expect(response.statusCode).toBe(200);
    const covered = new Set(batches.flat().map((m) => m.id));
    const stored = await storedVisits();
    expect(stored).toHaveLength(covered.size);
    expect(new Set(stored)).toEqual(covered);
    // Whichever batch applied an id, every batch that carried it got the same answer.
    const answers = new Map<string, string>();
    for (const response of responses) {
      for (const result of pushResponseSchema.parse(response.json()).results) {
        const text = JSON.stringify(result);
        expect(answers.get(result.id) ?? text).toBe(text);
        answers.set(result.id, text);
      }
    }
    const appliedCount = published.reduce((sum, event) => sum + Number(event.data.count), 0);
    expect(appliedCount).toBeLessThanOrEqual(covered.size);
  });
});
