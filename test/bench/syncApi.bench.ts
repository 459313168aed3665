import { randomUUID } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import type { Department } from '../../common/contract/central/reference';
import type { Mutation, PullResponse, PushResponse } from '../../common/contract/central/sync';
import { PUSH_BATCH_LIMIT } from '../../common/contract/central/sync';
import type { CentralApp } from '../../server/http/centralContext';
import { writeReferenceChanges } from '../../server/reference/referenceFeed';
import {
  buildTestServer,
  openTestStore,
  storeKinds,
  workstationHeaders,
  type TestStore,
} from '../../server/testing/testStores';
import { toStoreTime } from '../../server/store/storeValues';
import { report } from './stats';

// The sync API against the store's own limit: 10,000 mutations pushed over HTTP in batches of
// 500, and 100,000 reference rows pulled over HTTP in pages of 5,000, each beside the same rows
// written (or read) directly with Kysely in the same database in the same run.

const MUTATIONS = 10_000;
const REFERENCE_ROWS = 100_000;
const PAGE = 5_000;

const rows: Record<string, string | number>[] = [];
const opened: { test: TestStore; app: CentralApp }[] = [];

afterAll(async () => {
  report('Sync API: push and pull against the store itself', rows);
  for (const { test, app } of opened) {
    await app.close();
    await test.dispose();
  }
});

function visit(at: Date): Mutation {
  return {
    id: randomUUID(),
    type: 'visit.recordManual',
    createdAt: at.toISOString(),
    payload: {
      siteId: 'slaska',
      counterNumber: 1,
      ticketNumber: 'B017',
      startedAt: new Date(at.getTime() - 600_000).toISOString(),
      finishedAt: at.toISOString(),
      clerkLogin: 'urzednik1',
      note: '',
    },
  };
}

const rate = (count: number, ms: number) => Math.round((count / ms) * 1000);

describe.each(storeKinds)('%s', (kind) => {
  it(`push ${MUTATIONS} mutations and pull ${REFERENCE_ROWS} reference rows`, async () => {
    const test = await openTestStore(kind);
    const app = await buildTestServer(test.store, { demoData: true });
    opened.push({ test, app });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const headers = {
      ...(await workstationHeaders(test.store)),
      'content-type': 'application/json',
    };

    // --- push over HTTP ---
    const now = new Date();
    const mutations = Array.from({ length: MUTATIONS }, () => visit(now));
    let started = performance.now();
    for (let i = 0; i < mutations.length; i += PUSH_BATCH_LIMIT) {
      const response = await fetch(`${address}/api/v1/sync/push`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ mutations: mutations.slice(i, i + PUSH_BATCH_LIMIT) }),
      });
      const body = (await response.json()) as PushResponse;
      if (!response.ok || body.results.some((result) => result.status !== 'applied')) {
        throw new Error(`push answered ${response.status}`);
      }
    }
    const pushMs = performance.now() - started;

    // --- the same rows inserted directly (the mutation ledger and the visits) ---
    started = performance.now();
    for (let i = 0; i < MUTATIONS; i += PUSH_BATCH_LIMIT) {
      const batch = Array.from({ length: Math.min(PUSH_BATCH_LIMIT, MUTATIONS - i) }, () =>
        randomUUID(),
      );
      await test.store.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('sync_mutations')
          .values(
            batch.map((id) => ({
              id,
              workstation_id: 'pc-slaska-1',
              type: 'visit.recordManual',
              status: 'applied' as const,
              result: '{}',
              reason: null,
              received_at: toStoreTime(now),
            })),
          )
          .execute();
        await tx
          .insertInto('manual_visits')
          .values(
            batch.map((id) => ({
              id,
              workstation_id: 'pc-slaska-1',
              site_id: 'slaska',
              counter_number: 1,
              ticket_number: 'B017',
              started_at: toStoreTime(now),
              finished_at: toStoreTime(now),
              clerk_login: 'urzednik1',
              note: '',
              created_at: toStoreTime(now),
              received_at: toStoreTime(now),
            })),
          )
          .execute();
      });
    }
    const rawPushMs = performance.now() - started;

    // --- 100,000 reference rows written directly (the raw insert rate), then pulled ---
    const departments: Department[] = Array.from({ length: REFERENCE_ROWS }, (_, i) => ({
      id: `bench-${String(i).padStart(6, '0')}`,
      name: `Wydział testowy ${i}`,
      unitSymbol: 'BT',
      demo: true,
    }));
    started = performance.now();
    for (let i = 0; i < departments.length; i += 10_000) {
      await test.store.db.transaction().execute((tx) =>
        writeReferenceChanges(
          tx,
          test.store.dialect,
          departments
            .slice(i, i + 10_000)
            .map((data) => ({ entity: 'department' as const, id: data.id, data })),
          now,
        ),
      );
    }
    const rawInsertMs = performance.now() - started;

    started = performance.now();
    const direct = await test.store.db
      .selectFrom('reference_entities')
      .selectAll()
      .orderBy('seq')
      .execute();
    const rawReadMs = performance.now() - started;

    started = performance.now();
    let after = '0';
    let pulled = 0;
    for (;;) {
      const response = await fetch(`${address}/api/v1/sync/pull?after=${after}&limit=${PAGE}`, {
        headers,
      });
      const page = (await response.json()) as PullResponse;
      pulled += page.changes.length;
      after = page.cursor;
      if (!page.hasMore) break;
    }
    const pullMs = performance.now() - started;
    if (pulled !== direct.length) throw new Error(`pulled ${pulled} of ${direct.length} rows`);

    rows.push(
      {
        store: kind,
        what: `push ${MUTATIONS} (HTTP, ${PUSH_BATCH_LIMIT}/batch)`,
        ms: Math.round(pushMs),
        'rows/s': rate(MUTATIONS, pushMs),
        'vs raw': `${(pushMs / rawPushMs).toFixed(1)}× the raw time`,
      },
      {
        store: kind,
        what: `raw insert of the same ${MUTATIONS}`,
        ms: Math.round(rawPushMs),
        'rows/s': rate(MUTATIONS, rawPushMs),
        'vs raw': '1.0×',
      },
      {
        store: kind,
        what: `pull ${pulled} (HTTP, ${PAGE}/page)`,
        ms: Math.round(pullMs),
        'rows/s': rate(pulled, pullMs),
        'vs raw': `${(pullMs / rawReadMs).toFixed(1)}× the raw read`,
      },
      {
        store: kind,
        what: `raw insert of ${REFERENCE_ROWS} reference rows`,
        ms: Math.round(rawInsertMs),
        'rows/s': rate(REFERENCE_ROWS, rawInsertMs),
        'vs raw': '—',
      },
      {
        store: kind,
        what: `raw read of the same ${direct.length} rows`,
        ms: Math.round(rawReadMs),
        'rows/s': rate(direct.length, rawReadMs),
        'vs raw': '1.0×',
      },
    );
  });
});
