import type { Migration } from './types';

/**
 * The label print queue of the counter PC (main/lockers/printing/). A job carries the bytes the
 * printer gets (already rendered, so a restart or a changed template never alters a label that
 * was queued) and the printer it was meant for, as the config's JSON (validated when read). `seq`
 * keeps the order the clerk queued them in, per printer. The last error is a code the renderer
 * translates plus a detail (an address, a path), never a sentence in one language. No personal
 * data: a deposit id, bytes of a label that carries initials only.
 */
export const printJobs: Migration = {
  version: 6,
  name: 'print_jobs',
  up: (db) => {
    db.exec(`
      CREATE TABLE print_jobs (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        deposit_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('label', 'reprint')),
        payload BLOB NOT NULL CHECK (length(payload) > 0),
        format TEXT NOT NULL CHECK (format IN ('zpl')),
        printer TEXT NOT NULL,
        status TEXT NOT NULL
          CHECK (status IN ('queued', 'printing', 'printed', 'failed-retrying', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error_code TEXT,
        last_error_detail TEXT,
        next_attempt_at TEXT,
        created_at TEXT NOT NULL,
        printed_at TEXT,
        duplicate INTEGER NOT NULL CHECK (duplicate IN (0, 1)),
        -- A reprint is exactly the job whose label says DUPLIKAT.
        CHECK (duplicate = (kind = 'reprint')),
        CHECK ((status = 'printed') = (printed_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX print_jobs_waiting ON print_jobs (status, printer, seq);
      CREATE INDEX print_jobs_by_deposit ON print_jobs (deposit_id);
    `);
  },
};
