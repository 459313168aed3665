import { describe, expect, it } from 'vitest';
import { currentAlerts, type AlertInput, type ReportedDevices } from './alerts';
import { clerkFigures, dayFigures } from './dayFigures';
import { forecastQueue } from './forecast';
import { percentileOfSorted, summarizeDurations } from './percentiles';
import type { TicketFact } from './ticketFacts';
import { dayTimeline } from './timeline';
import { withinTargetShare } from './withinTarget';

const MIN = 60_000;
const T0 = Date.parse('2026-03-02T07:00:00.000Z');

/** A ticket issued at minute `issued`, called at `called`, finished at `finished`. */
function ticket(
  issued: number,
  called: number | null,
  finished: number | null,
  extra: Partial<TicketFact> = {},
): TicketFact {
  return {
    ticketId: `t${issued}-${called}`,
    number: 'A001',
    categoryId: 'a',
    source: 'kiosk',
    priority: false,
    appointment: false,
    status: called === null ? 'waiting' : finished === null ? 'called' : 'done',
    issuedAt: T0 + issued * MIN,
    queuedAt: T0 + issued * MIN,
    firstCalledAt: called === null ? null : T0 + called * MIN,
    firstCalledBy: called === null ? null : 'anna',
    lastCalledAt: called === null ? null : T0 + called * MIN,
    recalls: 0,
    servedAt: called === null ? null : T0 + called * MIN,
    finishedAt: finished === null ? null : T0 + finished * MIN,
    finishedBy: finished === null ? null : 'anna',
    counterId: called === null ? null : 'c1',
    targetCounterId: null,
    ...extra,
  };
}

