import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALLING_RULES } from '../../common/contract/central/queue';
import { storeKinds } from '../testing/testStores';
import { openQueueTestKit, type QueueTestKit } from './queueTestKit';

// Tuesday 3 March 2026, 09:00 in Warsaw (UTC+1).
const START = '2026-03-03T08:00:00.000Z';

describe.each(storeKinds)('a counter through the day (%s)', (kind) => {
  let kit: QueueTestKit;
  const clerk = () => kit.clerk('slaska.1');

  beforeEach(async () => {
    kit = await openQueueTestKit(kind, START);
    await kit.engine.setRules(
      'slaska',
      { ...DEFAULT_CALLING_RULES, noShow: { minRecalls: 2, minMinutes: 3 } },
      'kierownik',
    );
  });
  afterEach(async () => {
    await kit.dispose();
  });

  const issue = async (categoryId = 'slaska.dowody', priority = false) => {
    const answer = await kit.engine.issueTicket({
      siteId: 'slaska',
      categoryId,
      priority,
      source: 'kiosk',
      checklist: null,
      actor: 'kiosk',
    });
    if (answer.outcome !== 'issued') throw new Error(answer.refusal.message);
    kit.clock.advanceMinutes(1);
    return answer;
  };

  it('takes commands only when open under the clerk, and one ticket at a time', async () => {
    await issue();
    await issue();
    await expect(kit.engine.callNext(clerk())).rejects.toMatchObject({ reason: 'counter-closed' });
    const opened = await kit.engine.open(clerk());
    expect(opened.counter).toMatchObject({ state: 'open', clerk: { login: 'urzednik1' } });
    await expect(kit.engine.callNext(kit.clerk('slaska.1', 'urzednik2'))).rejects.toMatchObject({
      reason: 'counter-of-another-clerk',
      statusCode: 403,
    });
    const first = await kit.engine.callNext(clerk());
    expect(first.counter.currentTicket?.number).toBe('A001');
    await expect(kit.engine.callNext(clerk())).rejects.toMatchObject({ reason: 'counter-busy' });
    await expect(kit.engine.close(clerk())).rejects.toMatchObject({
      reason: 'counter-has-ticket',
      message: expect.stringContaining('A001'),
    });
  });

  it('marks a no-show only after the recalls and minutes, and brings it back at its time', async () => {
    const early = await issue();
    await issue();
    await kit.engine.open(clerk());
    await kit.engine.callNext(clerk());
    await expect(kit.engine.noShow(clerk())).rejects.toMatchObject({
      reason: 'no-show-too-early',
      statusCode: 409,
    });
    await kit.engine.recall(clerk());
    const recalled = await kit.engine.recall(clerk());
    expect(recalled.ticket?.recalls).toBe(2);
    await expect(kit.engine.noShow(clerk())).rejects.toMatchObject({ reason: 'no-show-too-early' });
    kit.clock.advanceMinutes(3);
    const gone = await kit.engine.noShow(clerk());
    expect(gone.ticket?.status).toBe('no-show');
    expect(gone.counter.currentTicket).toBeNull();

    const overview = await kit.engine.overview('slaska');
    expect(overview.noShows.map((n) => n.number)).toEqual(['A001']);
    const back = await kit.engine.bringBack(clerk(), { number: 'A001' });
    expect(back.ticket).toMatchObject({ status: 'waiting', queuedAt: early.ticket.queuedAt });
    // Back at its original time: ahead of A002, who took a ticket after it.
    expect((await kit.engine.callNext(clerk())).ticket?.number).toBe('A001');
  });

  it('parks a visit and takes it back, and does not close while a ticket is parked', async () => {
    await issue();
    await issue();
    await kit.engine.open(clerk());
    const called = await kit.engine.callNext(clerk());
    const parked = await kit.engine.park(clerk());
    expect(parked.counter.parkedTickets.map((t) => t.number)).toEqual(['A001']);
    expect(parked.counter.currentTicket).toBeNull();
    await kit.engine.callNext(clerk());
    await kit.engine.finish(clerk(), { services: [], outcome: 'settled' });
    await expect(kit.engine.close(clerk())).rejects.toMatchObject({ reason: 'counter-has-ticket' });
    const resumed = await kit.engine.resumeParked(clerk(), called.ticket?.id ?? '');
    expect(resumed.counter.currentTicket?.number).toBe('A001');
    await kit.engine.finish(clerk(), {
      services: ['dowod-osobisty'],
      outcome: 'application-filed',
    });
    const closed = await kit.engine.close(clerk());
    expect(closed.counter).toMatchObject({ state: 'closed', clerk: null, servedToday: 2 });
  });

  it("requires the site's finish fields, and records services and outcome", async () => {
    await kit.engine.setRules(
      'slaska',
      { ...DEFAULT_CALLING_RULES, requiredFinishFields: ['services', 'outcome'] },
      'kierownik',
    );
    await issue();
    await kit.engine.open(clerk());
    await kit.engine.callNext(clerk());
    await expect(kit.engine.finish(clerk(), { services: [], outcome: null })).rejects.toMatchObject(
      {
        reason: 'finish-fields-missing',
        statusCode: 400,
        issues: [
          { path: 'services', message: expect.any(String) },
          { path: 'outcome', message: expect.any(String) },
        ],
      },
    );
    kit.clock.advanceMinutes(7);
    const done = await kit.engine.finish(clerk(), {
      services: ['dowod-osobisty'],
      outcome: 'settled',
    });
    expect(done.ticket).toMatchObject({
      status: 'done',
      services: ['dowod-osobisty'],
      outcome: 'settled',
    });
    expect(
      Date.parse(done.ticket?.finishedAt ?? '') - Date.parse(done.ticket?.servedAt ?? ''),
    ).toBe(7 * 60_000);
  });

  it('pauses with a reason the supervisor sees, and takes no ticket while paused', async () => {
    await issue();
    await kit.engine.open(clerk());
    const paused = await kit.engine.pause(clerk(), 'back-office');
    expect(paused.counter).toMatchObject({ state: 'paused', pauseReason: 'back-office' });
    await expect(kit.engine.callNext(clerk())).rejects.toMatchObject({ reason: 'counter-paused' });
    const overview = await kit.engine.overview('slaska');
    expect(overview.counters.find((c) => c.counterId === 'slaska.1')).toMatchObject({
      state: 'paused',
      pauseReason: 'back-office',
      clerk: { login: 'urzednik1' },
    });
    await kit.engine.resume(clerk());
    expect((await kit.engine.callNext(clerk())).ticket?.number).toBe('A001');
  });

  it('serves a walk-in at once, numbered in its category', async () => {
    await issue();
    await kit.engine.open(clerk());
    const walkIn = await kit.engine.walkIn(clerk(), {
      categoryId: 'slaska.dowody',
      priority: false,
    });
    expect(walkIn.ticket).toMatchObject({ number: 'A002', source: 'walk-in', status: 'called' });
    expect(walkIn.counter.currentTicket?.number).toBe('A002');
    await expect(
      kit.engine.walkIn(clerk(), { categoryId: 'slaska.pojazdy', priority: false }),
    ).rejects.toMatchObject({ reason: 'counter-busy' });
  });

  it('estimates the wait from the median service time and the counters open', async () => {
    for (let i = 0; i < 6; i += 1) await issue();
    await kit.engine.open(clerk());
    for (const minutes of [4, 6, 20]) {
      await kit.engine.callNext(clerk());
      kit.clock.advanceMinutes(minutes);
      await kit.engine.finish(clerk(), { services: [], outcome: 'settled' });
    }
    // Three wait; the median visit took 6 minutes; counter 1 is the only one open for A.
    const overview = await kit.engine.overview('slaska');
    const dowody = overview.categories.find((c) => c.categoryId === 'slaska.dowody');
    expect(dowody).toMatchObject({ waiting: 3, serviceMinutes: 6, estimatedWaitMinutes: 18 });
    await kit.engine.open(kit.clerk('slaska.2', 'urzednik2'));
    const kiosk = await kit.engine.kiosk('slaska');
    expect(kiosk.categories.find((c) => c.categoryId === 'slaska.dowody')).toMatchObject({
      waiting: 3,
      estimatedWaitMinutes: 9,
    });
    const next = await issue();
    expect(next).toMatchObject({ position: 4, estimatedWaitMinutes: 9 });
  });

  it('journals every change and announces it after commit, with numbers only', async () => {
    await issue();
    await kit.engine.open(clerk());
    await kit.engine.callNext(clerk());
    await expect(kit.engine.noShow(clerk())).rejects.toThrow();
    expect(kit.events.map((event) => event.change)).toEqual([
      'rules-changed',
      'ticket-issued',
      'counter-opened',
      'ticket-called',
    ]);
    expect(kit.events[3]).toEqual({
      siteId: 'slaska',
      change: 'ticket-called',
      ticketId: expect.any(String),
      ticketNumber: 'A001',
      counterId: 'slaska.1',
      counterNumber: 1,
    });
    const journal = await kit.test.store.db
      .selectFrom('queue_journal')
      .select(['action', 'actor'])
      .orderBy('id')
      .execute();
    expect(journal).toEqual([
      { action: 'rules-changed', actor: 'kierownik' },
      { action: 'ticket-issued', actor: 'kiosk' },
      { action: 'counter-opened', actor: 'urzednik1' },
      { action: 'ticket-called', actor: 'urzednik1' },
    ]);
    const display = await kit.engine.display('slaska');
    expect(display.serving).toEqual([{ ticketNumber: 'A001', counterNumber: 1 }]);
    expect(display.lastCalls).toMatchObject([
      { ticketNumber: 'A001', counterNumber: 1, recall: false },
    ]);
  });
});
