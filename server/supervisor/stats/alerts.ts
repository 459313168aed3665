import type { Alert } from '../../../common/contract/central/supervisor';

/** An open counter free this long while its categories have people waiting is an alert. */
export const IDLE_ALERT_MINUTES = 3;
/** A counter PC that has not pushed for this long while its counter finished visits is behind. */
export const SYNC_BEHIND_MINUTES = 30;
/** …and finished at least this many visits since its last push. */
export const SYNC_BEHIND_VISITS = 3;

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
 * their sync, the forecast's warning. The critical first, then the oldest.
 * Terminals and printers offline are not raised: counter PCs do not report their devices yet.
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
    if (
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
