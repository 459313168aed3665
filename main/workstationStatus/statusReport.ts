import type { TerminalState } from '../../common/contract';
import type {
  ReportedPrinter,
  WorkstationStatusReport,
} from '../../common/contract/central/workstationStatus';

/** What this PC knows of itself, read fresh for each report. */
export type StatusSources = {
  appVersion: string;
  host: 'electron' | 'browser';
  /** When the app started. */
  startedAt: string;
  siteId: string;
  counterNumber: number | null;
  terminal: () => TerminalState | null;
  printer: () => ReportedPrinter | null;
  /** Payments awaiting reconciliation: how many, and when the oldest began. */
  reconciliation: () => { count: number; oldestAt: string | null };
  outbox: () => {
    pending: number;
    failed: number;
    lastPushAt: string | null;
    lastPullAt: string | null;
  };
  oldestPendingAt: () => string | null;
  clerkLogin: () => string | null;
};

const later = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : Date.parse(a) >= Date.parse(b) ? a : b;

/** This PC's status report now (common/contract/central/workstationStatus.ts). */
export function buildStatusReport(sources: StatusSources, now: Date): WorkstationStatusReport {
  const terminal = sources.terminal();
  const outbox = sources.outbox();
  const oldest = sources.oldestPendingAt();
  return {
    appVersion: sources.appVersion,
    host: sources.host,
    startedAt: sources.startedAt,
    reportedAt: now.toISOString(),
    siteId: sources.siteId,
    counterNumber: sources.counterNumber,
    terminal: terminal && {
      kind: terminal.kind,
      connection: terminal.connection,
      terminalId: terminal.terminalId,
      since: terminal.since,
    },
    printer: sources.printer(),
    paymentsAwaitingReconciliation: sources.reconciliation(),
    outbox: {
      pending: outbox.pending,
      failed: outbox.failed,
      oldestPendingSeconds:
        oldest === null
          ? null
          : Math.max(0, Math.floor((now.getTime() - Date.parse(oldest)) / 1000)),
    },
    lastSyncAt: later(outbox.lastPushAt, outbox.lastPullAt),
    clerkLogin: sources.clerkLogin(),
  };
}
