import type { Migration } from './types';

/**
 * The label print queue grows what the locker desk needs (issue 9, docs/labels.md):
 * - `batch_id`: the `labels:print` call a job came from, for the batch's progress;
 * - `requested_by`: the clerk's login, so a reprint (DUPLIKAT) says who asked for it and when
 *   (`created_at`); a deposit's reprint count is its `reprint` rows;
 * - `cancelled`: a job the clerk took out of the queue (kept, so the record stays whole);
 * - `format` `html`: a label for the system print dialog (an ordinary printer).
 * SQLite cannot change a CHECK, so the table is rebuilt; every row is carried over as it was.
 */
export const labels: Migration = {
  version: 10,
  name: 'labels',
  up: (db) => {
    db.exec(`
      CREATE TABLE print_jobs_v10 (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        deposit_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('label', 'reprint')),
        payload BLOB NOT NULL CHECK (length(payload) > 0),
        format TEXT NOT NULL CHECK (format IN ('zpl', 'html')),
        printer TEXT NOT NULL,
        status TEXT NOT NULL
          CHECK (status IN ('queued', 'printing', 'printed', 'failed-retrying', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error_code TEXT,
        last_error_detail TEXT,
        next_attempt_at TEXT,
        created_at TEXT NOT NULL,
        printed_at TEXT,
        duplicate INTEGER NOT NULL CHECK (duplicate IN (0, 1)),
        batch_id TEXT,
        requested_by TEXT,
        cancelled_at TEXT,
        CHECK (duplicate = (kind = 'reprint')),
        CHECK ((status = 'printed') = (printed_at IS NOT NULL)),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      ) STRICT;
      INSERT INTO print_jobs_v10 (seq, id, deposit_id, kind, payload, format, printer, status,
        attempts, last_error_code, last_error_detail, next_attempt_at, created_at, printed_at,
        duplicate)
      SELECT seq, id, deposit_id, kind, payload, format, printer, status, attempts,
        last_error_code, last_error_detail, next_attempt_at, created_at, printed_at, duplicate
      FROM print_jobs;
      DROP TABLE print_jobs;
      ALTER TABLE print_jobs_v10 RENAME TO print_jobs;
      CREATE INDEX print_jobs_waiting ON print_jobs (status, printer, seq);
      CREATE INDEX print_jobs_by_deposit ON print_jobs (deposit_id);
      CREATE INDEX print_jobs_by_batch ON print_jobs (batch_id) WHERE batch_id IS NOT NULL;
    `);
  },
};
