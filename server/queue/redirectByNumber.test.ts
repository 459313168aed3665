import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queuePaths } from '../../common/contract/central/paths';
import {
  issueTicketResponseSchema,
  queueErrorSchema,
  redirectTicketResponseSchema,
  type Ticket,
} from '../../common/contract/central/queue';
import type { CentralApp } from '../http/centralContext';
import {
  buildTestServer,
  loginAs,
  openTestStore,
  storeKinds,
  workstationHeaders,
  type TestStore,
} from '../testing/testStores';
import { testClock, type TestClock } from './queueTestKit';

// Tuesday 3 March 2026, 09:00 in Warsaw.
const NINE = '2026-03-03T08:00:00.000Z';
const checklist = {
  caseTypeId: 'dowod-osobisty',
  documents: [
    { documentId: 'zdjecie', state: 'present' as const },
    { documentId: 'stary-dowod', state: 'missing' as const },
  ],
};

describe.each(storeKinds)(
  'the Resident Assistant redirects a ticket by its paper number (%s)',
  (kind) => {
    let test: TestStore;
    let app: CentralApp;
    let clock: TestClock;
    let published: { type: string; data: Record<string, unknown> }[];

    beforeEach(async () => {
      test = await openTestStore(kind);
      clock = testClock(NINE);
      published = [];
      app = await buildTestServer(test.store, {
        clock,
        liveEventsObserver: {
          publish: async (type, data) => {
            published.push({ type, data });
          },
        },
      });
    });
    afterEach(async () => {
      await app.close();
      await test.dispose();
    });

    const post = (url: string, headers: Record<string, string>, payload?: object) =>
      app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

    async function kioskTicket(categoryId: string): Promise<Ticket> {
      const answer = issueTicketResponseSchema.parse(
        (await post(queuePaths.kioskTickets('slaska'), {}, { categoryId })).json(),
      );
      if (answer.outcome !== 'issued') throw new Error('the kiosk refused');
      return answer.ticket;
    }

    it('finds the waiting ticket by the number on the paper, moves it keeping its time and attaches the checklist', async () => {
      const assistant = await loginAs(app, 'asystent');
      await kioskTicket('slaska.meldunki'); // B001
      const held = await kioskTicket('slaska.meldunki'); // B002
      expect(held.number).toBe('B002');

      const moved = await post(queuePaths.redirectAtSite('slaska'), assistant, {
        ticket: { number: 'B002' },
        toCategoryId: 'slaska.dowody',
        checklist,
      });
      expect(moved.statusCode).toBe(200);
      expect(redirectTicketResponseSchema.parse(moved.json()).ticket).toMatchObject({
        id: held.id,
        number: 'B002',
        categoryId: 'slaska.dowody',
        queuedAt: held.queuedAt,
        status: 'waiting',
        checklist,
      });
      expect(published.map((event) => event.data.change)).toContain('ticket-redirected');

      // By its id at the site, the same route; a redirect without a checklist keeps the one there.
      const again = await post(queuePaths.redirectAtSite('slaska'), assistant, {
        ticket: { ticketId: held.id },
        toCategoryId: 'slaska.pojazdy',
      });
      expect(again.statusCode).toBe(200);
      expect(redirectTicketResponseSchema.parse(again.json()).ticket).toMatchObject({
        categoryId: 'slaska.pojazdy',
        checklist,
      });
    });

    it('refuses a number nobody holds today, yesterday’s number, and another category than the site’s', async () => {
      const assistant = await loginAs(app, 'asystent');
      const unknown = await post(queuePaths.redirectAtSite('slaska'), assistant, {
        ticket: { number: 'B099' },
        toCategoryId: 'slaska.dowody',
      });
      expect(unknown.statusCode).toBe(404);
      expect(queueErrorSchema.parse(unknown.json()).error.reason).toBe('unknown-ticket');

      await kioskTicket('slaska.meldunki');
      const wrongCategory = await post(queuePaths.redirectAtSite('slaska'), assistant, {
        ticket: { number: 'B001' },
        toCategoryId: 'waszyngtona.dowody',
      });
      expect(wrongCategory.statusCode).toBe(404);
      expect(queueErrorSchema.parse(wrongCategory.json()).error.reason).toBe('unknown-category');

      clock.advanceMinutes(24 * 60);
      const nextMorning = await loginAs(app, 'asystent'); // the day's session ended
      const yesterdays = await post(queuePaths.redirectAtSite('slaska'), nextMorning, {
        ticket: { number: 'B001' },
        toCategoryId: 'slaska.dowody',
      });
      expect(yesterdays.statusCode).toBe(404);
      expect(queueErrorSchema.parse(yesterdays.json()).error.reason).toBe('unknown-ticket');
    });

    it('refuses a ticket already at a counter, and another site’s queue', async () => {
      const assistant = await loginAs(app, 'asystent');
      await kioskTicket('slaska.meldunki');
      const counter = {
        ...(await loginAs(app, 'urzednik1')),
        ...(await workstationHeaders(test.store, 'pc-slaska-3', 'slaska', 3)),
      };
      expect((await post(queuePaths.open, counter)).statusCode).toBe(200);
      expect((await post(queuePaths.callNext, counter)).statusCode).toBe(200);

      const called = await post(queuePaths.redirectAtSite('slaska'), assistant, {
        ticket: { number: 'B001' },
        toCategoryId: 'slaska.dowody',
      });
      expect(called.statusCode).toBe(409);
      expect(queueErrorSchema.parse(called.json()).error.reason).toBe('ticket-not-waiting');

      const elsewhere = await post(queuePaths.redirectAtSite('waszyngtona'), assistant, {
        ticket: { number: 'A001' },
        toCategoryId: 'waszyngtona.dowody',
      });
      expect(elsewhere.statusCode).toBe(403);

      const noSession = await post(
        queuePaths.redirectAtSite('slaska'),
        {},
        { ticket: { number: 'B001' }, toCategoryId: 'slaska.dowody' },
      );
      expect(noSession.statusCode).toBe(401);
    });
  },
);
