import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../common/contract/central/liveEvents';
import {
  counterMessageSchema,
  supervisorActionResponseSchema,
  supervisorErrorSchema,
  supervisorOverviewSchema,
  supervisorPaths,
  type SupervisorOverview,
} from '../../common/contract/central/supervisor';
import type { CentralApp } from '../http/centralContext';
import {
  buildTestServer,
  loginAs,
  manualClock,
  openTestStore,
  storeKinds,
  type TestStore,
} from '../testing/testStores';
import { insertOpenCounter } from './testing/openCounter';
import { writeSyntheticDay, type SyntheticTicket } from './testing/syntheticDay';

/** 08:00 in Warsaw on Monday 2 March 2026 (the site opens 08:00, closes 17:00). */
const START = new Date('2026-03-02T07:00:00.000Z');
/** The overview is asked at 14:00 (minute 360). */
const NOW = '2026-03-02T13:00:00.000Z';
const at = (minute: number) => new Date(START.getTime() + minute * 60_000).toISOString();

/**
 * A day whose figures are known in advance: 20 visits in A (ticket i issued at minute 5i,
 * called after 2i minutes, served 5 + i mod 5 minutes; even ones by urzednik1 at counter 1,
 * odd ones by urzednik2 at counter 2), a no-show after a 10-minute wait, and three tickets
 * still waiting in B for 30, 20 and 10 minutes.
 */
function syntheticTickets(): SyntheticTicket[] {
  const visits = Array.from({ length: 20 }, (_, i): SyntheticTicket => ({
    categoryId: 'slaska.dowody',
    prefix: 'A',
    issuedMinute: 5 * i,
    calledMinute: 7 * i,
    finishedMinute: 7 * i + 5 + (i % 5),
    counterId: i % 2 === 0 ? 'slaska.1' : 'slaska.2',
    clerk: i % 2 === 0 ? 'urzednik1' : 'urzednik2',
    ...(i === 3 ? { transferredBy: 'urzednik2' } : {}),
  }));
  return [
    ...visits,
    {
      categoryId: 'slaska.dowody',
      prefix: 'A',
      issuedMinute: 200,
      calledMinute: 210,
      finishedMinute: null,
      counterId: 'slaska.1',
      clerk: 'urzednik1',
      noShow: true,
    },
    ...[330, 340, 350].map((minute): SyntheticTicket => ({
      categoryId: 'slaska.meldunki',
      prefix: 'B',
      issuedMinute: minute,
      calledMinute: null,
      finishedMinute: null,
      counterId: null,
      clerk: null,
    })),
  ];
}

