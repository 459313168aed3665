import type Database from 'better-sqlite3';
import type { PrintFailureReason } from './printFailure';

export type PrintJobKind = 'label' | 'reprint';
/**
 * `failed-retrying`: the last try failed in a way time can mend (printer off); it is tried again
 * at `nextAttemptAt`. `failed`: only a person can mend it (unsupported kind, a permission); it
 * waits for `retry(id)` and does not hold up the jobs behind it. `cancelled`: the clerk took it
 * out; it never prints.
 */
export type PrintJobStatus =
  'queued' | 'printing' | 'printed' | 'failed-retrying' | 'failed' | 'cancelled';

/** `zpl` for a label printer; `html` a page for the system print dialog. */
export type PrintJobFormat = 'zpl' | 'html';

/** A job as the queue and the clerk's list see it (without its bytes). */
export type PrintJob = {
  id: string;
  depositId: string;
  kind: PrintJobKind;
  format: PrintJobFormat;
  /** The printer config's JSON, as stored: the lane the job is sent in order within. */
  printer: string;
  status: PrintJobStatus;
  attempts: number;
  lastError: PrintFailureReason | null;
  nextAttemptAt: string | null;
  createdAt: string;
  printedAt: string | null;
  /** The label says DUPLIKAT (a reprint). */
  duplicate: boolean;
  byteLength: number;
  /** The `labels:print` call it came from. */
  batchId: string | null;
  /** The clerk's login who asked for it. */
  requestedBy: string | null;
};

type PrintJobRow = {
  id: string;
  deposit_id: string;
  kind: PrintJobKind;
  format: PrintJobFormat;
  printer: string;
  status: PrintJobStatus;
  attempts: number;
  last_error_code: string | null;
  last_error_detail: string | null;
  next_attempt_at: string | null;
  created_at: string;
  printed_at: string | null;
  duplicate: number;
  byte_length: number;
  batch_id: string | null;
  requested_by: string | null;
};

const JOB_COLUMNS = `id, deposit_id, kind, format, printer, status, attempts, last_error_code,
  last_error_detail, next_attempt_at, created_at, printed_at, duplicate, batch_id, requested_by,
  length(payload) AS byte_length`;

function rowToJob(row: PrintJobRow): PrintJob {
  return {
    id: row.id,
    depositId: row.deposit_id,
    kind: row.kind,
    format: row.format,
    printer: row.printer,
    status: row.status,
    attempts: row.attempts,
    lastError:
      row.last_error_code === null
        ? null
        : // The codes are written only by the queue, from PrintFailureCode.
          ({
            code: row.last_error_code,
            detail: row.last_error_detail ?? '',
          } as PrintFailureReason),
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    printedAt: row.printed_at,
    duplicate: row.duplicate === 1,
    byteLength: row.byte_length,
    batchId: row.batch_id,
    requestedBy: row.requested_by,
  };
}

export type NewPrintJob = {
  id: string;
  depositId: string;
  kind: PrintJobKind;
  payload: Uint8Array;
  format: PrintJobFormat;
  printer: string;
  createdAt: string;
  batchId: string | null;
  requestedBy: string | null;
};

export function insertPrintJob(db: Database.Database, job: NewPrintJob): void {
  db.prepare(
    `INSERT INTO print_jobs (id, deposit_id, kind, payload, format, printer, status, created_at,
       duplicate, batch_id, requested_by)
     VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)`,
  ).run(
    job.id,
    job.depositId,
    job.kind,
    Buffer.from(job.payload.buffer, job.payload.byteOffset, job.payload.byteLength),
    job.format,
    job.printer,
    job.createdAt,
    job.kind === 'reprint' ? 1 : 0,
    job.batchId,
    job.requestedBy,
  );
}

/**
 * A label the window printed itself (the print dialog of the browser host): recorded as printed
 * when handed over, since nothing here can learn whether the dialog was confirmed.
 */
export function insertPrintedElsewhere(db: Database.Database, job: NewPrintJob): void {
  db.prepare(
    `INSERT INTO print_jobs (id, deposit_id, kind, payload, format, printer, status, attempts,
       created_at, printed_at, duplicate, batch_id, requested_by)
     VALUES (?, ?, ?, ?, ?, ?, 'printed', 1, ?, ?, ?, ?, ?)`,
  ).run(
    job.id,
    job.depositId,
    job.kind,
    Buffer.from(job.payload.buffer, job.payload.byteOffset, job.payload.byteLength),
    job.format,
    job.printer,
    job.createdAt,
    job.createdAt,
    job.kind === 'reprint' ? 1 : 0,
    job.batchId,
    job.requestedBy,
  );
}

/** The most recent jobs, oldest first. */
export function listPrintJobs(db: Database.Database, limit: number): PrintJob[] {
  const rows = db
    .prepare(
      `SELECT ${JOB_COLUMNS} FROM (SELECT * FROM print_jobs ORDER BY seq DESC LIMIT ?) ORDER BY seq`,
    )
    .all(limit) as PrintJobRow[];
  return rows.map(rowToJob);
}

