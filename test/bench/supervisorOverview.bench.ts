import { afterAll, it } from 'vitest';
import { supervisorPaths } from '../../common/contract/central/supervisor';
import type { CentralApp } from '../../server/http/centralContext';
import { createQueueReferenceCache } from '../../server/queue/queueReference';
import { SITE_TIME_ZONE } from '../../common/domain/siteClock';
import { toStoreJson, toStoreTime } from '../../server/store/storeValues';
import { readDayRows } from '../../server/supervisor/dayRows';
import { createOverviewBuilder } from '../../server/supervisor/supervisorOverview';
import {
  writeSyntheticDay,
  type SyntheticTicket,
} from '../../server/supervisor/testing/syntheticDay';
import {
  buildTestServer,
  loginAs,
  manualClock,
  openTestStore,
  storeKinds,
  type TestStore,
} from '../../server/testing/testStores';
import { ms, report, summarize } from './stats';

// The supervisor's overview of a site with 50,000 tickets in one day (far past a real day of
// the busiest building: the worst case), asked as main asks it after every live event: a clerk
// calls the next ticket, then the overview is refreshed — the builder alone, and the whole GET
// route (session check, zod check of the answer, JSON). Both keep the day's rows between
// refreshes and read only what the journal says changed (a full read once a minute: the cold
// row). Beside them, in the same run, the floor: reading that day's rows once (the tickets and
// the journal's figure actions) and nothing else. On both stores.

const TICKETS = 50_000;
const ROUNDS = 40;
const WARM_UP = 3;
const DAY = '2026-03-02';
/** 08:00 in Warsaw; the overview is asked at 16:30 (minute 510), most of the day served. */
const START = new Date('2026-03-02T07:00:00.000Z');
const NOW = '2026-03-02T15:30:00.000Z';

const CATEGORIES = [
  ['slaska.dowody', 'A'],
  ['slaska.meldunki', 'B'],
  ['slaska.pojazdy', 'C'],
  ['slaska.prawa-jazdy', 'D'],
  ['slaska.lokale', 'E'],
  ['slaska.budownictwo', 'F'],
] as const;

/** A busy day: arrivals spread over 510 minutes; the last 300 still wait; 1 in 25 a no-show. */
function busyDay(): SyntheticTicket[] {
  const spacing = 510 / TICKETS;
  return Array.from({ length: TICKETS }, (_, i): SyntheticTicket => {
    const [categoryId, prefix] = CATEGORIES[i % CATEGORIES.length]!;
    const issued = i * spacing;
    const waiting = i >= TICKETS - 300;
    const called = waiting ? null : issued + (i % 40);
    const counter = (i % 8) + 1;
    return {
      categoryId,
      prefix,
      issuedMinute: issued,
      calledMinute: called,
      finishedMinute: called === null || i % 25 === 0 ? null : called + 4 + (i % 9),
      counterId: `slaska.${counter}`,
      clerk: `urzednik${(counter % 2) + 1}`,
      noShow: i % 25 === 0 && !waiting,
      ...(i % 50 === 7 ? { transferredBy: 'urzednik1' } : {}),
    };
  });
}

const opened: { test: TestStore; app: CentralApp }[] = [];
afterAll(async () => {
  for (const { test, app } of opened) {
    await app.close();
    await test.dispose();
  }
});

it.each(storeKinds)(
  'the supervisor’s overview of a site with 50,000 tickets in a day, on %s',
  async (kind) => {
    const test = await openTestStore(kind);
    const clock = manualClock(NOW);
    const app = await buildTestServer(test.store, { clock });
    opened.push({ test, app });
    await writeSyntheticDay(test.store.db, {
      siteId: 'slaska',
      day: DAY,
      start: START,
      tickets: busyDay(),
    });
    const buildOverview = createOverviewBuilder({
      store: test.store,
      clock,
      reference: createQueueReferenceCache(test.store),
      timeZone: SITE_TIME_ZONE,
      liveEvents: { publish: async () => undefined },
      logger: { error: () => undefined },
    });
    const headers = await loginAs(app, 'kierownik');

    const waiting = await test.store.db
      .selectFrom('queue_tickets')
      .select(['id', 'number', 'category_id'])
      .where('status', '=', 'waiting')
      .orderBy('queued_at')
      .execute();
    const journal = (action: string, ticket: (typeof waiting)[number], at: string) => ({
      site_id: 'slaska',
      day: DAY,
      at,
      action,
      actor: 'urzednik1',
      ticket_id: ticket.id,
      ticket_number: ticket.number,
      category_id: ticket.category_id,
      counter_id: 'slaska.1',
      counter_number: 1,
      details: toStoreJson({}),
    });
    /**
     * What the engine writes when the clerk at counter 1 finishes the visit and calls the next
     * ticket: the two tickets' rows and two journal rows.
     */
    const finishAndCall = async (round: number) => {
      const at = toStoreTime(clock.now());
      const previous = round > 0 ? waiting[round - 1]! : null;
      if (previous) {
        await test.store.db
          .updateTable('queue_tickets')
          .set({ status: 'done', served_at: at, finished_at: at })
          .where('id', '=', previous.id)
          .execute();
        await test.store.db
          .insertInto('queue_journal')
          .values(journal('visit-finished', previous, at))
          .execute();
      }
      const ticket = waiting[round]!;
      await test.store.db
        .updateTable('queue_tickets')
        .set({ status: 'called', counter_id: 'slaska.1', called_at: at, last_called_at: at })
        .where('id', '=', ticket.id)
        .execute();
      await test.store.db
        .insertInto('queue_journal')
        .values(journal('ticket-called', ticket, at))
        .execute();
    };

    let start = performance.now();
    await buildOverview('slaska');
    const cold = performance.now() - start;

    const read: number[] = [];
    const built: number[] = [];
    const route: number[] = [];
    let rows = 0;
    for (let round = 0; round < ROUNDS + WARM_UP; round += 1) {
      clock.advance(1000);
      await finishAndCall(round);
      start = performance.now();
      const day = await readDayRows(test.store.db, 'slaska', DAY);
      const readMs = performance.now() - start;
      rows = day.tickets.length;

      start = performance.now();
      const overview = await buildOverview('slaska');
      const builtMs = performance.now() - start;
      if (overview.figures.issued !== TICKETS) throw new Error('the overview missed tickets');

      start = performance.now();
      const response = await app.inject({
        method: 'GET',
        url: supervisorPaths.overview('slaska'),
        headers,
      });
      const routeMs = performance.now() - start;
      if (response.statusCode !== 200) throw new Error(response.body);

      if (round >= WARM_UP) {
        read.push(readMs);
        built.push(builtMs);
        route.push(routeMs);
      }
    }

    const floor = summarize(read).p50;
    const row = (what: string, samples: number[]) => {
      const s = summarize(samples);
      return {
        what,
        p50: ms(s.p50),
        p99: ms(s.p99),
        'p50 / read once': (s.p50 / floor).toFixed(2),
      };
    };
    report(`Supervisor overview, ${kind}, ${rows} tickets in the day, ${ROUNDS} refreshes`, [
      row('read the day’s rows once (floor)', read),
      {
        what: 'first overview (cold: full read)',
        p50: ms(cold),
        p99: '',
        'p50 / read once': (cold / floor).toFixed(2),
      },
      row('refresh the overview after a call', built),
      row('GET the overview after a call (route)', route),
    ]);
  },
);
