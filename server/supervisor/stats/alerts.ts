import type { Alert } from '../../../common/contract/central/supervisor';
import { WORKSTATION_HEALTH_THRESHOLDS } from '../../../common/contract/central/workstationStatus';

/** An open counter free this long while its categories have people waiting is an alert. */
export const IDLE_ALERT_MINUTES = 3;
/** A counter PC that has not pushed for this long while its counter finished visits is behind. */
export const SYNC_BEHIND_MINUTES = 30;
/** …and finished at least this many visits since its last push. */
export const SYNC_BEHIND_VISITS = 3;

/**
 * A counter PC's latest status report (docs/health.md), as the alerts need it: its devices with
 * since when each is in its state, its payments awaiting reconciliation, its outbox, when it came.
 */
export type ReportedDevices = {
  workstationId: string;
  /** When the server received the report: the PC's "last seen". */
  receivedAt: number;
  terminal: {
    connection: 'connected' | 'busy' | 'disconnected';
    terminalId: string | null;
    since: number;
  } | null;
  printer: { state: 'online' | 'offline' | 'unknown'; since: number } | null;
  reconciliation: { count: number; oldestAt: number | null };
  oldestPendingSeconds: number | null;
};

export type AlertInput = {
  now: number;
  targetMinutes: number;
  /** Tickets waiting now (a ticket sent to a named counter counts for that counter only). */
  waiting: readonly {
    number: string;
    categoryId: string;
    waitStart: number;
    targetCounterId: string | null;
  }[];
  counters: readonly {
    counterId: string;
    number: number;
    state: 'open' | 'paused' | 'closed';
    hasTicket: boolean;
    /** Since when it has had nothing to do: its last finish, call or opening. */
    freeSince: number | null;
    categoryIds: readonly string[];
    workstation: {
      workstationId: string;
      lastPushAt: number | null;
      /** Visits finished at its counter since its last push (or since opening, with none). */
      finishedSincePush: number;
      /** Since when: its last push, or the counter's opening. */
      behindSince: number | null;
    } | null;
    /** Its PC's latest report; with one, the sync heuristic above is not used. */
    report: ReportedDevices | null;
  }[];
  /** Each counter's end of day with differences to reconcile by hand. */
  reconciliations: readonly {
    counterNumber: number;
    terminalId: string | null;
    ranAt: number;
    differences: number;
  }[];
  /** The forecast's warning, with when it was first seen. */
  forecastAtRisk: { since: number; tickets: number } | null;
};

const iso = (at: number) => new Date(at).toISOString();

function alert(
  fields: Partial<Alert> & Pick<Alert, 'id' | 'kind' | 'severity' | 'since' | 'detail'>,
): Alert {
  return {
    counterId: null,
    counterNumber: null,
    categoryId: null,
    ticketNumber: null,
    workstationId: null,
    terminalId: null,
    ...fields,
  };
}

/**
 * The alerts now, from what the server knows: long waits (one per category, naming the longest
 * wait), idle counters beside waiting people, end-of-day differences, counter PCs behind with
 * their sync, terminals and printers offline, payments awaiting reconciliation, the forecast's
 * warning. The critical first, then the oldest. A counter whose PC reports its status is judged
 * by the report (`reportedAlerts`); one without falls back to the pushes heuristic.
 */
