import {
  WORKSTATION_HEALTH_THRESHOLDS,
  type WorkstationProblem,
  type WorkstationStatusReport,
} from '../../common/contract/central/workstationStatus';

/** Whether the report's oldest pending change has waited past the threshold. */
export const syncBehindByOutbox = (report: WorkstationStatusReport): boolean =>
  (report.outbox.oldestPendingSeconds ?? 0) > WORKSTATION_HEALTH_THRESHOLDS.oldestPendingSeconds;

/** Whether a PC last seen at `receivedAt` has been silent too long by `now`. */
export const notSeenTooLong = (receivedAt: number, now: number): boolean =>
  now - receivedAt > WORKSTATION_HEALTH_THRESHOLDS.notSeenSeconds * 1000;

/**
 * What the health page flags on a workstation's row, from its latest report and when it came
 * (docs/health.md). A PC not seen for a while may have changed since: its devices are still
 * flagged as last reported, beside `not-seen`.
 */
export function workstationProblems(
  latest: { report: WorkstationStatusReport; receivedAt: number } | null,
  now: number,
): WorkstationProblem[] {
  if (!latest) return ['never-seen'];
  const { report } = latest;
  const problems: WorkstationProblem[] = [];
  if (notSeenTooLong(latest.receivedAt, now)) problems.push('not-seen');
  if (report.terminal?.connection === 'disconnected') problems.push('terminal-offline');
  if (report.printer?.state === 'offline') problems.push('printer-offline');
  if (syncBehindByOutbox(report)) problems.push('sync-behind');
  if (report.outbox.failed > 0) problems.push('outbox-failed');
  if (report.paymentsAwaitingReconciliation.count > 0) problems.push('payments-to-reconcile');
  return problems;
}

/**
 * The states a supervisor's alerts depend on, as one string: a report that changes it is
 * announced (`workstation.status`), one that only moves counters and times is not.
 */
export function deviceKey(report: WorkstationStatusReport): string {
  return JSON.stringify([
    report.terminal ? report.terminal.connection === 'disconnected' : null,
    report.printer?.state ?? null,
    report.paymentsAwaitingReconciliation.count,
    syncBehindByOutbox(report),
  ]);
}
