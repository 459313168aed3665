import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  EventName,
  EventPayload,
  LabelJob,
  LabelPreview,
  LabelPrinter,
  LabelPrinterStatus,
  WindowPrint,
} from '../../../common/contract';
import { printerLabelGeometry } from '../../../common/contract/workstationConfig';
import type { LockerLabel } from '../../../common/contract/lockerLabel';
import type { Clock } from '../../app/clock';
import { ServiceError } from '../../ipc/serviceError';
import { renderLockerLabelHtml } from '../labels/labelHtml';
import {
  buildLockerLabel,
  InvalidLockerLabelError,
  type LockerLabelInput,
} from '../labels/labelModel';
import { pngDataUrl, renderLockerLabelPreview } from '../labels/labelPreview';
import { encodeZpl, renderLockerLabelZpl } from '../labels/zpl';
import {
  insertPrintedElsewhere,
  jobsOfBatch,
  jobsOfDeposit,
  type PrintJob,
} from './printJobQueries';
import type { PrintQueue } from './printQueue';
import type { PrinterConfig, PrinterTransports } from './transports/printerTransport';

/** What the deposit domain gives the label (main/lockers/deposits, `labelInputForDeposit`). */
export type LabelInputSource = (depositId: string) => LockerLabelInput | null;

export type LabelServiceLogger = {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
};

export type LabelEventPublisher = <E extends Extract<EventName, `labels:${string}`>>(
  event: E,
  payload: EventPayload<E>,
) => void;

export type LabelServiceOptions = {
  db: Database.Database;
  clock: Clock;
  logger: LabelServiceLogger;
  queue: PrintQueue;
  transports: PrinterTransports;
  /** The workstation config's printer: every new job goes to it. */
  printer: PrinterConfig;
  labelInputForDeposit: LabelInputSource;
  /** Tells the deposit domain its first label printed (the deposit's state moves on). */
  markLabelPrinted?: (depositId: string) => void;
  clerkLogin: () => string | null;
  publish: LabelEventPublisher;
  newBatchId?: () => string;
};

/** Where a printer is, for the clerk: an address, a path, nothing for the dialog. */
export function describePrinter(printer: PrinterConfig): LabelPrinter {
  switch (printer.kind) {
    case 'tcp':
      return { kind: 'tcp', target: `${printer.host}:${printer.port}` };
    case 'ipp':
      return { kind: 'ipp', target: printer.url };
    case 'device':
      return { kind: 'device', target: printer.path };
    case 'simulator':
    case 'system':
      return { kind: printer.kind, target: '' };
  }
}

function printerOfJob(job: PrintJob): LabelPrinter {
  try {
    const raw = JSON.parse(job.printer) as PrinterConfig;
    return describePrinter(raw);
  } catch {
    return { kind: 'simulator', target: '(?)' };
  }
}

export function toLabelJob(job: PrintJob): LabelJob {
  return {
    jobId: job.id,
    depositId: job.depositId,
    batchId: job.batchId,
    kind: job.kind,
    status: job.status,
    attempts: job.attempts,
    lastError: job.lastError,
    nextAttemptAt: job.nextAttemptAt,
    createdAt: job.createdAt,
    printedAt: job.printedAt,
    requestedBy: job.requestedBy,
    printer: printerOfJob(job),
  };
}

/**
 * The locker desk's labels: previews, printing one or many (a batch with progress), reprints
 * marked DUPLIKAT and recorded with who and when, the queue with its reasons, retry and cancel.
 *
 * The `system` printer (an ordinary printer through the print dialog) goes through the queue
 * when the host can print a page (Electron gives a `system` transport); without one (the browser
 * host) the labels go back to the window as `windowPrint` and are recorded as printed there.
 */
