import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALLING_RULES } from '../../common/contract/central/queue';
import { storeKinds } from '../testing/testStores';
import { createQueueEngine, type QueueEngine } from './queueEngine';
import {
  fillWaitingTickets,
  loadTestCounter,
  openQueueTestKit,
  type QueueTestKit,
} from './queueTestKit';

const COUNTERS = 200;
const TICKETS = 5_000;
// Tuesday 3 March 2026, 12:00 in Warsaw: everyone took a ticket this morning.
const NOW = '2026-03-03T11:00:00.000Z';
const DAY = '2026-03-03';
describe.each(storeKinds)('200 counters calling at once (%s)', (kind) => {
  let kit: QueueTestKit;
  let engines: QueueEngine[];

  beforeAll(async () => {
    kit = await openQueueTestKit(kind, NOW, { poolSize: 20 });
    await kit.engine.setRules('slaska', DEFAULT_CALLING_RULES, 'kierownik');
    await kit.addCounters(Array.from({ length: COUNTERS }, (_, i) => loadTestCounter(i)));
    await fillWaitingTickets(kit.test.store, {
      count: TICKETS,
      day: DAY,
      from: new Date(Date.parse(NOW) - 4 * 3600_000),
    });
    engines = [kit.engine];
    if (kind === 'postgres') {
      // A second server process on the same database: half of the counters call through it.
      // (SQLite is the embedded store of one process: one connection, one writer at a time.)
      engines.push(
        createQueueEngine({
          store: await kit.test.openAnother(),
          clock: kit.clock,
          liveEvents: { publish: async () => undefined },
          logger: { error: () => undefined },
        }),
      );
    }
  }, 60_000);
  afterAll(async () => {
    await kit.dispose();
  });

  it('calls every one of 5,000 tickets exactly once, and no counter ever holds two', async () => {
    const served = await Promise.all(
      Array.from({ length: COUNTERS }, async (_, index) => {
        const engine = engines[index % engines.length]!;
        const clerk = kit.clerk(loadTestCounter(index).id, `clerk${index}`);
        await engine.open(clerk);
        const got: string[] = [];
        for (;;) {
          const { ticket, counter } = await engine.callNext(clerk);
          if (!ticket) break;
          expect(counter.currentTicket?.id).toBe(ticket.id);
          got.push(ticket.id);
          await engine.finish(clerk, { services: [], outcome: 'settled' });
        }
        return got;
      }),
    );

    const calls = served.flat();
    expect(calls.length).toBe(TICKETS);
    expect(new Set(calls).size).toBe(TICKETS);
    const left = await kit.test.store.db
      .selectFrom('queue_tickets')
      .select(['status'])
      .where('status', '!=', 'done')
      .execute();
    expect(left).toEqual([]);

    // The journal, counter by counter, alternates call and finish: never two at a counter.
    const journal = await kit.test.store.db
      .selectFrom('queue_journal')
      .select(['counter_id', 'action', 'ticket_id'])
      .where('action', 'in', ['ticket-called', 'visit-finished'])
      .orderBy('id')
      .execute();
    const holding = new Map<string, string | null>();
    const calledTimes = new Map<string, number>();
    for (const entry of journal) {
      const counterId = entry.counter_id ?? '';
      const held = holding.get(counterId) ?? null;
      if (entry.action === 'ticket-called') {
        expect(held).toBeNull();
        holding.set(counterId, entry.ticket_id);
        calledTimes.set(entry.ticket_id ?? '', (calledTimes.get(entry.ticket_id ?? '') ?? 0) + 1);
      } else {
        expect(held).toBe(entry.ticket_id);
        holding.set(counterId, null);
      }
    }
    expect(calledTimes.size).toBe(TICKETS);
    expect([...calledTimes.values()].every((times) => times === 1)).toBe(true);
    expect(served.filter((got) => got.length > 0).length).toBeGreaterThan(COUNTERS / 2);
  }, 120_000);
});
