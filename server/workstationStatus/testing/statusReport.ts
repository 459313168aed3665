import type { WorkstationStatusReport } from '../../../common/contract/central/workstationStatus';

/** A healthy counter 1's report at `at`, with the fields a test changes. */
export function statusReport(
  at: string,
  changes: Partial<WorkstationStatusReport> = {},
): WorkstationStatusReport {
  return {
    appVersion: '1.4.2',
    host: 'electron',
    startedAt: at,
    reportedAt: at,
    siteId: 'slaska',
    counterNumber: 1,
    terminal: { kind: 'simulator', connection: 'connected', terminalId: 'T-1', since: at },
    printer: { kind: 'simulator', state: 'unknown', since: at },
    paymentsAwaitingReconciliation: { count: 0, oldestAt: null },
    outbox: { pending: 0, failed: 0, oldestPendingSeconds: null },
    lastSyncAt: at,
    clerkLogin: null,
    ...changes,
  };
}
