import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../common/contract/central/apiError';
import {
  departmentSchema,
  referenceListResponseSchemas,
  referenceWriteResultSchema,
  type Counter,
} from '../../common/contract/central/reference';
import { pullResponseSchema } from '../../common/contract/central/sync';
import type { LiveEventPublisher } from '../events/liveEventPublisher';
import type { CentralApp } from '../http/centralContext';
import { demoCounters } from '../seed/demoOrganisation';
import {
  buildTestServer,
  loginAs,
  openTestStore,
  storeKinds,
  workstationHeaders,
  type TestStore,
} from '../testing/testStores';

const newCounter: Counter = {
  id: 'slaska.9',
  siteId: 'slaska',
  number: 9,
  name: 'Stanowisko 9',
  categoryIds: ['slaska.pojazdy', 'slaska.dowody'],
  demo: false,
};

describe.each(storeKinds)('admin reference writes on %s', (kind) => {
  let test: TestStore;
  let app: CentralApp;
  let admin: { authorization: string };
  let published: { type: string; data: Record<string, unknown> }[];

  const put = (entity: string, id: string, body: unknown, headers: object = admin) =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/admin/reference/${entity}/${id}`,
      headers: headers as Record<string, string>,
      payload: body as object,
    });
  const remove = (entity: string, id: string, headers: object = admin) =>
    app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/reference/${entity}/${id}`,
      headers: headers as Record<string, string>,
    });
  const feedAfter = async (after: string) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/sync/pull?after=${after}`,
      headers: admin,
    });
    return pullResponseSchema.parse(response.json());
  };
  const storedCounter = (id: string) =>
    test.store.db
      .selectFrom('reference_entities')
      .selectAll()
      .where('entity', '=', 'counter')
      .where('id', '=', id)
      .executeTakeFirst();

  beforeEach(async () => {
    test = await openTestStore(kind);
    published = [];
    const liveEvents: LiveEventPublisher = {
      publish: async (type, data) => {
        published.push({ type, data });
      },
    };
    app = await buildTestServer(test.store, { liveEventsObserver: liveEvents });
    admin = await loginAs(app, 'admin');
  });
  afterEach(async () => {
    await app.close();
    await test.dispose();
  });

  it('stores a valid entity at the end of the feed and announces it after commit', async () => {
    const before = await feedAfter('0');
    const response = await put('counter', 'slaska.9', newCounter);
    expect(response.statusCode, response.body).toBe(200);
    const written = referenceWriteResultSchema.parse(response.json());
    expect(written).toMatchObject({ entity: 'counter', id: 'slaska.9', deleted: false });
    expect(BigInt(written.seq)).toBeGreaterThan(BigInt(before.changes.at(-1)?.seq ?? '0'));

    const next = await feedAfter(before.cursor);
    expect(next.changes).toEqual([
      { entity: 'counter', id: 'slaska.9', seq: written.seq, deleted: false, data: newCounter },
    ]);
    expect(published).toEqual([
      { type: 'reference.changed', data: { entity: 'counter', id: 'slaska.9', seq: written.seq } },
    ]);

    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/reference/counter',
      headers: admin,
    });
    const counters = referenceListResponseSchemas.counter.parse(list.json()).items;
    expect(counters.map((counter) => counter.id)).toContain('slaska.9');
  });

  it('refuses a body that breaks the entity schema with each field path, and stores nothing', async () => {
    const response = await put('counter', 'slaska.9', {
      ...newCounter,
      number: 0,
      categoryIds: 'slaska.pojazdy',
      colour: 'blue',
    });
    expect(response.statusCode).toBe(400);
    const { error } = apiErrorSchema.parse(response.json());
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual([
      'categoryIds',
      'colour',
      'number',
    ]);
    expect(await storedCounter('slaska.9')).toBeUndefined();
    expect(published).toEqual([]);
  });

  it('refuses a body whose id differs from the path, or that points at nothing', async () => {
    const otherId = await put('counter', 'slaska.10', newCounter);
    expect(otherId.statusCode).toBe(400);
    expect(apiErrorSchema.parse(otherId.json()).error.issues?.[0]?.path).toBe('id');

    const dangling = await put('counter', 'slaska.9', {
      ...newCounter,
      siteId: 'gdansk',
      categoryIds: ['slaska.dowody', 'slaska.nic'],
    });
    expect(dangling.statusCode).toBe(400);
    expect(apiErrorSchema.parse(dangling.json()).error.issues?.map((issue) => issue.path)).toEqual([
      'siteId',
      'categoryIds[1]',
    ]);
    expect(await storedCounter('slaska.9')).toBeUndefined();
  });

  it('deletes as a tombstone that a pull delivers; refuses what is in use or does not exist', async () => {
    const before = await feedAfter('0');
    const deleted = await remove('counter', 'slaska.8');
    expect(deleted.statusCode, deleted.body).toBe(200);
    const tombstone = referenceWriteResultSchema.parse(deleted.json());
    expect(tombstone.deleted).toBe(true);
    const next = await feedAfter(before.cursor);
    expect(next.changes).toEqual([
      { entity: 'counter', id: 'slaska.8', seq: tombstone.seq, deleted: true, data: null },
    ]);
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/reference/counter',
      headers: admin,
    });
    const ids = referenceListResponseSchemas.counter.parse(list.json()).items.map((c) => c.id);
    expect(ids).toHaveLength(demoCounters.length - 1);
    expect(ids).not.toContain('slaska.8');

    expect((await remove('counter', 'slaska.8')).statusCode).toBe(404);
    const inUse = await remove('site', 'focha');
    expect(inUse.statusCode).toBe(409);
    expect(apiErrorSchema.parse(inUse.json()).error.message).toMatch(/category focha.odbior/);
    expect((await feedAfter(tombstone.seq)).changes).toEqual([]);
  });

  it('lets only an admin write: a clerk gets 403, a workstation 401, and nothing changes', async () => {
    const clerk = await loginAs(app, 'urzednik1');
    const station = await workstationHeaders(test.store);
    const department = departmentSchema.parse({
      id: 'nowy',
      name: 'Nowy',
      unitSymbol: 'NW',
      demo: false,
    });
    expect((await put('department', 'nowy', department, clerk)).statusCode).toBe(403);
    expect((await remove('counter', 'slaska.1', clerk)).statusCode).toBe(403);
    expect((await put('department', 'nowy', department, station)).statusCode).toBe(401);
    expect((await put('department', 'nowy', department, {})).statusCode).toBe(401);
    expect(published).toEqual([]);
  });

  it('answers 404 for a kind of entity it does not have', async () => {
    const response = await put('planet', 'mars', { id: 'mars' });
    expect(response.statusCode).toBe(404);
    expect(apiErrorSchema.parse(response.json()).error.code).toBe('not-found');
  });
});