export function currentAlerts(input: AlertInput): Alert[] {
  const { now, targetMinutes } = input;
  const target = targetMinutes * 60_000;
  const alerts: Alert[] = [];

  const longest = new Map<string, { number: string; waitStart: number; over: number }>();
  for (const ticket of input.waiting) {
    if (now - ticket.waitStart <= target) continue;
    const current = longest.get(ticket.categoryId);
    const over = (current?.over ?? 0) + 1;
    if (!current || ticket.waitStart < current.waitStart) {
      longest.set(ticket.categoryId, { number: ticket.number, waitStart: ticket.waitStart, over });
    } else current.over = over;
  }
  for (const [categoryId, worst] of longest) {
    const waited = now - worst.waitStart;
    alerts.push(
      alert({
        id: `wait-over-target:${categoryId}`,
        kind: 'wait-over-target',
        severity: waited > 2 * target ? 'critical' : 'warning',
        since: iso(worst.waitStart + target),
        categoryId,
        ticketNumber: worst.number,
        detail: `${worst.over} waiting over ${targetMinutes} min, longest ${Math.floor(waited / 60_000)} min`,
      }),
    );
  }

  for (const counter of input.counters) {
    if (counter.state === 'open' && !counter.hasTicket && counter.freeSince !== null) {
      const waitingHere = input.waiting.filter(
        (ticket) =>
          counter.categoryIds.includes(ticket.categoryId) &&
          (ticket.targetCounterId === null || ticket.targetCounterId === counter.counterId),
      );
      if (waitingHere.length > 0) {
        const oldest = Math.min(...waitingHere.map((ticket) => ticket.waitStart));
        const since = Math.max(counter.freeSince, oldest);
        if (now - since >= IDLE_ALERT_MINUTES * 60_000) {
          alerts.push(
            alert({
              id: `counter-idle-with-waiting:${counter.counterId}`,
              kind: 'counter-idle-with-waiting',
              severity: 'warning',
              since: iso(since),
              counterId: counter.counterId,
              counterNumber: counter.number,
              detail: `${waitingHere.length} waiting in its categories`,
            }),
          );
        }
      }
    }
    const workstation = counter.workstation;
    if (counter.report) {
      alerts.push(...reportedAlerts(counter, counter.report, now));
    } else if (
      workstation &&
      counter.state !== 'closed' &&
      workstation.behindSince !== null &&
      now - workstation.behindSince >= SYNC_BEHIND_MINUTES * 60_000 &&
      workstation.finishedSincePush >= SYNC_BEHIND_VISITS
    ) {
      alerts.push(
        alert({
          id: `sync-behind:${workstation.workstationId}`,
          kind: 'sync-behind',
          severity: 'warning',
          since: iso(workstation.behindSince),
          counterId: counter.counterId,
          counterNumber: counter.number,
          workstationId: workstation.workstationId,
          detail: `${workstation.finishedSincePush} visits finished since its last push`,
        }),
      );
    }
  }

  for (const report of input.reconciliations) {
    alerts.push(
      alert({
        id: `payment-needs-reconciliation:${report.counterNumber}:${report.terminalId ?? '-'}`,
        kind: 'payment-needs-reconciliation',
        severity: 'critical',
        since: iso(report.ranAt),
        counterNumber: report.counterNumber,
        terminalId: report.terminalId,
        detail: `${report.differences} difference(s) at end of day`,
      }),
    );
  }

  if (input.forecastAtRisk) {
    alerts.push(
      alert({
        id: 'forecast-at-risk',
        kind: 'forecast-at-risk',
        severity: 'critical',
        since: iso(input.forecastAtRisk.since),
        detail: `${input.forecastAtRisk.tickets} ticket(s) may not be called before closing`,
      }),
    );
  }

  const weight = (entry: Alert) => (entry.severity === 'critical' ? 0 : 1);
  return alerts.sort(
    (a, b) => weight(a) - weight(b) || a.since.localeCompare(b.since) || a.id.localeCompare(b.id),
  );
}

const { notSeenSeconds, oldestPendingSeconds } = WORKSTATION_HEALTH_THRESHOLDS;

/**
 * A counter's alerts from its PC's report: the terminal or printer offline since the PC saw it
 * go (while the counter is not closed), payments awaiting reconciliation (whatever the counter's
 * state: money waits for a person), the sync behind when the oldest pending change is over
 * five minutes old or the PC has not reported for two minutes while the counter is not closed.
 */
function reportedAlerts(
  counter: AlertInput['counters'][number],
  report: ReportedDevices,
  now: number,
): Alert[] {
  const alerts: Alert[] = [];
  const subject = {
    counterId: counter.counterId,
    counterNumber: counter.number,
    workstationId: report.workstationId,
  };
  const open = counter.state !== 'closed';
  if (open && report.terminal?.connection === 'disconnected') {
    alerts.push(
      alert({
        ...subject,
        id: `terminal-offline:${report.workstationId}`,
        kind: 'terminal-offline',
        severity: 'warning',
        since: iso(report.terminal.since),
        terminalId: report.terminal.terminalId,
        detail: 'the payment terminal does not answer',
      }),
    );
  }
  if (open && report.printer?.state === 'offline') {
    alerts.push(
      alert({
        ...subject,
        id: `printer-offline:${report.workstationId}`,
        kind: 'printer-offline',
        severity: 'warning',
        since: iso(report.printer.since),
        detail: 'the label printer does not answer',
      }),
    );
  }
  if (report.reconciliation.count > 0) {
    alerts.push(
      alert({
        ...subject,
        id: `payment-needs-reconciliation:${report.workstationId}`,
        kind: 'payment-needs-reconciliation',
        severity: 'critical',
        since: iso(report.reconciliation.oldestAt ?? report.receivedAt),
        terminalId: report.terminal?.terminalId ?? null,
        detail: `${report.reconciliation.count} payment(s) awaiting manual reconciliation`,
      }),
    );
  }
  if (open) {
    const behind: { since: number; detail: string }[] = [];
    if (
      report.oldestPendingSeconds !== null &&
      report.oldestPendingSeconds > oldestPendingSeconds
    ) {
      behind.push({
        since: report.receivedAt - report.oldestPendingSeconds * 1000,
        detail: `oldest change waiting ${Math.floor(report.oldestPendingSeconds / 60)} min`,
      });
    }
    if (now - report.receivedAt > notSeenSeconds * 1000) {
      behind.push({
        since: report.receivedAt,
        detail: `not seen for ${Math.floor((now - report.receivedAt) / 60_000)} min`,
      });
    }
    const first = behind.sort((a, b) => a.since - b.since)[0];
    if (first) {
      alerts.push(
        alert({
          ...subject,
          id: `sync-behind:${report.workstationId}`,
          kind: 'sync-behind',
          severity: 'warning',
          since: iso(first.since),
          detail: first.detail,
        }),
      );
    }
  }
  return alerts;
}