export function createLabelService(options: LabelServiceOptions) {
  const { db, clock, logger, queue, transports, printer, publish } = options;
  const geometry = printerLabelGeometry(printer);
  const newBatchId = options.newBatchId ?? randomUUID;
  const windowPrints = printer.kind === 'system' && transports.system === undefined;
  /** The last progress sent per batch, so a change that moves nothing sends nothing. */
  const lastProgress = new Map<string, string>();

  function labelOf(depositId: string, duplicate: boolean): LockerLabel {
    const input = options.labelInputForDeposit(depositId);
    if (input === null) {
      throw new ServiceError('unknown-deposit', `Nie ma depozytu ${depositId}.`);
    }
    try {
      return buildLockerLabel({ ...input, duplicate });
    } catch (error) {
      if (error instanceof InvalidLockerLabelError) {
        throw new ServiceError(
          'label-invalid',
          `Etykiety depozytu ${depositId} nie da się wydrukować.`,
          error.issues,
        );
      }
      throw error;
    }
  }

  function printedCount(depositId: string): number {
    return jobsOfDeposit(db, depositId).filter((job) => job.status === 'printed').length;
  }

  function progressOf(batchId: string) {
    const jobs = jobsOfBatch(db, batchId);
    return {
      batchId,
      total: jobs.length,
      done: jobs.filter((job) => job.status === 'printed').length,
      failed: jobs.filter((job) => job.status === 'failed' || job.status === 'cancelled').length,
    };
  }

  function publishProgress(batchId: string): void {
    const progress = progressOf(batchId);
    if (progress.total === 0) return;
    const key = `${progress.done}/${progress.failed}`;
    if (lastProgress.get(batchId) === key) return;
    lastProgress.set(batchId, key);
    if (progress.done + progress.failed === progress.total) lastProgress.delete(batchId);
    publish('labels:progress', progress);
  }

  function labelPrinted(depositId: string): void {
    try {
      options.markLabelPrinted?.(depositId);
    } catch (error) {
      logger.warn({ err: error, depositId }, 'The deposit could not be marked as labelled');
    }
  }

  const unsubscribe = queue.onJobChange((job) => {
    publish('labels:jobChanged', toLabelJob(job));
    if (job.status === 'printed' && job.kind === 'label') labelPrinted(job.depositId);
    if (job.batchId !== null && job.status !== 'printing') publishProgress(job.batchId);
  });

  return {
    async preview(request: { depositId: string; reprint: boolean }): Promise<LabelPreview> {
      const label = labelOf(request.depositId, request.reprint);
      const { png } = await renderLockerLabelPreview(label, geometry);
      return {
        depositId: label.depositId,
        pngDataUrl: pngDataUrl(png),
        html: renderLockerLabelHtml(label, geometry),
        geometry,
        duplicate: label.duplicate,
        printedCount: printedCount(label.depositId),
      };
    },

    async print(request: {
      depositIds: string[];
      reprint: boolean;
    }): Promise<{ batchId: string; jobs: LabelJob[]; windowPrint: WindowPrint | null }> {
      const login = options.clerkLogin();
      if (login === null) throw new ServiceError('no-session', 'Nikt nie jest zalogowany.');
      const depositIds = [...new Set(request.depositIds)];
      // Every label is built before anything is queued: one bad deposit queues none.
      const labels = depositIds.map((depositId) => labelOf(depositId, request.reprint));
      if (!request.reprint) {
        const labelled = depositIds.filter((depositId) =>
          jobsOfDeposit(db, depositId).some(
            (job) => job.kind === 'label' && job.status !== 'cancelled',
          ),
        );
        if (labelled.length > 0) {
          throw new ServiceError(
            'already-printed',
            `Etykieta jest już wydrukowana lub w kolejce: ${labelled.join(', ')}. Drugi wydruk to DUPLIKAT.`,
          );
        }
      }
      const batchId = newBatchId();
      const kind = request.reprint ? 'reprint' : 'label';

      if (windowPrints) {
        const pages = await Promise.all(
          labels.map(async (label) => ({
            depositId: label.depositId,
            pngDataUrl: pngDataUrl((await renderLockerLabelPreview(label, geometry)).png),
          })),
        );
        const at = clock.now().toISOString();
        const ids = db.transaction(() =>
          labels.map((label) => {
            const id = randomUUID();
            insertPrintedElsewhere(db, {
              id,
              depositId: label.depositId,
              kind,
              payload: new TextEncoder().encode(renderLockerLabelHtml(label, geometry)),
              format: 'html',
              printer: JSON.stringify(printer),
              createdAt: at,
              batchId,
              requestedBy: login,
            });
            return id;
          }),
        )();
        if (!request.reprint) for (const label of labels) labelPrinted(label.depositId);
        logger.info({ batchId, count: ids.length, kind }, 'Labels handed to the window to print');
        publishProgress(batchId);
        const jobs = ids.map((id) => queue.job(id)).filter((job) => job !== undefined);
        return {
          batchId,
          jobs: jobs.map(toLabelJob),
          windowPrint: { widthMm: geometry.widthMm, heightMm: geometry.heightMm, labels: pages },
        };
      }

      const ids = db.transaction(() =>
        labels.map((label) =>
          queue.enqueue({
            depositId: label.depositId,
            kind,
            payload:
              printer.kind === 'system'
                ? new TextEncoder().encode(renderLockerLabelHtml(label, geometry))
                : encodeZpl(renderLockerLabelZpl(label, geometry)),
            format: printer.kind === 'system' ? 'html' : 'zpl',
            printer,
            batchId,
            requestedBy: login,
          }),
        ),
      )();
      logger.info({ batchId, count: ids.length, kind }, 'Labels queued');
      publishProgress(batchId);
      const jobs = ids.map((id) => queue.job(id)).filter((job) => job !== undefined);
      return { batchId, jobs: jobs.map(toLabelJob), windowPrint: null };
    },

    jobs(request: { limit: number }) {
      const status = queue.status();
      return {
        jobs: queue.jobs(request.limit).map(toLabelJob),
        counts: status.counts,
        lastError: status.lastError,
      };
    },

    retry(request: { jobId: string }): LabelJob {
      const job = queue.job(request.jobId);
      if (!job) throw new ServiceError('unknown-job', 'Nie ma takiego wydruku.');
      if (!queue.retry(request.jobId)) {
        throw new ServiceError('not-retryable', 'Ten wydruk nie czeka na ponowienie.');
      }
      return toLabelJob(queue.job(request.jobId) ?? job);
    },

    cancel(request: { jobId: string }): LabelJob {
      const outcome = queue.cancel(request.jobId);
      if (outcome === 'unknown') throw new ServiceError('unknown-job', 'Nie ma takiego wydruku.');
      if (outcome === 'too-late') {
        throw new ServiceError('too-late', 'Ten wydruk jest już drukowany lub wydrukowany.');
      }
      const job = queue.job(request.jobId);
      if (!job) throw new ServiceError('unknown-job', 'Nie ma takiego wydruku.');
      return toLabelJob(job);
    },

    history(request: { depositId: string }) {
      const jobs = jobsOfDeposit(db, request.depositId);
      return {
        depositId: request.depositId,
        printedCount: jobs.filter((job) => job.status === 'printed').length,
        reprintCount: jobs.filter((job) => job.kind === 'reprint' && job.status === 'printed')
          .length,
        records: jobs.map((job) => ({
          jobId: job.id,
          kind: job.kind,
          status: job.status,
          requestedBy: job.requestedBy,
          requestedAt: job.createdAt,
          printedAt: job.printedAt,
        })),
      };
    },

    async printerStatus(): Promise<LabelPrinterStatus> {
      const transport = transports[printer.kind] as
        | {
            status?: (
              printer: PrinterConfig,
            ) => Promise<{ state: 'online' | 'offline'; detail: string | null }>;
          }
        | undefined;
      const answer = transport?.status
        ? await transport.status(printer)
        : { state: 'unknown' as const, detail: null };
      return {
        printer: describePrinter(printer),
        geometry,
        state: answer.state,
        detail: answer.detail,
        checkedAt: clock.now().toISOString(),
      };
    },

    stop(): void {
      unsubscribe();
    },
  };
}

export type LabelService = ReturnType<typeof createLabelService>;
