import type {
  WorkstationStatusAnswer,
  WorkstationStatusReport,
} from '../../common/contract/central/workstationStatus';
import type { Clock } from '../app/clock';
import type { CentralResult } from '../sync/centralHttp';
import { systemTimers, type SyncTimers } from '../sync/syncTimers';
import type { PrinterStateTracker } from './printerStateTracker';
import { buildStatusReport, type StatusSources } from './statusReport';

/** A report this often whatever happens: the health page's "last seen" and the sync lag. */
export const STATUS_REPORT_INTERVAL_MS = 30_000;
/** The printer is asked this often: it tells nobody when it goes off. */
export const PRINTER_CHECK_INTERVAL_MS = 10_000;
/** Device changes closer together than this are one report. */
export const DEVICE_CHANGE_DEBOUNCE_MS = 1_000;

export type WorkstationStatusReporterOptions = {
  sources: Omit<StatusSources, 'printer'>;
  printer: PrinterStateTracker | null;
  send: (report: WorkstationStatusReport) => Promise<CentralResult<WorkstationStatusAnswer>>;
  clock: Clock;
  /** One line per failure streak and one when it ends; never the report (it names the clerk). */
  logger: {
    info(details: object, message: string): void;
    warn(details: object, message: string): void;
  };
  timers?: SyncTimers;
  intervalMs?: number;
  printerCheckMs?: number;
  debounceMs?: number;
};

/**
 * Sends this PC's status to the central server every 30 s, and soon after its terminal or
 * printer changes (debounced), while the server answers: when the central monitor says it is
 * unreachable, reports wait until it is back, then one goes at once. A failed report is not
 * retried (the next one says more); it costs one log line per streak of failures.
 */
export function createWorkstationStatusReporter(options: WorkstationStatusReporterOptions) {
  const timers = options.timers ?? systemTimers;
  const intervalMs = options.intervalMs ?? STATUS_REPORT_INTERVAL_MS;
  const printerCheckMs = options.printerCheckMs ?? PRINTER_CHECK_INTERVAL_MS;
  const debounceMs = options.debounceMs ?? DEVICE_CHANGE_DEBOUNCE_MS;
  const { printer, logger } = options;

  let stopped = true;
  let reachable: boolean | null = null;
  let failing = false;
  let sending: Promise<void> | null = null;
  let sendAgain = false;
  let intervalTimer: unknown = null;
  let printerTimer: unknown = null;
  let debounceTimer: unknown = null;

  const sources: StatusSources = { ...options.sources, printer: () => printer?.current() ?? null };

  async function sendOnce(): Promise<void> {
    const result = await options.send(buildStatusReport(sources, options.clock.now()));
    if (result.ok) {
      if (failing) logger.info({}, 'workstation status reported again');
      failing = false;
    } else if (!failing) {
      failing = true;
      logger.warn({ failure: result.failure.kind }, 'workstation status not reported');
    }
  }

  /** A report now (one at a time: asked meanwhile, one more after it). */
  function report(): void {
    if (stopped || reachable === false) return;
    if (sending) {
      sendAgain = true;
      return;
    }
    sending = sendOnce()
      .catch((error: unknown) => {
        if (!failing) logger.warn({ err: error }, 'workstation status not reported');
        failing = true;
      })
      .finally(() => {
        sending = null;
        if (sendAgain) {
          sendAgain = false;
          report();
        }
      });
  }

  function scheduleInterval(): void {
    if (stopped) return;
    intervalTimer = timers.setTimeout(() => {
      intervalTimer = null;
      report();
      scheduleInterval();
    }, intervalMs);
  }

  /** Asks the printer; a change is reported unless a report follows anyway (at start). */
  async function checkPrinter(announce: boolean): Promise<void> {
    if (!printer) return;
    try {
      if ((await printer.check()) && announce) deviceChanged();
    } catch (error) {
      logger.warn({ err: error }, 'label printer state not read');
    }
  }

  function schedulePrinterCheck(): void {
    if (stopped || !printer) return;
    printerTimer = timers.setTimeout(() => {
      printerTimer = null;
      void checkPrinter(true).finally(schedulePrinterCheck);
    }, printerCheckMs);
  }

  /** The terminal, the printer or the clerk changed: a report after a quiet moment. */
  function deviceChanged(): void {
    if (stopped || debounceTimer !== null) return;
    debounceTimer = timers.setTimeout(() => {
      debounceTimer = null;
      report();
    }, debounceMs);
  }

  return {
    /** The first report once the printer was asked, then every interval. */
    start(): void {
      if (!stopped) return;
      stopped = false;
      void checkPrinter(false).finally(() => {
        report();
        schedulePrinterCheck();
      });
      scheduleInterval();
    },
    deviceChanged,
    /** The printer may have changed (a job failed or printed): ask it now. */
    printerMayHaveChanged(): void {
      if (!stopped) void checkPrinter(true);
    },
    /** The central monitor's news: back after being away, report at once. */
    centralReachable(now: boolean | null): void {
      const wasAway = reachable === false;
      reachable = now;
      if (now === true && wasAway) report();
    },
    /** Resolves once a report in flight has ended. */
    async stop(): Promise<void> {
      stopped = true;
      for (const timer of [intervalTimer, printerTimer, debounceTimer]) {
        if (timer !== null) timers.clearTimeout(timer);
      }
      intervalTimer = printerTimer = debounceTimer = null;
      await sending;
    },
  };
}

export type WorkstationStatusReporter = ReturnType<typeof createWorkstationStatusReporter>;
