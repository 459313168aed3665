import { afterEach, describe, expect, it } from 'vitest';
import type { Category } from '../../common/contract/central/reference';
import { writeReferenceChanges } from '../reference/referenceFeed';
import { storeKinds } from '../testing/testStores';
import { openQueueTestKit, type QueueTestKit } from './queueTestKit';

/** A local Warsaw wall-clock time as an instant: winter UTC+1, summer UTC+2. */
const warsaw = (day: string, time: string, offsetHours: 1 | 2) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, h - offsetHours, min)).toISOString();
};

describe.each(storeKinds)('service hours and the daily cap (%s)', (kind) => {
  let kit: QueueTestKit;
  afterEach(async () => {
    await kit.dispose();
  });

  const kiosk = (categoryId = 'slaska.meldunki') =>
    kit.engine.issueTicket({
      siteId: 'slaska',
      categoryId,
      priority: false,
      source: 'kiosk',
      checklist: null,
      actor: 'kiosk',
    });

  it('issues no ticket after the last-ticket time, and says until when it issued', async () => {
    kit = await openQueueTestKit(kind, warsaw('2026-03-03', '15:00', 1));
    expect((await kiosk()).outcome).toBe('issued'); // 15:00 itself is the last ticket
    kit.clock.set(warsaw('2026-03-03', '15:01', 1));
    expect(await kiosk()).toMatchObject({
      outcome: 'refused',
      refusal: { reason: 'after-last-ticket', lastTicket: '15:00' },
    });
    const state = await kit.engine.kiosk('slaska');
    expect(state.refusal).toMatchObject({ reason: 'after-last-ticket' });
    expect(state.hours).toEqual({ opens: '07:30', closes: '15:30', lastTicket: '15:00' });
  });

  it('refuses before opening, naming the opening time', async () => {
    kit = await openQueueTestKit(kind, warsaw('2026-03-03', '07:10', 1));
    expect(await kiosk()).toMatchObject({
      outcome: 'refused',
      refusal: { reason: 'not-open-yet', opens: '07:30' },
    });
  });

  it('has no service on a public holiday (11 November 2026), with the holiday named', async () => {
    kit = await openQueueTestKit(kind, warsaw('2026-11-11', '10:00', 1));
    const answer = await kiosk();
    expect(answer).toMatchObject({
      outcome: 'refused',
      refusal: { reason: 'closed-today', name: 'Narodowe Święto Niepodległości' },
    });
    const state = await kit.engine.kiosk('slaska');
    expect(state.hours).toBeNull();
    expect(state.refusal?.reason).toBe('closed-today');
  });

  it('follows the timetable change of 1 September (Friday closes earlier, Monday later)', async () => {
    kit = await openQueueTestKit(kind, warsaw('2025-08-29', '14:30', 2));
    expect((await kiosk()).outcome).toBe('issued'); // Friday before: last ticket 15:00
    kit.clock.set(warsaw('2025-09-05', '14:30', 2));
    expect(await kiosk()).toMatchObject({
      outcome: 'refused',
      refusal: { reason: 'after-last-ticket', lastTicket: '14:00' },
    });
    kit.clock.set(warsaw('2025-08-25', '16:00', 2));
    expect((await kiosk()).outcome).toBe('refused'); // Monday before: last ticket 15:30
    kit.clock.set(warsaw('2025-09-01', '16:00', 2));
    expect((await kiosk()).outcome).toBe('issued'); // Monday from 1 September: 16:30
  });

  it('serves a ticket taken at 14:59 after the last-ticket time, at 16:30', async () => {
    kit = await openQueueTestKit(kind, warsaw('2026-03-03', '14:59', 1));
    const issued = await kiosk();
    expect(issued.outcome).toBe('issued');
    kit.clock.set(warsaw('2026-03-03', '16:30', 1));
    const clerk = kit.clerk('slaska.3');
    await kit.engine.open(clerk);
    const called = await kit.engine.callNext(clerk);
    expect(called.ticket?.number).toBe('B001');
  });

  it('numbers tickets per category per day, from 1 again the next day', async () => {
    kit = await openQueueTestKit(kind, warsaw('2026-03-03', '09:00', 1));
    const numbers = [];
    for (const category of ['slaska.meldunki', 'slaska.meldunki', 'slaska.dowody']) {
      const answer = await kiosk(category);
      numbers.push(answer.outcome === 'issued' ? answer.ticket.number : answer.outcome);
    }
    kit.clock.set(warsaw('2026-03-04', '09:00', 1));
    const tomorrow = await kiosk();
    expect([...numbers, tomorrow.outcome === 'issued' ? tomorrow.ticket.number : '']).toEqual([
      'B001',
      'B002',
      'A001',
      'B001',
    ]);
  });

  it("stops at the category's daily cap, and the kiosk says the day's tickets are gone", async () => {
    kit = await openQueueTestKit(kind, warsaw('2026-03-03', '09:00', 1));
    const capped: Category = {
      id: 'slaska.budownictwo',
      siteId: 'slaska',
      departmentId: 'ab',
      prefix: 'F',
      name: 'Architektura i budownictwo',
      dailyCap: 2,
      demo: true,
    };
    await kit.test.store.db
      .transaction()
      .execute((tx) =>
        writeReferenceChanges(
          tx,
          kit.test.store.dialect,
          [{ entity: 'category', id: capped.id, data: capped }],
          kit.clock.now(),
        ),
      );
    expect((await kiosk(capped.id)).outcome).toBe('issued');
    expect((await kiosk(capped.id)).outcome).toBe('issued');
    expect(await kiosk(capped.id)).toMatchObject({
      outcome: 'refused',
      refusal: { reason: 'daily-cap-reached', dailyCap: 2 },
    });
    const state = await kit.engine.kiosk('slaska');
    const category = state.categories.find((c) => c.categoryId === capped.id);
    expect(category?.refusal?.reason).toBe('daily-cap-reached');
    expect(category?.waiting).toBe(2);
    expect(await kiosk('slaska.nope')).toMatchObject({
      outcome: 'refused',
      refusal: { reason: 'unknown-category' },
    });
  });
});
