import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toStoreJson, toStoreTime } from '../store/storeValues';
import { openTestStore, storeKinds, type TestStore } from '../testing/testStores';
import { createDayRowsCache, FULL_RELOAD_MS } from './dayRowsCache';
import { writeSyntheticDay } from './testing/syntheticDay';

const START = new Date('2026-03-02T07:00:00.000Z');
const DAY = '2026-03-02';

describe.each(storeKinds)('the day’s rows between refreshes, on %s', (kind) => {
  let test: TestStore;
  let ids: string[];

  beforeAll(async () => {
    test = await openTestStore(kind);
    ids = await writeSyntheticDay(test.store.db, {
      siteId: 'slaska',
      day: DAY,
      start: START,
      tickets: [0, 5, 10].map((minute) => ({
        categoryId: 'slaska.dowody',
        prefix: 'A',
        issuedMinute: minute,
        calledMinute: null,
        finishedMinute: null,
        counterId: null,
        clerk: null,
      })),
    });
  });
  afterAll(async () => {
    await test.dispose();
  });

  it('follows a call from its journal row without reading the whole day again', async () => {
    const cache = createDayRowsCache(test.store.db);
    const now = START.getTime() + 60 * 60_000;
    const before = await cache.rows('slaska', DAY, now);
    expect(before.tickets.map((ticket) => ticket.status)).toEqual([
      'waiting',
      'waiting',
      'waiting',
    ]);

    // urzednik2 calls the second ticket at counter 2, as the engine writes it.
    const calledAt = toStoreTime(new Date(now));
    await test.store.db
      .updateTable('queue_tickets')
      .set({
        status: 'called',
        counter_id: 'slaska.2',
        called_at: calledAt,
        last_called_at: calledAt,
      })
      .where('id', '=', ids[1]!)
      .execute();
    await test.store.db
      .insertInto('queue_journal')
      .values({
        site_id: 'slaska',
        day: DAY,
        at: calledAt,
        action: 'ticket-called',
        actor: 'urzednik2',
        ticket_id: ids[1]!,
        ticket_number: 'A002',
        category_id: 'slaska.dowody',
        counter_id: 'slaska.2',
        counter_number: 2,
        details: toStoreJson({}),
      })
      .execute();

    const after = await cache.rows('slaska', DAY, now + 1000);
    const called = after.tickets.find((ticket) => ticket.ticketId === ids[1]);
    expect(called).toMatchObject({
      status: 'called',
      firstCalledBy: 'urzednik2',
      firstCalledAt: now,
    });
    // Read again (the overlap), the same call is not counted twice.
    const again = await cache.rows('slaska', DAY, now + 2000);
    expect(again.tickets.filter((ticket) => ticket.status === 'called')).toHaveLength(1);
  });

  it('reads everything again after a minute, even a change the journal does not name', async () => {
    const cache = createDayRowsCache(test.store.db);
    const now = START.getTime() + 2 * 60 * 60_000;
    await cache.rows('slaska', DAY, now);
    await test.store.db
      .updateTable('queue_tickets')
      .set({ priority: 1 })
      .where('id', '=', ids[2]!)
      .execute();
    const soon = await cache.rows('slaska', DAY, now + 1000);
    expect(soon.tickets.find((ticket) => ticket.ticketId === ids[2])?.priority).toBe(false);
    const later = await cache.rows('slaska', DAY, now + FULL_RELOAD_MS);
    expect(later.tickets.find((ticket) => ticket.ticketId === ids[2])?.priority).toBe(true);
  });
});
