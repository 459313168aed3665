import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_CALLING_RULES,
  type CallingRules,
  type IssueTicketResponse,
  type Ticket,
} from '../../common/contract/central/queue';
import { storeKinds } from '../testing/testStores';
import { openQueueTestKit, type QueueTestKit } from './queueTestKit';

// Tuesday 3 March 2026, Warsaw in winter time (UTC+1): 09:00 there is 08:00Z.
const at = (localTime: string) => {
  const [hour, minute] = localTime.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(2026, 2, 3, hour - 1, minute)).toISOString();
};

describe.each(storeKinds)('calling order (%s)', (kind) => {
  let kit: QueueTestKit;

  beforeEach(async () => {
    kit = await openQueueTestKit(kind, at('07:30'));
  });
  afterEach(async () => {
    await kit.dispose();
  });

  const rules = (change: Partial<CallingRules>) =>
    kit.engine.setRules('slaska', { ...DEFAULT_CALLING_RULES, ...change }, 'kierownik');

  async function issue(localTime: string, categoryId: string, priority = false): Promise<Ticket> {
    kit.clock.set(at(localTime));
    const answer: IssueTicketResponse = await kit.engine.issueTicket({
      siteId: 'slaska',
      categoryId,
      priority,
      source: 'kiosk',
      checklist: null,
      actor: 'kiosk',
    });
    if (answer.outcome !== 'issued') throw new Error(`refused: ${answer.refusal.message}`);
    return answer.ticket;
  }

  async function open(counterId: string, login = 'urzednik1') {
    await kit.engine.open(kit.clerk(counterId, login));
  }

  /** Calls at a counter and finishes the visit at once; answers the number called. */
  async function callAndFinish(counterId: string, login = 'urzednik1'): Promise<string | null> {
    const clerk = kit.clerk(counterId, login);
    const { ticket } = await kit.engine.callNext(clerk);
    if (ticket) await kit.engine.finish(clerk, { services: [], outcome: 'settled' });
    return ticket?.number ?? null;
  }

  it('calls an appointment at its time ahead of walk-ins who came earlier', async () => {
    await rules({});
    await kit.engine.importAppointments('slaska', [
      {
        bookingCode: 'ABCD-1000',
        siteId: 'slaska',
        categoryId: 'slaska.dowody',
        dueAt: at('10:00'),
      },
    ]);
    await issue('09:00', 'slaska.dowody');
    await issue('09:05', 'slaska.dowody');
    kit.clock.set(at('09:30'));
    const checkIn = await kit.engine.checkIn('slaska', 'ABCD-1000');
    expect(checkIn.outcome).toBe('checked-in');
    if (checkIn.outcome !== 'checked-in') return;
    expect(checkIn.ticket).toMatchObject({ number: 'A003', source: 'appointment' });
    expect(checkIn.ticket.queuedAt).toBe(at('10:00'));

    await open('slaska.1');
    kit.clock.set(at('09:40'));
    expect(await callAndFinish('slaska.1')).toBe('A001');
    kit.clock.set(at('09:56'));
    // Due (10:00, called from 5 minutes before): ahead of A002, who has waited since 09:05.
    expect(await callAndFinish('slaska.1')).toBe('A003');
    expect(await callAndFinish('slaska.1')).toBe('A002');
  });

  it('gives a late arrival past the grace period an ordinary ticket, and says so', async () => {
    await rules({ appointmentGraceMinutes: 15 });
    await kit.engine.importAppointments('slaska', [
      {
        bookingCode: 'LATE-0900',
        siteId: 'slaska',
        categoryId: 'slaska.meldunki',
        dueAt: at('09:00'),
      },
    ]);
    kit.clock.set(at('09:16'));
    const late = await kit.engine.checkIn('slaska', 'late-0900');
    expect(late.outcome).toBe('late-ordinary-ticket');
    if (late.outcome !== 'late-ordinary-ticket') return;
    expect(late.ticket.appointment).toBeNull();
    expect(late.ticket.queuedAt).toBe(at('09:16'));
    expect(late.message).toContain('zwykły bilet');
    const again = await kit.engine.checkIn('slaska', 'LATE-0900');
    expect(again).toMatchObject({ outcome: 'refused', refusal: { reason: 'already-checked-in' } });
    const unknown = await kit.engine.checkIn('slaska', 'NOPE-0000');
    expect(unknown).toMatchObject({
      outcome: 'refused',
      refusal: { reason: 'unknown-booking-code' },
    });
  });

  it('calls a category first once someone there has waited past its long-wait limit', async () => {
    await rules({ longWait: [{ categoryId: 'slaska.meldunki', minutes: 45 }] });
    await issue('09:00', 'slaska.meldunki');
    await issue('09:30', 'slaska.dowody');
    await issue('09:31', 'slaska.dowody');
    await open('slaska.1'); // serves dowody first, then meldunki
    kit.clock.set(at('09:40'));
    expect(await callAndFinish('slaska.1')).toBe('A001');
    kit.clock.set(at('09:46'));
    expect(await callAndFinish('slaska.1')).toBe('B001');
    expect(await callAndFinish('slaska.1')).toBe('A002');
  });

  it('serves its categories in the counter order, the longest waiting first within one', async () => {
    await rules({});
    await issue('09:00', 'slaska.dowody');
    await issue('09:01', 'slaska.meldunki');
    await issue('09:02', 'slaska.meldunki');
    await open('slaska.3'); // meldunki first, then dowody
    expect(await callAndFinish('slaska.3')).toBe('B001');
    expect(await callAndFinish('slaska.3')).toBe('B002');
    expect(await callAndFinish('slaska.3')).toBe('A001');
    expect(await callAndFinish('slaska.3')).toBeNull();
  });

  it('alternates 1 priority : 2 ordinary over a sequence, and neither class starves', async () => {
    await rules({ priorityRatio: { ordinary: 2, priority: 1 } });
    for (let i = 0; i < 6; i += 1) {
      await issue(`09:${String(i * 2).padStart(2, '0')}`, 'slaska.dowody', false);
      await issue(`09:${String(i * 2 + 1).padStart(2, '0')}`, 'slaska.dowody', true);
    }
    await open('slaska.1');
    kit.clock.set(at('10:00'));
    const classes: string[] = [];
    for (;;) {
      const clerk = kit.clerk('slaska.1');
      const { ticket } = await kit.engine.callNext(clerk);
      if (!ticket) break;
      classes.push(ticket.priority ? 'P' : 'O');
      await kit.engine.finish(clerk, { services: [], outcome: 'settled' });
    }
    expect(classes.join('')).toBe('POOPOOPOOPPP');
  });

  it('keeps the original time on a transfer to another category', async () => {
    await rules({});
    const first = await issue('09:00', 'slaska.dowody');
    await issue('09:05', 'slaska.meldunki');
    await open('slaska.1');
    await open('slaska.3', 'urzednik2');
    const called = await kit.engine.callNext(kit.clerk('slaska.1'));
    expect(called.ticket?.id).toBe(first.id);
    kit.clock.set(at('09:20'));
    const moved = await kit.engine.transfer(kit.clerk('slaska.1'), {
      toCategoryId: 'slaska.meldunki',
    });
    expect(moved.ticket).toMatchObject({
      status: 'waiting',
      categoryId: 'slaska.meldunki',
      queuedAt: first.queuedAt,
    });
    expect(moved.counter.currentTicket).toBeNull();
    // Counter 3 serves meldunki first: A001 queued at 09:00 goes before B001 of 09:05.
    const next = await kit.engine.callNext(kit.clerk('slaska.3', 'urzednik2'));
    expect(next.ticket?.number).toBe('A001');
  });

  it('sends a ticket transferred to a named counter to that counter only, first', async () => {
    await rules({});
    const lokale = await issue('08:50', 'slaska.lokale');
    const ticket = await issue('09:00', 'slaska.dowody');
    await issue('09:01', 'slaska.dowody');
    await open('slaska.1');
    await open('slaska.2', 'urzednik2');
    await kit.engine.callNext(kit.clerk('slaska.1'));
    const moved = await kit.engine.transfer(kit.clerk('slaska.1'), { toCounterId: 'slaska.7' });
    expect(moved.ticket).toMatchObject({ targetCounterId: 'slaska.7', queuedAt: ticket.queuedAt });
    // Counter 2 serves dowody too, but the ticket is meant for counter 7.
    expect((await kit.engine.callNext(kit.clerk('slaska.2', 'urzednik2'))).ticket?.number).toBe(
      'A002',
    );
    await open('slaska.7', 'kierownik');
    const atSeven = await kit.engine.callNext(kit.clerk('slaska.7', 'kierownik'));
    expect(atSeven.ticket?.id).toBe(ticket.id);
    await kit.engine.finish(kit.clerk('slaska.7', 'kierownik'), {
      services: [],
      outcome: 'settled',
    });
    expect((await kit.engine.callNext(kit.clerk('slaska.7', 'kierownik'))).ticket?.id).toBe(
      lokale.id,
    );
  });

  it('calls a chosen ticket out of order only where the site allows it, and journals it', async () => {
    await rules({ allowCallOutOfOrder: false });
    await issue('09:00', 'slaska.dowody');
    const chosen = await issue('09:01', 'slaska.dowody');
    await open('slaska.1');
    await expect(
      kit.engine.callTicket(kit.clerk('slaska.1'), { number: chosen.number }),
    ).rejects.toMatchObject({ reason: 'out-of-order-not-allowed', statusCode: 409 });
    await rules({ allowCallOutOfOrder: true });
    const called = await kit.engine.callTicket(kit.clerk('slaska.1'), { number: 'A002' });
    expect(called.ticket?.id).toBe(chosen.id);
    const journal = await kit.test.store.db
      .selectFrom('queue_journal')
      .select(['actor', 'ticket_number', 'counter_number'])
      .where('action', '=', 'ticket-called-out-of-order')
      .execute();
    expect(journal).toEqual([{ actor: 'urzednik1', ticket_number: 'A002', counter_number: 1 }]);
  });
});
