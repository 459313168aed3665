import { describe, expect, it } from 'vitest';
import type { QueuePanel } from '../../../common/contract';
import type { Ticket } from '../../../common/contract/central/queue';
import { commandAvailability } from './commandAvailability';

const NOW = Date.parse('2026-03-03T09:10:00.000Z');

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: '00000000-0000-4000-9000-000000000001',
    siteId: 'slaska',
    categoryId: 'slaska.dowody',
    number: 'A001',
    day: '2026-03-03',
    source: 'kiosk',
    priority: false,
    appointment: null,
    issuedAt: '2026-03-03T09:00:00.000Z',
    queuedAt: '2026-03-03T09:00:00.000Z',
    status: 'called',
    counterId: 'slaska.1',
    targetCounterId: null,
    calledAt: '2026-03-03T09:08:00.000Z',
    lastCalledAt: '2026-03-03T09:08:00.000Z',
    recalls: 0,
    servedAt: null,
    finishedAt: null,
    services: [],
    outcome: null,
    checklist: null,
    ...overrides,
  };
}

function panel(
  overrides: Partial<QueuePanel> = {},
  counter: Partial<NonNullable<QueuePanel['counter']>> = {},
): QueuePanel {
  return {
    siteId: 'slaska',
    counterNumber: 1,
    link: 'online',
    problem: null,
    problemCode: null,
    now: '2026-03-03T09:10:00.000Z',
    updatedAt: '2026-03-03T09:10:00.000Z',
    counter: {
      counterId: 'slaska.1',
      siteId: 'slaska',
      number: 1,
      name: 'Stanowisko 1',
      state: 'open',
      pauseReason: null,
      clerk: { login: 'urzednik1', displayName: 'Anna Kowalska' },
      currentTicket: null,
      parkedTickets: [],
      categoryIds: ['slaska.dowody'],
      servedToday: 0,
      since: '2026-03-03T08:00:00.000Z',
      ...counter,
    },
    categories: [
      {
        categoryId: 'slaska.dowody',
        prefix: 'A',
        name: 'Dowody osobiste',
        waiting: 2,
        waitingPriority: 0,
        longestWaitMinutes: 5,
        estimatedWaitMinutes: 10,
        next: [],
      },
    ],
    nextAppointments: [],
    counters: [],
    noShows: [],
    rules: {
      noShowMinRecalls: 2,
      noShowMinMinutes: 3,
      requiredFinishFields: ['outcome'],
      allowCallOutOfOrder: false,
    },
    manualVisit: null,
    ...overrides,
  };
}

describe('commandAvailability', () => {
  it('offers call next at an open, free counter with residents waiting, and not the ticket commands', () => {
    const available = commandAvailability(panel(), NOW, 'urzednik1');
    expect(available.callNext).toEqual({ enabled: true });
    expect(available.recall).toEqual({ enabled: false, why: 'idle' });
    expect(available.finish).toEqual({ enabled: false, why: 'idle' });
    expect(available.pause).toEqual({ enabled: true });
    expect(available.resume).toEqual({ enabled: false, why: 'notPaused' });
  });

  it('says nobody waits, the counter is closed or paused', () => {
    const empty = panel();
    empty.categories[0]!.waiting = 0;
    expect(commandAvailability(empty, NOW, 'urzednik1').callNext).toMatchObject({
      why: 'nothingWaiting',
    });
    const closed = commandAvailability(panel({}, { state: 'closed' }), NOW, 'urzednik1');
    expect([closed.callNext, closed.open]).toEqual([
      { enabled: false, why: 'closed' },
      { enabled: true },
    ]);
    const paused = commandAvailability(panel({}, { state: 'paused' }), NOW, 'urzednik1');
    expect([paused.callNext, paused.resume]).toEqual([
      { enabled: false, why: 'paused' },
      { enabled: true },
    ]);
  });

  it('with a ticket: recall, transfer, park, finish; not call next, pause or close', () => {
    const available = commandAvailability(
      panel({}, { currentTicket: ticket({ recalls: 2 }) }),
      NOW,
      'urzednik1',
    );
    expect(available.recall.enabled && available.transfer.enabled && available.finish.enabled).toBe(
      true,
    );
    expect(available.callNext).toMatchObject({ why: 'busy' });
    expect(available.pause).toMatchObject({ why: 'busy' });
    expect(available.close).toMatchObject({ why: 'busy' });
  });

  it('allows a no-show only after the rules’ recalls and minutes, and says how many or how long', () => {
    const noRecall = panel({}, { currentTicket: ticket({ recalls: 0 }) });
    expect(commandAvailability(noRecall, NOW, 'urzednik1').noShow).toEqual({
      enabled: false,
      why: 'noShowRecalls',
      values: { count: 2 },
    });
    // Recalled twice, called 2 minutes ago: one minute to go.
    const early = panel({}, { currentTicket: ticket({ recalls: 2 }) });
    expect(commandAvailability(early, NOW, 'urzednik1').noShow).toEqual({
      enabled: false,
      why: 'noShowMinutes',
      values: { seconds: 60 },
    });
    expect(commandAvailability(early, NOW + 60_000, 'urzednik1').noShow).toEqual({
      enabled: true,
    });
  });

  it('offers nothing of the queue offline, with an offline login, or during a manual visit', () => {
    expect(
      commandAvailability(panel({ link: 'offline' }), NOW, 'urzednik1').callNext,
    ).toMatchObject({ why: 'offline' });
    expect(
      commandAvailability(panel({ link: 'offline-session' }), NOW, 'urzednik1').open,
    ).toMatchObject({ why: 'offlineSession' });
    const manual = panel({
      manualVisit: {
        id: '11111111-1111-4111-8111-111111111111',
        ticketNumber: 'B017',
        startedAt: '2026-03-03T09:00:00.000Z',
        clerkLogin: 'urzednik1',
      },
    });
    expect(commandAvailability(manual, NOW, 'urzednik1').callNext).toMatchObject({
      why: 'manualVisit',
    });
  });

  it("at a counter open under another clerk's login, offers only to open it under this one", () => {
    const available = commandAvailability(panel(), NOW, 'urzednik2');
    expect(available.open).toEqual({ enabled: true });
    expect(available.callNext).toEqual({
      enabled: false,
      why: 'otherClerk',
      values: { name: 'Anna Kowalska' },
    });
  });
});
