import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../common/contract/central/apiError';
import type { Department } from '../../common/contract/central/reference';
import { pullResponseSchema, type PullResponse } from '../../common/contract/central/sync';
import type { CentralApp } from '../http/centralContext';
import { writeReferenceChanges } from '../reference/referenceFeed';
import {
  buildTestServer,
  loginAs,
  openTestStore,
  storeKinds,
  workstationHeaders,
  type TestStore,
} from '../testing/testStores';

const department = (index: number, name = `Wydział testowy ${index}`): Department => ({
  id: `dept-${index}`,
  name,
  unitSymbol: `T${index}`,
  demo: false,
});

describe.each(storeKinds)('GET /api/v1/sync/pull on %s', (kind) => {
  let test: TestStore;
  let app: CentralApp;
  let headers: Record<string, string>;

  const pull = async (after: string, limit?: number): Promise<PullResponse> => {
    const query = limit === undefined ? `after=${after}` : `after=${after}&limit=${limit}`;
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/sync/pull?${query}`,
      headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return pullResponseSchema.parse(response.json());
  };

  const writeDepartments = (departments: Department[]) =>
    test.store.db.transaction().execute((tx) =>
      writeReferenceChanges(
        tx,
        test.store.dialect,
        departments.map((data) => ({ entity: 'department', id: data.id, data })),
        new Date(),
      ),
    );

  beforeEach(async () => {
    test = await openTestStore(kind);
    app = await buildTestServer(test.store, { demoData: false });
    headers = await workstationHeaders(test.store);
  });
  afterEach(async () => {
    await app.close();
    await test.dispose();
  });

  it('pages a 2,500-change feed by 1,000 to hasMore=false, each entity once, in feed order', async () => {
    await writeDepartments(Array.from({ length: 2500 }, (_, index) => department(index)));
    const pages: PullResponse[] = [];
    let cursor = '0';
    for (;;) {
      const page = await pull(cursor, 1000);
      pages.push(page);
      cursor = page.cursor;
      if (!page.hasMore) break;
      expect(pages.length).toBeLessThan(10);
    }
    expect(pages.map((page) => page.changes.length)).toEqual([1000, 1000, 500]);
    expect(pages.map((page) => page.hasMore)).toEqual([true, true, false]);
    const changes = pages.flatMap((page) => page.changes);
    expect(new Set(changes.map((change) => change.id)).size).toBe(2500);
    const seqs = changes.map((change) => BigInt(change.seq));
    expect(seqs.every((seq, index) => index === 0 || seq > (seqs[index - 1] ?? 0n))).toBe(true);
    expect(cursor).toBe(changes.at(-1)?.seq);

    // At the end: an empty page that keeps the cursor.
    expect(await pull(cursor)).toEqual({
      feedId: pages[0]?.feedId,
      changes: [],
      cursor,
      hasMore: false,
    });
  });

  it('brings a write made after the first page in the next pull, and the latest version only', async () => {
    await writeDepartments(Array.from({ length: 30 }, (_, index) => department(index)));
    const first = await pull('0', 10);
    expect(first.changes.map((change) => change.id)).toContain('dept-3');
    await writeDepartments([department(3, 'Wydział przemianowany')]);

    const rest: PullResponse['changes'] = [];
    let cursor = first.cursor;
    for (let more = true; more;) {
      const page = await pull(cursor, 10);
      rest.push(...page.changes);
      cursor = page.cursor;
      more = page.hasMore;
    }
    expect(rest).toHaveLength(21);
    const renamed = rest.filter((change) => change.id === 'dept-3');
    expect(renamed).toHaveLength(1);
    expect(renamed[0]?.data).toMatchObject({ name: 'Wydział przemianowany' });
  });

  it('names its feed with one id on every answer, and another store’s feed with another', async () => {
    await writeDepartments([department(1)]);
    const first = await pull('0');
    expect(first.feedId).toMatch(/^[0-9a-f-]{36}$/);
    await writeDepartments([department(2)]);
    // The id stays across writes, cursors, and a server restarted on the same store.
    expect((await pull(first.cursor)).feedId).toBe(first.feedId);
    const restarted = await buildTestServer(test.store, { demoData: false });
    try {
      const again = await restarted.inject({ method: 'GET', url: '/api/v1/sync/pull', headers });
      expect(pullResponseSchema.parse(again.json()).feedId).toBe(first.feedId);
    } finally {
      await restarted.close();
    }

    // A store of its own (what a replaced store looks like to a PC) has a feed of its own.
    const other = await openTestStore(kind);
    try {
      const otherApp = await buildTestServer(other.store, { demoData: false });
      try {
        const answer = await otherApp.inject({
          method: 'GET',
          url: '/api/v1/sync/pull?after=0',
          headers: await workstationHeaders(other.store),
        });
        expect(answer.statusCode, answer.body).toBe(200);
        const otherFeedId = pullResponseSchema.parse(answer.json()).feedId;
        expect(otherFeedId).not.toBe(first.feedId);
      } finally {
        await otherApp.close();
      }
    } finally {
      await other.dispose();
    }
  });

  it('accepts a user session as well as a workstation, and no one without credentials', async () => {
    // This suite's server has no users (no demo data); a second one over the same store seeds them.
    const seeded = await buildTestServer(test.store);
    try {
      headers = await loginAs(seeded, 'kierownik');
    } finally {
      await seeded.close();
    }
    await expect(pull('0', 5)).resolves.toMatchObject({ hasMore: true });
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/sync/pull' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a malformed cursor, a limit out of range, and an unknown parameter with 400', async () => {
    for (const [query, path] of [
      ['after=-1', 'after'],
      ['after=abc', 'after'],
      ['limit=0', 'limit'],
      ['limit=5001', 'limit'],
      ['since=3', 'since'],
      ['after=99999999999999999999', 'after'],
    ] as const) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/sync/pull?${query}`,
        headers,
      });
      expect(response.statusCode, query).toBe(400);
      expect(apiErrorSchema.parse(response.json()).error.issues?.[0]?.path, query).toBe(path);
    }
  });
});
