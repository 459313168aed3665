import type Database from 'better-sqlite3';
import type { EventPayload, WorkstationConfig } from '../../common/contract';
import {
  workstationStatusAnswerSchema,
  workstationStatusPaths,
} from '../../common/contract/central/workstationStatus';
import type { Clock } from '../app/clock';
import type { EventHub } from '../app/eventHub';
import type { FetchFn } from '../central/centralHealthCheck';
import type { LabelService } from '../lockers/printing/labelService';
import type { PaymentService } from '../payments/session/paymentService';
import { createCentralHttp } from '../sync/centralHttp';
import type { SyncServices } from '../sync/syncServices';
import type { SyncTimers } from '../sync/syncTimers';
import { oldestPendingChangeAt } from './oldestPendingChange';
import { createPrinterStateTracker } from './printerStateTracker';
import { createWorkstationStatusReporter } from './workstationStatusReporter';

const REPORT_TIMEOUT_MS = 5_000;

export type WorkstationStatusWiring = {
  db: Database.Database;
  clock: Clock;
  logger: {
    info(details: object, message: string): void;
    warn(details: object, message: string): void;
  };
  hub: EventHub;
  fetchFn?: FetchFn;
  /** The central server (embedded or remote); '' when there is none: nothing is reported. */
  baseUrl: string;
  /** This PC's token, as the sync client gets it. */
  workstationToken: string | null | (() => string | null);
  appVersion: string;
  host: 'electron' | 'browser';
  config: Pick<WorkstationConfig, 'site' | 'counter'>;
  sync: Pick<SyncServices, 'auth' | 'engine'>;
  payments: Pick<PaymentService, 'terminal' | 'reconciliation'>;
  labels: Pick<LabelService, 'printerStatus'>;
  timers?: SyncTimers;
};

/**
 * This PC's status reports to the central server (docs/health.md), connected: the payment
 * service's terminal, the label service's printer, the sync's outbox, the logged-in clerk; a
 * report at once when the terminal, the printer or the clerk changes, and when the central
 * server comes back.
 */
export function startWorkstationStatus(wiring: WorkstationStatusWiring) {
  const { db, clock, hub, sync } = wiring;
  const token = wiring.workstationToken;
  const request = createCentralHttp({
    baseUrl: wiring.baseUrl,
    fetchFn: wiring.fetchFn ?? fetch,
    clock,
    workstationToken: typeof token === 'function' ? token : () => token,
  });
  const reporter = createWorkstationStatusReporter({
    sources: {
      appVersion: wiring.appVersion,
      host: wiring.host,
      startedAt: clock.now().toISOString(),
      siteId: wiring.config.site.id,
      counterNumber: wiring.config.counter.number,
      terminal: () => wiring.payments.terminal(),
      reconciliation: () => {
        const waiting = wiring.payments.reconciliation();
        return { count: waiting.length, oldestAt: waiting[0]?.startedAt ?? null };
      },
      outbox: () => sync.engine.status(),
      oldestPendingAt: () => (db.open ? oldestPendingChangeAt(db) : null),
      clerkLogin: () => sync.auth.user()?.login ?? null,
    },
    printer: createPrinterStateTracker({ printerStatus: () => wiring.labels.printerStatus() }),
    send: (report) => {
      const sessionToken = sync.auth.sessionToken();
      return request(workstationStatusAnswerSchema, {
        method: 'POST',
        path: workstationStatusPaths.report,
        body: report,
        ...(sessionToken ? { sessionToken } : {}),
        timeoutMs: REPORT_TIMEOUT_MS,
      });
    },
    clock,
    logger: wiring.logger,
    ...(wiring.timers ? { timers: wiring.timers } : {}),
  });
  const unsubscribe = hub.subscribe((event, payload) => {
    if (event === 'payments:terminalChanged' || event === 'auth:sessionChanged') {
      reporter.deviceChanged();
    } else if (event === 'labels:jobChanged') {
      reporter.printerMayHaveChanged();
    } else if (event === 'central:statusChanged') {
      reporter.centralReachable((payload as EventPayload<'central:statusChanged'>).reachable);
    }
  });
  if (wiring.baseUrl) reporter.start();
  return {
    reporter,
    async stop(): Promise<void> {
      unsubscribe();
      await reporter.stop();
    },
  };
}