describe('percentiles', () => {
  it('interpolates between ranks as spreadsheets do (PERCENTILE.INC)', () => {
    expect(percentileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileOfSorted([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7);
    expect(percentileOfSorted([7], 0.9)).toBe(7);
    expect(percentileOfSorted([], 0.5)).toBeNull();
  });

  it('summarizes durations in minutes with one decimal, whatever their order', () => {
    const waits = [10, 3, 7, 1, 5, 9, 2, 8, 4, 6].map((minutes) => minutes * MIN);
    expect(summarizeDurations(waits)).toEqual({ count: 10, medianMinutes: 5.5, p90Minutes: 9.1 });
    expect(summarizeDurations([])).toEqual({ count: 0, medianMinutes: null, p90Minutes: null });
  });
});

describe('share within the target wait', () => {
  it('counts a wait of exactly the target as within', () => {
    const waits = [5, 10, 20, 21, 30].map((minutes) => minutes * MIN);
    expect(withinTargetShare(waits, 20)).toEqual({
      targetMinutes: 20,
      within: 3,
      of: 5,
      share: 0.6,
    });
    expect(withinTargetShare([], 20).share).toBeNull();
  });
});

describe("a day's figures", () => {
  // 20 visits: ticket i issued at 5i, waits 2i minutes, served 5 + (i mod 5) minutes.
  const served = Array.from({ length: 20 }, (_, i) =>
    ticket(5 * i, 7 * i, 7 * i + 5 + (i % 5), {
      ticketId: `v${i}`,
      firstCalledBy: i % 2 === 0 ? 'anna' : 'bartek',
      finishedBy: i % 2 === 0 ? 'anna' : 'bartek',
    }),
  );
  const walkIn = ticket(100, 100, 110, {
    ticketId: 'walk',
    source: 'walk-in',
    finishedBy: 'anna',
    firstCalledBy: 'anna',
  });
  const waiting = ticket(200, null, null, { ticketId: 'w' });
  const tickets = [...served, walkIn, waiting];
  const events = [
    { kind: 'no-show' as const, actor: 'anna', at: T0 },
    { kind: 'transfer' as const, actor: 'bartek', at: T0 },
    { kind: 'transfer' as const, actor: 'bartek', at: T0 },
  ];

  it('gives medians, 90th percentiles and the share within the target known in advance', () => {
    const figures = dayFigures(tickets, events, 20);
    expect(figures).toMatchObject({ issued: 22, served: 21, noShows: 1, transfers: 2 });
    // Waits 0, 2 … 38 (the walk-in waits for nobody and is left out).
    expect(figures.wait).toEqual({ count: 20, medianMinutes: 19, p90Minutes: 34.2 });
    // Services 5…9 four times each, and the walk-in's 10.
    expect(figures.service).toEqual({ count: 21, medianMinutes: 7, p90Minutes: 9 });
    expect(figures.withinTarget).toEqual({ targetMinutes: 20, within: 11, of: 20, share: 0.55 });
  });

  it('splits them per clerk', () => {
    const [anna, bartek] = clerkFigures(tickets, events, 20);
    expect(anna).toMatchObject({ login: 'anna', served: 11, noShows: 1, transfers: 0 });
    // Anna's waits: 0, 4 … 36.
    expect(anna!.wait).toEqual({ count: 10, medianMinutes: 18, p90Minutes: 32.4 });
    expect(bartek).toMatchObject({ login: 'bartek', served: 10, noShows: 0, transfers: 2 });
    expect(bartek!.withinTarget).toMatchObject({ within: 5, of: 10, share: 0.5 });
  });
});

describe('the day in quarter hours', () => {
  it('counts arrivals, finished visits and who waited at each quarter’s end', () => {
    const tickets = [
      ticket(0, 2, 10),
      ticket(5, 20, 31),
      ticket(14, 35, null),
      ticket(16, null, null),
    ];
    const slots = dayTimeline(tickets, T0, T0 + 40 * MIN, 15);
    expect(slots.map((slot) => [slot.arrivals, slot.served, slot.waitingAtEnd])).toEqual([
      [3, 1, 2],
      [1, 0, 2],
      [0, 1, 1],
    ]);
    expect(slots[1]!.start).toBe(T0 + 15 * MIN);
  });
});

describe('the forecast', () => {
  const now = Date.parse('2026-03-02T13:00:00.000Z'); // 14:00 in Warsaw
  const cutoffAt = Date.parse('2026-03-02T14:00:00.000Z'); // 15:00
  const waiting = Array.from({ length: 10 }, (_, k) => ({
    queuedAt: now - (10 - k) * MIN,
    issuedAt: now - (10 - k) * MIN,
  }));

  it('empties the queue before closing: two counters, ten waiting, ten minutes each', () => {
    const result = forecastQueue({
      now,
      waiting,
      openCounters: 2,
      serviceMinutes: 10,
      closesAt: now + 90 * MIN,
      cutoffAt,
    });
    // The 10th ticket is called in the fifth round: 40 minutes from now.
    expect(result).toEqual({
      status: 'ok',
      emptyAt: now + 40 * MIN,
      marginMinutes: 50,
      atRiskTickets: 0,
    });
  });

  it('warns when residents who came before the cutoff would be called after closing', () => {
    const result = forecastQueue({
      now,
      waiting,
      openCounters: 2,
      serviceMinutes: 10,
      closesAt: now + 25 * MIN,
      cutoffAt,
    });
    // Rounds at 0, 10, 20 | 30, 40: the last four tickets come after closing.
    expect(result).toMatchObject({ status: 'at-risk', atRiskTickets: 4, marginMinutes: -15 });
  });

  it('only overruns when those late tickets were taken after the cutoff', () => {
    const late = waiting.map((entry) => ({ ...entry, issuedAt: cutoffAt + MIN }));
    const result = forecastQueue({
      now,
      waiting: late,
      openCounters: 2,
      serviceMinutes: 10,
      closesAt: now + 25 * MIN,
      cutoffAt,
    });
    expect(result).toMatchObject({ status: 'overrun', atRiskTickets: 0 });
  });

  it('says so when nobody serves, when nobody waits, when the site is closed', () => {
    const base = { now, serviceMinutes: 10, closesAt: now + 60 * MIN, cutoffAt };
    expect(forecastQueue({ ...base, waiting, openCounters: 0 })).toMatchObject({
      status: 'no-counters',
      atRiskTickets: 10,
    });
    expect(forecastQueue({ ...base, waiting: [], openCounters: 2 }).status).toBe('empty');
    expect(forecastQueue({ ...base, waiting, openCounters: 2, closesAt: null }).status).toBe(
      'closed',
    );
  });
});

describe('alerts', () => {
  const now = T0 + 120 * MIN;
  const base: AlertInput = {
    now,
    targetMinutes: 20,
    waiting: [
      { number: 'B001', categoryId: 'b', waitStart: now - 50 * MIN, targetCounterId: null },
      { number: 'B002', categoryId: 'b', waitStart: now - 25 * MIN, targetCounterId: null },
      { number: 'A001', categoryId: 'a', waitStart: now - 5 * MIN, targetCounterId: null },
    ],
    counters: [
      {
        counterId: 'c1',
        number: 1,
        state: 'open',
        hasTicket: false,
        freeSince: now - 10 * MIN,
        categoryIds: ['a'],
        workstation: {
          workstationId: 'pc-1',
          lastPushAt: now - 45 * MIN,
          behindSince: now - 45 * MIN,
          finishedSincePush: 4,
        },
        report: null,
      },
      {
        counterId: 'c2',
        number: 2,
        state: 'open',
        hasTicket: false,
        freeSince: now - 1 * MIN,
        categoryIds: ['b'],
        workstation: null,
        report: null,
      },
    ],
    reconciliations: [
      { counterNumber: 3, terminalId: 'T-3', ranAt: now - 20 * MIN, differences: 2 },
    ],
    forecastAtRisk: null,
  };

  it('raises each with the time its situation began, the critical first', () => {
    const alerts = currentAlerts(base);
    expect(alerts.map((alert) => [alert.kind, alert.since])).toEqual([
      // B001 has waited 50 minutes, over twice the target: critical.
      ['wait-over-target', new Date(now - 30 * MIN).toISOString()],
      ['payment-needs-reconciliation', new Date(now - 20 * MIN).toISOString()],
      ['sync-behind', new Date(now - 45 * MIN).toISOString()],
      // Counter 1 has been free 10 minutes, A001 has waited 5: idle since A001 came.
      ['counter-idle-with-waiting', new Date(now - 5 * MIN).toISOString()],
    ]);
    expect(alerts[0]).toMatchObject({
      severity: 'critical',
      categoryId: 'b',
      ticketNumber: 'B001',
    });
  });

  it('gives a counter a moment before calling it idle, and a PC a few visits before calling it behind', () => {
    const alerts = currentAlerts({
      ...base,
      counters: base.counters.map((counter) => ({
        ...counter,
        freeSince: now - 2 * MIN,
        workstation: counter.workstation && { ...counter.workstation, finishedSincePush: 2 },
      })),
    });
    expect(alerts.map((alert) => alert.kind)).not.toContain('counter-idle-with-waiting');
    expect(alerts.map((alert) => alert.kind)).not.toContain('sync-behind');
  });

  describe('from the counter PCs’ reports', () => {
    const report: ReportedDevices = {
      workstationId: 'pc-1',
      receivedAt: now - 10_000,
      terminal: { connection: 'disconnected', terminalId: 'T-1', since: now - 7 * MIN },
      printer: { state: 'offline', since: now - 3 * MIN },
      reconciliation: { count: 1, oldestAt: now - 12 * MIN },
      oldestPendingSeconds: 8 * 60,
    };
    const withReport = (counterReport: ReportedDevices, state: 'open' | 'closed' = 'open') =>
      currentAlerts({
        ...base,
        waiting: [],
        reconciliations: [],
        counters: [{ ...base.counters[0]!, state, report: counterReport }],
      });

    it('raises the devices offline since they went, the payments and the sync behind', () => {
      expect(withReport(report).map((alert) => [alert.kind, alert.since])).toEqual([
        ['payment-needs-reconciliation', new Date(now - 12 * MIN).toISOString()],
        // The oldest pending change was 8 minutes old when the report came 10 s ago.
        ['sync-behind', new Date(now - 10_000 - 8 * MIN).toISOString()],
        ['terminal-offline', new Date(now - 7 * MIN).toISOString()],
        ['printer-offline', new Date(now - 3 * MIN).toISOString()],
      ]);
      expect(withReport(report).find((alert) => alert.kind === 'terminal-offline')).toMatchObject({
        counterNumber: 1,
        workstationId: 'pc-1',
        terminalId: 'T-1',
      });
    });

    it('uses the report instead of the pushes heuristic: a healthy PC raises nothing', () => {
      const healthy: ReportedDevices = {
        ...report,
        terminal: { ...report.terminal!, connection: 'connected' },
        printer: { state: 'unknown', since: now - 60 * MIN },
        reconciliation: { count: 0, oldestAt: null },
        oldestPendingSeconds: 4 * 60,
      };
      // The base counter pushed 45 minutes ago with 4 visits since: the heuristic would say behind.
      expect(withReport(healthy)).toEqual([]);
    });

    it('calls a silent PC behind since it was last seen, only while its counter is not closed', () => {
      const silent: ReportedDevices = {
        ...report,
        receivedAt: now - 3 * MIN,
        terminal: null,
        printer: null,
        reconciliation: { count: 0, oldestAt: null },
        oldestPendingSeconds: null,
      };
      expect(withReport(silent).map((alert) => [alert.kind, alert.since])).toEqual([
        ['sync-behind', new Date(now - 3 * MIN).toISOString()],
      ]);
      expect(withReport(silent, 'closed')).toEqual([]);
      // Money waits for a person even at a closed counter; devices of a closed one do not matter.
      expect(withReport(report, 'closed').map((alert) => alert.kind)).toEqual([
        'payment-needs-reconciliation',
      ]);
    });
  });
});
