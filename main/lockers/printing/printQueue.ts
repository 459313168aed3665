import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { depositIdSchema } from '../../../common/contract/lockerLabel';
import { printerConfigSchema } from '../../../common/contract/workstationConfig';
import type { Clock } from '../../app/clock';
import { backoffDelay, systemTimers, type Backoff, type SyncTimers } from '../../sync/syncTimers';
import { PrintFailure, toPrintFailure, type PrintFailureReason } from './printFailure';
import {
  countPrintJobs,
  getPrintJob,
  headJobs,
  insertPrintJob,
  listPrintJobs,
  markCancelled,
  markFailed,
  markPrinted,
  markPrinting,
  readPayload,
  requeue,
  requeueInterrupted,
  type PrintJob,
  type PrintJobFormat,
  type PrintJobKind,
  type PrintQueueCounts,
} from './printJobQueries';
import type {
  PrinterConfig,
  PrinterKind,
  PrinterTransport,
  PrinterTransports,
  PrintJobRef,
} from './transports/printerTransport';

export type PrintQueueLogger = {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
};

export type PrintQueueOptions = {
  db: Database.Database;
  clock: Clock;
  transports: PrinterTransports;
  logger: PrintQueueLogger;
  timers?: SyncTimers;
  /** Waits between tries while a printer is off: doubling from 2 s up to 1 min by default. */
  backoff?: Backoff;
  /** For the backoff's jitter; tests pass a constant. */
  random?: () => number;
  newId?: () => string;
};

/** A label to print: the bytes `encodeZpl(renderLockerLabelZpl(label))` gave. */
export type PrintJobInput = {
  depositId: string;
  /** A `reprint` is a label rendered with `duplicate: true` (DUPLIKAT), recorded as such. */
  kind: PrintJobKind;
  payload: Uint8Array;
  /** `zpl` (the default) for a label printer; `html` for the system print dialog. */
  format?: PrintJobFormat;
  /** The workstation config's `printer` when the job was queued. */
  printer: PrinterConfig;
  /** The `labels:print` call it belongs to, for the batch's progress. */
  batchId?: string | null;
  /** The clerk's login, recorded with the job (who asked for a reprint). */
  requestedBy?: string | null;
};

/** A job that cannot be queued as given: nothing was written. */
export class InvalidPrintJobError extends Error {
  override readonly name = 'InvalidPrintJobError';
}

export type PrintQueueStatus = {
  counts: PrintQueueCounts;
  /** The reason the oldest job still waiting did not print, for the status bar. */
  lastError: PrintFailureReason | null;
  nextAttemptAt: string | null;
};

const DEFAULT_BACKOFF: Backoff = { baseMs: 2000, maxMs: 60_000 };
const DEFAULT_JOB_LIST_LIMIT = 200;
/** The `waiting` key of a whole pass put off by a database error (no printer's JSON is this). */
const RETRY_PASS = '';

/**
 * The label print queue of the counter PC. Jobs live in SQLite (migration 006), so a job queued
 * before a crash or a restart still prints. Each printer is a lane: its jobs go out one at a
 * time, in the order they were queued, and a job waiting for an offline printer holds up the
 * labels behind it (the clerk sticks labels on envelopes in that order). Lanes do not wait for
 * each other.
 *
 * A job cut off mid-send (the app closed or the power went while it was `printing`) is sent
 * again, whole and unmarked, at the next start. A thermal printer only prints a format it has
 * received to its ^XZ, so a cut-off send most often printed nothing; when it did print, the
 * clerk holds two identical labels for the one envelope in hand and throws one away. DUPLIKAT
 * marks a deliberate second label for a deposit whose first one is already out in the world,
 * which this is not, and the bytes are fixed at enqueue, so the queue could not mark it anyway.
 */
