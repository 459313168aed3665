import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../store/centralDatabase';
import { statusByCounter } from '../workstationStatus/workstationStatusStore';
import type { ReportedDevices } from './stats/alerts';

const msOrNull = (at: string | null): number | null => (at === null ? null : Date.parse(at));

/** The counter PCs' latest status reports of a site (docs/health.md), as the alerts read them. */
export async function reportedDevicesByCounter(
  db: Kysely<CentralDatabase>,
  siteId: string,
): Promise<Map<number, ReportedDevices>> {
  const byCounter = new Map<number, ReportedDevices>();
  for (const [counterNumber, status] of await statusByCounter(db, siteId)) {
    const { report } = status;
    byCounter.set(counterNumber, {
      workstationId: status.workstationId,
      receivedAt: status.receivedAt,
      terminal: report.terminal && {
        connection: report.terminal.connection,
        terminalId: report.terminal.terminalId,
        since: Date.parse(report.terminal.since),
      },
      printer: report.printer && {
        state: report.printer.state,
        since: Date.parse(report.printer.since),
      },
      reconciliation: {
        count: report.paymentsAwaitingReconciliation.count,
        oldestAt: msOrNull(report.paymentsAwaitingReconciliation.oldestAt),
      },
      oldestPendingSeconds: report.outbox.oldestPendingSeconds,
    });
  }
  return byCounter;
}
