import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queuePaths } from '../../common/contract/central/paths';
import {
  callingRulesResponseSchema,
  counterCommandResponseSchema,
  displayStateSchema,
  DEFAULT_CALLING_RULES,
  issueTicketResponseSchema,
  kioskStateSchema,
  queueErrorSchema,
  queueOverviewSchema,
  redirectTicketResponseSchema,
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
import { testClock } from './queueTestKit';

// Tuesday 3 March 2026, 09:00 in Warsaw.
const NINE = '2026-03-03T08:00:00.000Z';

describe.each(storeKinds)('the queue over HTTP (%s)', (kind) => {
  let test: TestStore;
  let app: CentralApp;
  let published: { type: string; data: Record<string, unknown> }[];

  beforeEach(async () => {
    test = await openTestStore(kind);
    published = [];
    app = await buildTestServer(test.store, {
      clock: testClock(NINE),
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

  /** The clerk `login` at the counter PC of `counterNumber` at ul. Śląska. */
  async function counterPc(login: string, counterNumber: number) {
    return {
      ...(await loginAs(app, login)),
      ...(await workstationHeaders(
        test.store,
        `pc-slaska-${counterNumber}`,
        'slaska',
        counterNumber,
      )),
    };
  }
  const post = (url: string, headers: Record<string, string>, payload?: object) =>
    app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

  it('takes a kiosk ticket, calls it at one counter, shows it on the board, shrinks the queue for another', async () => {
    const kiosk = kioskStateSchema.parse(
      (await app.inject({ method: 'GET', url: queuePaths.kiosk('slaska') })).json(),
    );
    expect(kiosk.refusal).toBeNull();
    expect(kiosk.categories.map((c) => c.prefix)).toContain('B');

    const taken = await post(
      queuePaths.kioskTickets('slaska'),
      {},
      { categoryId: 'slaska.meldunki' },
    );
    expect(taken.statusCode).toBe(200);
    const issued = issueTicketResponseSchema.parse(taken.json());
    expect(issued).toMatchObject({ outcome: 'issued', ticket: { number: 'B001' }, position: 1 });

    const first = await counterPc('urzednik1', 3);
    const second = await counterPc('urzednik2', 1);
    const before = queueOverviewSchema.parse(
      (
        await app.inject({ method: 'GET', url: queuePaths.overview('slaska'), headers: second })
      ).json(),
    );
    expect(before.categories.find((c) => c.categoryId === 'slaska.meldunki')?.waiting).toBe(1);

    expect((await post(queuePaths.open, first)).statusCode).toBe(200);
    const called = await post(queuePaths.callNext, first);
    expect(called.statusCode).toBe(200);
    expect(counterCommandResponseSchema.parse(called.json())).toMatchObject({
      ticket: { number: 'B001', status: 'called', counterId: 'slaska.3' },
      counter: { number: 3, currentTicket: { number: 'B001' } },
    });

    const board = await app.inject({ method: 'GET', url: queuePaths.display('slaska') });
    const display = displayStateSchema.parse(board.json());
    expect(display.serving).toEqual([{ ticketNumber: 'B001', counterNumber: 3 }]);
    expect(display.lastCalls[0]).toMatchObject({ ticketNumber: 'B001', counterNumber: 3 });
    expect(board.body).not.toContain('Kowalska'); // the clerk's name never reaches the hall

    const after = queueOverviewSchema.parse(
      (
        await app.inject({ method: 'GET', url: queuePaths.overview('slaska'), headers: second })
      ).json(),
    );
    expect(after.categories.find((c) => c.categoryId === 'slaska.meldunki')?.waiting).toBe(0);
    expect(
      published.filter((event) => event.type === 'queue.changed').map((e) => e.data.change),
    ).toEqual(expect.arrayContaining(['ticket-issued', 'counter-opened', 'ticket-called']));
  });

  it('needs both the counter PC and the clerk for a counter command', async () => {
    const session = await loginAs(app, 'urzednik1');
    const station = await workstationHeaders(test.store, 'pc-slaska-2', 'slaska', 2);
    const onlySession = await post(queuePaths.callNext, session);
    expect(onlySession.statusCode).toBe(401);
    expect(onlySession.json().error.message).toContain('X-Okienko-Workstation');
    expect((await post(queuePaths.callNext, station)).statusCode).toBe(401);

    const desk = await workstationHeaders(test.store, 'pc-asystent', 'slaska', null);
    const notCounter = await post(queuePaths.open, { ...session, ...desk });
    expect(notCounter.statusCode).toBe(403);
    expect(queueErrorSchema.parse(notCounter.json()).error.reason).toBe(
      'not-a-counter-workstation',
    );

    const otherSite = await workstationHeaders(test.store, 'pc-wasz-1', 'waszyngtona', 1);
    expect((await post(queuePaths.open, { ...session, ...otherSite })).statusCode).toBe(403);

    const locker = { ...(await loginAs(app, 'depozyty')), ...station };
    expect((await post(queuePaths.open, locker)).statusCode).toBe(403);
  });

  it("answers the engine's refusals with a reason a program can branch on", async () => {
    const pc = await counterPc('urzednik1', 1);
    const closed = await post(queuePaths.callNext, pc);
    expect(closed.statusCode).toBe(409);
    expect(queueErrorSchema.parse(closed.json()).error).toMatchObject({
      code: 'conflict',
      reason: 'counter-closed',
    });
    await post(queuePaths.open, pc);
    const nobody = await post(queuePaths.callNext, pc);
    expect(counterCommandResponseSchema.parse(nobody.json()).ticket).toBeNull();
    const idle = await post(queuePaths.finish, pc, { services: [], outcome: 'settled' });
    expect(queueErrorSchema.parse(idle.json()).error.reason).toBe('counter-idle');
    const bad = await post(queuePaths.pause, pc, { reason: 'nap' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('reason');
    const paused = await post(queuePaths.pause, pc, { reason: 'break' });
    expect(counterCommandResponseSchema.parse(paused.json()).counter.pauseReason).toBe('break');
  });

  it('lets a supervisor of the site change the calling rules, and no clerk', async () => {
    const url = queuePaths.rules('slaska');
    const rules = { ...DEFAULT_CALLING_RULES, allowCallOutOfOrder: true };
    const clerk = await loginAs(app, 'urzednik1');
    expect(
      (await app.inject({ method: 'PUT', url, headers: clerk, payload: rules })).statusCode,
    ).toBe(403);
    const supervisor = await loginAs(app, 'kierownik');
    const changed = await app.inject({ method: 'PUT', url, headers: supervisor, payload: rules });
    expect(changed.statusCode).toBe(200);
    expect(callingRulesResponseSchema.parse(changed.json())).toMatchObject({
      rules: { allowCallOutOfOrder: true },
      updatedBy: 'kierownik',
    });
    const wrong = await app.inject({
      method: 'PUT',
      url,
      headers: supervisor,
      payload: { ...rules, longWait: [{ categoryId: 'waszyngtona.usc', minutes: 30 }] },
    });
    expect(wrong.statusCode).toBe(400);
    expect(queueErrorSchema.parse(wrong.json()).error).toMatchObject({
      reason: 'invalid-rules',
      issues: [{ path: 'longWait[0].categoryId' }],
    });
    const elsewhere = await app.inject({
      method: 'PUT',
      url: queuePaths.rules('waszyngtona'),
      headers: supervisor,
      payload: rules,
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it("takes the Resident Assistant's ticket with its checklist, and redirects it keeping its time", async () => {
    const assistant = await loginAs(app, 'asystent');
    const checklist = {
      caseTypeId: 'dowod-osobisty',
      documents: [{ documentId: 'zdjecie', state: 'present' as const }],
    };
    const issued = issueTicketResponseSchema.parse(
      (
        await post(queuePaths.assistantTickets('slaska'), assistant, {
          categoryId: 'slaska.meldunki',
          priority: true,
          checklist,
        })
      ).json(),
    );
    if (issued.outcome !== 'issued') throw new Error('refused');
    expect(issued.ticket).toMatchObject({ source: 'assistant', priority: true, checklist });
    const moved = await post(queuePaths.redirect(issued.ticket.id), assistant, {
      toCategoryId: 'slaska.dowody',
    });
    expect(moved.statusCode).toBe(200);
    expect(redirectTicketResponseSchema.parse(moved.json()).ticket).toMatchObject({
      categoryId: 'slaska.dowody',
      queuedAt: issued.ticket.queuedAt,
      checklist,
    });
    const kiosk = await post(
      queuePaths.assistantTickets('slaska'),
      {},
      { categoryId: 'slaska.dowody', priority: false },
    );
    expect(kiosk.statusCode).toBe(401);
  });

  it('checks in a demo booking code at the kiosk', async () => {
    const answer = await post(queuePaths.kioskCheckIn('slaska'), {}, { bookingCode: 'demo-0900' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({
      outcome: 'checked-in',
      ticket: { source: 'appointment' },
    });
    const unknownSite = await app.inject({ method: 'GET', url: queuePaths.display('nowhere') });
    expect(unknownSite.statusCode).toBe(404);
    expect(queueErrorSchema.parse(unknownSite.json()).error.reason).toBe('unknown-site');
  });

  it('describes every queue route in the OpenAPI document', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([queuePaths.callNext, '/api/v1/queue/sites/{siteId}/kiosk/tickets']),
    );
  });
});