export function getPrintJob(db: Database.Database, id: string): PrintJob | undefined {
  const row = db.prepare(`SELECT ${JOB_COLUMNS} FROM print_jobs WHERE id = ?`).get(id) as
    PrintJobRow | undefined;
  return row && rowToJob(row);
}

/** The first waiting job of each printer: the only one of its lane that may be sent next. */
export function headJobs(db: Database.Database): PrintJob[] {
  const rows = db
    .prepare(
      `SELECT ${JOB_COLUMNS} FROM print_jobs WHERE seq IN (
         SELECT min(seq) FROM print_jobs
         WHERE status IN ('queued', 'failed-retrying') GROUP BY printer)
       ORDER BY seq`,
    )
    .all() as PrintJobRow[];
  return rows.map(rowToJob);
}

export function readPayload(db: Database.Database, id: string): Uint8Array {
  const row = db.prepare(`SELECT payload FROM print_jobs WHERE id = ?`).get(id) as
    { payload: Buffer } | undefined;
  if (!row) throw new Error(`Print job ${id} is not in the queue.`);
  return new Uint8Array(row.payload.buffer, row.payload.byteOffset, row.payload.byteLength);
}

export function markPrinting(db: Database.Database, id: string): void {
  db.prepare(
    `UPDATE print_jobs SET status = 'printing', attempts = attempts + 1, next_attempt_at = NULL WHERE id = ?`,
  ).run(id);
}

export function markPrinted(db: Database.Database, id: string, printedAt: string): void {
  db.prepare(
    `UPDATE print_jobs SET status = 'printed', printed_at = ?, last_error_code = NULL,
       last_error_detail = NULL, next_attempt_at = NULL WHERE id = ?`,
  ).run(printedAt, id);
}

export function markFailed(
  db: Database.Database,
  id: string,
  reason: PrintFailureReason,
  nextAttemptAt: string | null,
): void {
  db.prepare(
    `UPDATE print_jobs SET status = ?, last_error_code = ?, last_error_detail = ?,
       next_attempt_at = ? WHERE id = ?`,
  ).run(
    nextAttemptAt === null ? 'failed' : 'failed-retrying',
    reason.code,
    reason.detail,
    nextAttemptAt,
    id,
  );
}

/** A job the clerk asks to try again: back in its lane, due now, its last reason kept. */
export function requeue(db: Database.Database, id: string): boolean {
  return (
    db
      .prepare(
        `UPDATE print_jobs SET status = 'queued', next_attempt_at = NULL
         WHERE id = ? AND status IN ('failed', 'failed-retrying')`,
      )
      .run(id).changes === 1
  );
}

/**
 * A job found `printing` when the app starts was cut off by a crash or a power cut: it goes back
 * to the head of its lane. See createPrintQueue for why it is sent again unmarked.
 */
export function requeueInterrupted(db: Database.Database): number {
  return db
    .prepare(
      `UPDATE print_jobs SET status = 'queued', next_attempt_at = NULL WHERE status = 'printing'`,
    )
    .run().changes;
}

/** The clerk takes a job out of the queue: only one that has not started printing. */
export function markCancelled(db: Database.Database, id: string, cancelledAt: string): boolean {
  return (
    db
      .prepare(
        `UPDATE print_jobs SET status = 'cancelled', cancelled_at = ?, next_attempt_at = NULL
         WHERE id = ? AND status IN ('queued', 'failed-retrying', 'failed')`,
      )
      .run(cancelledAt, id).changes === 1
  );
}

/** Every job of a deposit, oldest first: its labels and reprints, who asked and when. */
export function jobsOfDeposit(db: Database.Database, depositId: string): PrintJob[] {
  const rows = db
    .prepare(`SELECT ${JOB_COLUMNS} FROM print_jobs WHERE deposit_id = ? ORDER BY seq`)
    .all(depositId) as PrintJobRow[];
  return rows.map(rowToJob);
}

/** Every job of a batch, in the order it was queued. */
export function jobsOfBatch(db: Database.Database, batchId: string): PrintJob[] {
  const rows = db
    .prepare(`SELECT ${JOB_COLUMNS} FROM print_jobs WHERE batch_id = ? ORDER BY seq`)
    .all(batchId) as PrintJobRow[];
  return rows.map(rowToJob);
}

export type PrintQueueCounts = Record<PrintJobStatus, number>;

export function countPrintJobs(db: Database.Database): PrintQueueCounts {
  const counts: PrintQueueCounts = {
    queued: 0,
    printing: 0,
    printed: 0,
    'failed-retrying': 0,
    failed: 0,
    cancelled: 0,
  };
  const rows = db.prepare(`SELECT status, count(*) AS n FROM print_jobs GROUP BY status`).all() as {
    status: PrintJobStatus;
    n: number;
  }[];
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}