export function createPrintQueue(options: PrintQueueOptions) {
  const { db, clock, transports, logger } = options;
  const timers = options.timers ?? systemTimers;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  const newId = options.newId ?? randomUUID;

  const listeners = new Set<() => void>();
  const jobListeners = new Set<(job: PrintJob) => void>();
  /** Jobs queued in a transaction not yet known to have committed. */
  const enqueued: string[] = [];
  /** Lanes with a send in flight, and lanes waiting for their head job's next try. */
  const sending = new Map<string, Promise<void>>();
  const waiting = new Map<string, unknown>();
  let started = false;
  let closed = false;
  let pumpScheduled = false;

  function emit(): void {
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        logger.warn({ err: error }, 'A print queue listener threw');
      }
    }
  }

  /** Tells the job's listeners its new state (read back from the row). */
  function emitJob(id: string): void {
    if (jobListeners.size === 0) return;
    let job: PrintJob | undefined;
    try {
      job = getPrintJob(db, id);
    } catch (error) {
      logger.warn({ err: error, jobId: id }, 'The print queue could not read a job');
      return;
    }
    if (!job) return;
    for (const listener of jobListeners) {
      try {
        listener(job);
      } catch (error) {
        logger.warn({ err: error }, 'A print job listener threw');
      }
    }
  }

  /** After the caller's transaction: a job it rolled back is simply not found. */
  function schedulePump(): void {
    if (pumpScheduled) return;
    pumpScheduled = true;
    queueMicrotask(() => {
      pumpScheduled = false;
      for (const id of enqueued.splice(0)) emitJob(id);
      emit();
      pump();
    });
  }

  /**
   * Sends each lane's head job that is due, and sets a timer for the ones that are not. Runs from
   * timers and after commits, so a database error (another process holding a lock) is logged and
   * the pass tried again later instead of crashing the app.
   */
  function pump(): void {
    if (!started || closed) return;
    try {
      pumpLanes();
    } catch (error) {
      logger.warn({ err: error }, 'The print queue could not read its jobs; trying again later');
      if (!waiting.has(RETRY_PASS)) {
        waiting.set(
          RETRY_PASS,
          timers.setTimeout(() => {
            waiting.delete(RETRY_PASS);
            pump();
          }, backoff.baseMs),
        );
      }
    }
  }

  function pumpLanes(): void {
    for (const job of headJobs(db)) {
      if (sending.has(job.printer) || waiting.has(job.printer)) continue;
      const waitMs =
        job.nextAttemptAt === null ? 0 : Date.parse(job.nextAttemptAt) - clock.now().getTime();
      if (waitMs > 0) {
        const lane = job.printer;
        waiting.set(
          lane,
          timers.setTimeout(() => {
            waiting.delete(lane);
            pump();
          }, waitMs),
        );
        continue;
      }
      const lane = job.printer;
      const send = sendJob(job)
        .catch((error: unknown) => {
          logger.warn({ err: error, jobId: job.id }, 'The print queue could not record a send');
        })
        .finally(() => {
          sending.delete(lane);
          if (!closed) {
            emit();
            pump();
          }
        });
      sending.set(lane, send);
    }
  }

  async function sendJob(job: PrintJob): Promise<void> {
    markPrinting(db, job.id);
    emit();
    emitJob(job.id);
    let failure: PrintFailure | null = null;
    try {
      const payload = readPayload(db, job.id);
      await transportFor(job.printer).send(payload, { id: job.id, depositId: job.depositId });
    } catch (error) {
      failure = toPrintFailure(error);
    }
    // Closed while sending: the row stays `printing` and is sent again at the next start.
    if (closed) return;
    const now = clock.now();
    if (failure === null) {
      markPrinted(db, job.id, now.toISOString());
      logger.info({ jobId: job.id, depositId: job.depositId, kind: job.kind }, 'Label printed');
      emitJob(job.id);
      return;
    }
    const attempts = job.attempts + 1;
    const nextAttemptAt = failure.retryable
      ? new Date(now.getTime() + backoffDelay(attempts, backoff, random)).toISOString()
      : null;
    markFailed(db, job.id, { code: failure.code, detail: failure.detail }, nextAttemptAt);
    emitJob(job.id);
    logger.warn(
      {
        jobId: job.id,
        depositId: job.depositId,
        code: failure.code,
        detail: failure.detail,
        attempts,
        nextAttemptAt,
      },
      nextAttemptAt === null
        ? 'Label not printed; waiting for the clerk'
        : 'Label not printed; will retry',
    );
  }

  /** The job's printer as a send function, or a failure saying why it cannot be printed to. */
  function transportFor(printerJson: string): {
    send(bytes: Uint8Array, job: PrintJobRef): Promise<void>;
    cancel(job: PrintJobRef): Promise<void>;
  } {
    let raw: unknown;
    try {
      raw = JSON.parse(printerJson);
    } catch {
      throw new PrintFailure('printer-config-invalid', 'not JSON', false);
    }
    const kind =
      typeof raw === 'object' && raw !== null && 'kind' in raw && typeof raw.kind === 'string'
        ? raw.kind
        : '(none)';
    const transport = (transports as Partial<Record<string, PrinterTransport>>)[kind];
    if (!transport) throw new PrintFailure('printer-kind-unsupported', kind, false);
    const parsed = printerConfigSchema.safeParse(raw);
    if (!parsed.success || parsed.data.kind !== (kind as PrinterKind)) {
      throw new PrintFailure('printer-config-invalid', kind, false);
    }
    const printer = parsed.data;
    // The transport was looked up by this config's kind, so it takes this config.
    const typed = transport as PrinterTransport<typeof printer.kind>;
    return {
      send: (bytes, job) => typed.send(printer as never, bytes, job),
      cancel: (job) => typed.cancel?.(printer as never, job) ?? Promise.resolve(),
    };
  }

  return {
    /**
     * Queues a label. Call it INSIDE the transaction that records the deposit's label (as
     * enqueueMutation does): the job and the record commit together or neither does. Throws
     * outside a transaction, and on a bad job (nothing written). Returns the job's id; the
     * worker picks it up after the commit.
     */
    enqueue(input: PrintJobInput): string {
      if (!db.inTransaction) {
        throw new Error(
          'printQueue.enqueue must run inside the transaction of the deposit change it belongs to (db.transaction(...)).',
        );
      }
      const depositId = depositIdSchema.safeParse(input.depositId);
      if (!depositId.success) {
        throw new InvalidPrintJobError(
          `Invalid deposit id "${input.depositId}": ${depositId.error.issues[0]?.message ?? 'malformed'}.`,
        );
      }
      if (input.kind !== 'label' && input.kind !== 'reprint') {
        throw new InvalidPrintJobError(
          `Invalid print job kind "${String(input.kind)}": must be label or reprint.`,
        );
      }
      if (!(input.payload instanceof Uint8Array) || input.payload.byteLength === 0) {
        throw new InvalidPrintJobError(`The label of ${depositId.data} has no bytes to print.`);
      }
      const printer = printerConfigSchema.safeParse(input.printer);
      if (!printer.success) {
        throw new InvalidPrintJobError(
          `Invalid printer for ${depositId.data}: ${printer.error.issues[0]?.message ?? 'malformed'}.`,
        );
      }
      const format = input.format ?? 'zpl';
      if (format !== 'zpl' && format !== 'html') {
        throw new InvalidPrintJobError(`Invalid print job format "${String(format)}".`);
      }
      const id = newId();
      insertPrintJob(db, {
        id,
        depositId: depositId.data,
        kind: input.kind,
        payload: input.payload,
        format,
        printer: JSON.stringify(printer.data),
        createdAt: clock.now().toISOString(),
        batchId: input.batchId ?? null,
        requestedBy: input.requestedBy ?? null,
      });
      enqueued.push(id);
      schedulePump();
      return id;
    },

    /** Puts interrupted jobs back in their lanes and starts sending. */
    start(): void {
      if (started || closed) return;
      started = true;
      const interrupted = requeueInterrupted(db);
      if (interrupted > 0)
        logger.warn({ interrupted }, 'Print jobs cut off by the last shutdown are sent again');
      emit();
      pump();
    },

    /** Tries a failed or waiting job now (the clerk's "print again" after fixing the printer). */
    retry(jobId: string): boolean {
      const waitingJob = getPrintJob(db, jobId);
      const requeued = requeue(db, jobId);
      if (requeued && waitingJob) {
        const timer = waiting.get(waitingJob.printer);
        if (timer !== undefined) timers.clearTimeout(timer);
        waiting.delete(waitingJob.printer);
        enqueued.push(jobId);
        schedulePump();
      }
      return requeued;
    },

    /**
     * Takes a job that has not started printing out of the queue (it stays in the list as
     * `cancelled`); the jobs behind it move up. A job being sent right now cannot be stopped.
     */
    cancel(jobId: string): 'cancelled' | 'too-late' | 'unknown' {
      const job = getPrintJob(db, jobId);
      if (!job) return 'unknown';
      if (!markCancelled(db, jobId, clock.now().toISOString())) return 'too-late';
      const timer = waiting.get(job.printer);
      if (timer !== undefined) timers.clearTimeout(timer);
      waiting.delete(job.printer);
      // A spooler may hold what an earlier try submitted (IPP): withdraw it, best effort.
      if (job.attempts > 0) {
        try {
          transportFor(job.printer)
            .cancel({ id: job.id, depositId: job.depositId })
            .catch((error: unknown) => {
              logger.warn({ err: error, jobId }, 'The printer did not take back a cancelled job');
            });
        } catch {
          // An unreadable printer has nothing to take back.
        }
      }
      enqueued.push(jobId);
      schedulePump();
      return 'cancelled';
    },

    /** The most recent jobs, oldest first, without their bytes. */
    jobs(limit = DEFAULT_JOB_LIST_LIMIT): PrintJob[] {
      return listPrintJobs(db, limit);
    },

    job(jobId: string): PrintJob | undefined {
      return getPrintJob(db, jobId);
    },

    status(): PrintQueueStatus {
      const counts = countPrintJobs(db);
      const stuck = headJobs(db).find((job) => job.lastError !== null);
      return {
        counts,
        lastError: stuck?.lastError ?? null,
        nextAttemptAt: stuck?.nextAttemptAt ?? null,
      };
    },

    /** Called with the job after every change of its state; returns the unsubscribe. */
    onJobChange(listener: (job: PrintJob) => void): () => void {
      jobListeners.add(listener);
      return () => jobListeners.delete(listener);
    },

    /** Called after every change of a job's state; returns the unsubscribe. */
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Stops the worker and waits for sends in flight; the database stays the caller's. */
    async close(): Promise<void> {
      closed = true;
      for (const timer of waiting.values()) timers.clearTimeout(timer);
      waiting.clear();
      await Promise.allSettled([...sending.values()]);
    },
  };
}

export type PrintQueue = ReturnType<typeof createPrintQueue>;
