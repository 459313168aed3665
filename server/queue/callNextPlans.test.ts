import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALLING_RULES } from '../../common/contract/central/queue';
import { storeKinds } from '../testing/testStores';
import { nextTicketQueries } from './callNext';
import { openQueueTestKit, type QueueTestKit } from './queueTestKit';

describe.each(storeKinds)("call next's queries (%s)", (kind) => {
  let kit: QueueTestKit;
  beforeEach(async () => {
    kit = await openQueueTestKit(kind, '2026-03-03T08:00:00.000Z');
  });
  afterEach(async () => {
    await kit.dispose();
  });

  it('each find their ticket through an index, never by reading the whole table', async () => {
    const reference = await kit.engine.deps.reference.current();
    const counter = reference.counters.get('slaska.1');
    const site = reference.sites.get('slaska');
    if (!counter || !site) throw new Error('demo data missing');
    const queries = nextTicketQueries(
      {
        tx: kit.test.store.db,
        deps: kit.engine.deps,
        counter,
        site,
        rules: {
          ...DEFAULT_CALLING_RULES,
          longWait: [{ categoryId: 'slaska.dowody', minutes: 30 }],
        },
        now: kit.clock.now(),
        day: '2026-03-03',
      },
      'priority',
    );
    // transferred here, due appointments, the long wait, 2 categories × 2 classes, the rest.
    expect(queries).toHaveLength(8);
    for (const { query } of queries) {
      const compiled = query.compile();
      const explain = kind === 'sqlite' ? 'explain query plan ' : 'explain (costs off) ';
      const plan = await kit.test.store.db.executeQuery<Record<string, unknown>>(
        CompiledQuery.raw(explain + compiled.sql, [...compiled.parameters]),
      );
      const lines = plan.rows.map((row) => String(row.detail ?? row['QUERY PLAN']));
      expect(lines.join('\n'), compiled.sql).toMatch(/queue_tickets_(waiting|target|appointments)/);
      expect(lines.join('\n'), compiled.sql).not.toMatch(/SCAN queue_tickets\b|Seq Scan/);
    }
  });
});