describe.each(storeKinds)('the supervisor’s routes, on %s', (kind) => {
  let test: TestStore;
  let app: CentralApp;
  const published: LiveEvent[] = [];
  let supervisor: { authorization: string };

  beforeAll(async () => {
    test = await openTestStore(kind);
    app = await buildTestServer(test.store, {
      clock: manualClock(NOW),
      liveEventsObserver: {
        publish: async (type, data) => {
          published.push({ id: '0', type, at: NOW, data });
        },
      },
    });
    await writeSyntheticDay(test.store.db, {
      siteId: 'slaska',
      day: '2026-03-02',
      start: START,
      tickets: syntheticTickets(),
    });
    // Counter 3 (meldunki first) open since 13:00 with nobody at it.
    await insertOpenCounter(test.store.db, 'slaska.3', at(300));
    supervisor = await loginAs(app, 'kierownik');
  });
  afterAll(async () => {
    await app.close();
    await test.dispose();
  });

  async function overview(): Promise<SupervisorOverview> {
    const response = await app.inject({
      method: 'GET',
      url: supervisorPaths.overview('slaska'),
      headers: supervisor,
    });
    expect(response.statusCode, response.body).toBe(200);
    return supervisorOverviewSchema.parse(response.json());
  }

  it('answers the day’s figures known in advance', async () => {
    const { figures, clerks } = await overview();
    expect(figures).toMatchObject({ issued: 24, served: 20, noShows: 1, transfers: 1 });
    // Waits 0, 2 … 38 and the no-show's 10.
    expect(figures.wait).toEqual({ count: 21, medianMinutes: 18, p90Minutes: 34 });
    expect(figures.service).toEqual({ count: 20, medianMinutes: 7, p90Minutes: 9 });
    expect(figures.withinTarget).toEqual({ targetMinutes: 20, within: 12, of: 21, share: 0.571 });
    const urzednik1 = clerks.find((clerk) => clerk.login === 'urzednik1');
    expect(urzednik1).toMatchObject({ served: 10, noShows: 1, transfers: 0 });
    // Waits 0, 4 … 36 and the no-show's 10.
    expect(urzednik1!.wait.medianMinutes).toBe(16);
    expect(urzednik1!.service.medianMinutes).toBe(7);
    expect(clerks.find((clerk) => clerk.login === 'urzednik2')).toMatchObject({
      served: 10,
      transfers: 1,
    });
  });

  it('answers the queues, the chart series and the forecast', async () => {
    const result = await overview();
    const meldunki = result.queues.find((queue) => queue.categoryId === 'slaska.meldunki')!;
    expect(meldunki).toMatchObject({ waiting: 3, longestWaitMinutes: 30, openCounters: 1 });
    expect(result.waitingTickets.map((ticket) => [ticket.number, ticket.waitedMinutes])).toEqual([
      ['B001', 30],
      ['B002', 20],
      ['B003', 10],
    ]);
    expect(result.timeline[0]).toMatchObject({
      label: '08:00',
      arrivals: 3,
      served: 2,
      waitingAtEnd: 0,
    });
    expect(result.timeline[1]).toMatchObject({ label: '08:15', arrivals: 3, waitingAtEnd: 1 });
    expect(result.timeline.at(-1)!.label).toBe('14:00');
    // One open counter, the day's median of 7 minutes: B003 is called in 14 minutes.
    expect(result.forecast).toMatchObject({
      status: 'ok',
      waiting: 3,
      openCounters: 1,
      serviceMinutes: 7,
      emptyAt: '2026-03-02T13:14:00.000Z',
      closesAt: '2026-03-02T16:00:00.000Z',
      marginMinutes: 166,
      atRiskTickets: 0,
    });
  });

  it('raises the alerts with the time each began', async () => {
    const { alerts, counters } = await overview();
    expect(alerts.map((alert) => [alert.kind, alert.since])).toEqual([
      // Both warnings, the older first. Counter 3 free since 13:00, B001 queued at 13:30:
      // idle beside it since then.
      ['counter-idle-with-waiting', at(330)],
      // B001 has waited 30 minutes: over the target of 20 since minute 350.
      ['wait-over-target', at(350)],
    ]);
    expect(counters.find((counter) => counter.counterId === 'slaska.3')).toMatchObject({
      activity: 'idle',
      clerk: { login: 'urzednik1' },
    });
  });

  it('refuses a clerk, and a supervisor at another site', async () => {
    const clerk = await loginAs(app, 'urzednik1');
    const refusals = [
      { method: 'GET' as const, url: supervisorPaths.overview('slaska'), headers: clerk },
      {
        method: 'POST' as const,
        url: supervisorPaths.counterMessages('slaska', 'slaska.1'),
        headers: clerk,
        payload: { text: 'hej' },
      },
      {
        method: 'GET' as const,
        url: supervisorPaths.exportTable('slaska', 'tickets'),
        headers: clerk,
      },
      { method: 'GET' as const, url: supervisorPaths.overview('focha'), headers: supervisor },
    ];
    for (const request of refusals) {
      const response = await app.inject(request);
      expect(response.statusCode, request.url).toBe(403);
      expect(supervisorErrorSchema.parse(response.json()).error.code).toBe('forbidden');
    }
  });

  it('changes a counter’s categories through the reference data, recorded with who did it', async () => {
    const response = await app.inject({
      method: 'PUT',
      url: supervisorPaths.counterCategories('slaska', 'slaska.3'),
      headers: supervisor,
      payload: { categoryIds: ['slaska.dowody', 'slaska.meldunki'] },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(supervisorActionResponseSchema.parse(response.json()).action).toMatchObject({
      kind: 'counter-categories',
      actor: 'kierownik',
      counterId: 'slaska.3',
    });
    const reference = await app.inject({
      method: 'GET',
      url: '/api/v1/reference/counter',
      headers: supervisor,
    });
    const counters = (reference.json() as { items?: unknown[] }).items ?? reference.json();
    expect(JSON.stringify(counters)).toContain('"categoryIds":["slaska.dowody","slaska.meldunki"]');
    expect(published.some((event) => event.type === 'reference.changed')).toBe(true);
    const foreign = await app.inject({
      method: 'PUT',
      url: supervisorPaths.counterCategories('slaska', 'slaska.3'),
      headers: supervisor,
      payload: { categoryIds: ['focha.dowody'] },
    });
    expect(foreign.statusCode).toBeGreaterThanOrEqual(404);
  });

  it('moves a waiting ticket to another category, keeping its place in time', async () => {
    const { waitingTickets } = await overview();
    const b002 = waitingTickets.find((ticket) => ticket.number === 'B002')!;
    const response = await app.inject({
      method: 'POST',
      url: supervisorPaths.moveTicket('slaska', b002.ticketId),
      headers: supervisor,
      payload: { toCategoryId: 'slaska.dowody' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const after = await overview();
    expect(after.waitingTickets.find((ticket) => ticket.number === 'B002')).toMatchObject({
      categoryId: 'slaska.dowody',
      queuedAt: b002.queuedAt,
    });
    expect(after.actions.find((action) => action.kind === 'ticket-moved')).toMatchObject({
      actor: 'kierownik',
      ticketNumber: 'B002',
    });
  });

  it('sends a message to a counter as a live event', async () => {
    const response = await app.inject({
      method: 'POST',
      url: supervisorPaths.counterMessages('slaska', 'slaska.2'),
      headers: supervisor,
      payload: { text: 'Proszę przejąć kolejkę B.' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const event = published.find((candidate) => candidate.type === 'counter.message');
    expect(counterMessageSchema.parse(event?.data)).toMatchObject({
      counterNumber: 2,
      text: 'Proszę przejąć kolejkę B.',
    });
  });

  it('closes an idle counter, and will not open a closed one from afar', async () => {
    const url = supervisorPaths.counterState('slaska', 'slaska.3');
    const closed = await app.inject({
      method: 'POST',
      url,
      headers: supervisor,
      payload: { state: 'closed' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const row = await test.store.db
      .selectFrom('queue_counters')
      .select(['state', 'clerk_login'])
      .where('counter_id', '=', 'slaska.3')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'closed', clerk_login: null });
    const reopened = await app.inject({
      method: 'POST',
      url,
      headers: supervisor,
      payload: { state: 'open' },
    });
    expect(reopened.statusCode).toBe(409);
    expect(supervisorErrorSchema.parse(reopened.json()).error.reason).toBe('counter-needs-clerk');
  });

  it('exports the day’s tables as CSV and the shift report as PDF', async () => {
    const csv = await app.inject({
      method: 'GET',
      url: supervisorPaths.exportTable('slaska', 'tickets'),
      headers: supervisor,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('okienko-slaska-2026-03-02-tickets.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^numer;kategoria;źródło;/);
    expect(lines).toHaveLength(1 + 24);
    expect(lines[1]).toMatch(/^A001;A;biletomat;nie;nie;obsłużony;08:00;08:00;08:00;08:05;0;5;1$/);

    const pdf = await app.inject({
      method: 'GET',
      url: supervisorPaths.report('slaska'),
      headers: supervisor,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The embedded font (a subset), so ą, ę, ł print on any PC.
    expect(bytes.toString('latin1')).toMatch(/\/FontFile2/);
    expect(bytes.toString('latin1')).toMatch(/DejaVuSans/);
  });

  it('exports an earlier day from its own rows', async () => {
    const response = await app.inject({
      method: 'GET',
      url: supervisorPaths.exportTable('slaska', 'categories', '2026-02-27'),
      headers: supervisor,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(';0;0;0;');
  });
});
