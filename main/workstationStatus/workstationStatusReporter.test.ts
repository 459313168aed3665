import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TerminalState } from '../../common/contract';
import type {
  WorkstationStatusAnswer,
  WorkstationStatusReport,
} from '../../common/contract/central/workstationStatus';
import { workstationStatusReportSchema } from '../../common/contract/central/workstationStatus';
import type { CentralResult } from '../sync/centralHttp';
import { createPrinterStateTracker } from './printerStateTracker';
import { createWorkstationStatusReporter } from './workstationStatusReporter';

const START = new Date('2026-03-02T09:00:00.000Z');

function setup() {
  const sent: WorkstationStatusReport[] = [];
  let answer: CentralResult<WorkstationStatusAnswer> = {
    ok: true,
    value: { receivedAt: START.toISOString() },
  };
  let terminal: TerminalState = {
    kind: 'simulator',
    connection: 'connected',
    terminalId: 'T-1',
    since: START.toISOString(),
    detail: null,
  };
  let printerState: 'online' | 'offline' | 'unknown' = 'online';
  const logger = { info: vi.fn(), warn: vi.fn() };
  const clock = { now: () => new Date() };
  const reporter = createWorkstationStatusReporter({
    sources: {
      appVersion: '1.4.2',
      host: 'electron',
      startedAt: START.toISOString(),
      siteId: 'slaska',
      counterNumber: 1,
      terminal: () => terminal,
      reconciliation: () => ({ count: 1, oldestAt: '2026-03-02T08:30:00.000Z' }),
      outbox: () => ({
        pending: 2,
        failed: 0,
        lastPushAt: '2026-03-02T08:58:00.000Z',
        lastPullAt: '2026-03-02T08:59:00.000Z',
      }),
      oldestPendingAt: () => '2026-03-02T08:57:00.000Z',
      clerkLogin: () => 'urzednik1',
    },
    printer: createPrinterStateTracker({
      printerStatus: async () => ({
        printer: { kind: 'ipp', target: 'ipp://cups/printers/zebra' },
        state: printerState,
        checkedAt: clock.now().toISOString(),
      }),
    }),
    send: async (report) => {
      sent.push(workstationStatusReportSchema.parse(report));
      return answer;
    },
    clock,
    logger,
  });
  return {
    reporter,
    sent,
    logger,
    setTerminal(next: Partial<TerminalState>) {
      terminal = { ...terminal, ...next };
    },
    setPrinter(state: typeof printerState) {
      printerState = state;
    },
    failWith(next: CentralResult<WorkstationStatusAnswer>) {
      answer = next;
    },
  };
}

describe('the workstation status reporter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports at start and every 30 s what the PC knows of itself', async () => {
    const { reporter, sent } = setup();
    reporter.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({
      appVersion: '1.4.2',
      host: 'electron',
      startedAt: START.toISOString(),
      reportedAt: START.toISOString(),
      siteId: 'slaska',
      counterNumber: 1,
      terminal: {
        kind: 'simulator',
        connection: 'connected',
        terminalId: 'T-1',
        since: START.toISOString(),
      },
      printer: { kind: 'ipp', state: 'online', since: START.toISOString() },
      paymentsAwaitingReconciliation: { count: 1, oldestAt: '2026-03-02T08:30:00.000Z' },
      // The oldest pending change was made at 08:57.
      outbox: { pending: 2, failed: 0, oldestPendingSeconds: 180 },
      lastSyncAt: '2026-03-02T08:59:00.000Z',
      clerkLogin: 'urzednik1',
    });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.outbox.oldestPendingSeconds).toBe(210);
    await reporter.stop();
  });

  it('reports a burst of terminal changes once, soon, with the state’s own since', async () => {
    const { reporter, sent, setTerminal } = setup();
    reporter.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(1);
    setTerminal({ connection: 'disconnected', since: '2026-03-02T09:00:05.000Z' });
    reporter.deviceChanged();
    reporter.deviceChanged();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.terminal).toMatchObject({
      connection: 'disconnected',
      since: '2026-03-02T09:00:05.000Z',
    });
    await reporter.stop();
  });

  it('finds the printer gone by asking it, and reports since when', async () => {
    const { reporter, sent, setPrinter } = setup();
    reporter.start();
    await vi.advanceTimersByTimeAsync(5_000);
    setPrinter('offline');
    // The next check (at 10 s) finds it off; the report follows a second later.
    await vi.advanceTimersByTimeAsync(6_000);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.printer).toEqual({
      kind: 'ipp',
      state: 'offline',
      since: '2026-03-02T09:00:10.000Z',
    });
    // Still off at the next checks: no more reports than the interval's.
    await vi.advanceTimersByTimeAsync(19_000);
    expect(sent).toHaveLength(3);
    expect(sent[2]!.printer!.since).toBe('2026-03-02T09:00:10.000Z');
    await reporter.stop();
  });

  it('waits while the central server is away, and reports at once when it is back', async () => {
    const { reporter, sent } = setup();
    reporter.centralReachable(false);
    reporter.start();
    await vi.advanceTimersByTimeAsync(65_000);
    expect(sent).toHaveLength(0);
    reporter.centralReachable(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    await reporter.stop();
  });

  it('logs a failure once per streak, without the report', async () => {
    const { reporter, logger, failWith } = setup();
    failWith({ ok: false, failure: { kind: 'unauthorized', status: 401, message: 'no' } });
    reporter.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      { failure: 'unauthorized' },
      'workstation status not reported',
    );
    failWith({ ok: true, value: { receivedAt: START.toISOString() } });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(logger.info).toHaveBeenCalledWith({}, 'workstation status reported again');
    expect(JSON.stringify([logger.warn.mock.calls, logger.info.mock.calls])).not.toContain(
      'urzednik1',
    );
    await reporter.stop();
  });
});
