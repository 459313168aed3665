import type { Migration } from './types';

/**
 * The payment journal of this counter PC (docs/payment-terminal.md §8). `payments`: one row per
 * payment the clerk started, written (in a transaction) before the terminal is asked to charge,
 * and updated as each status arrives; `payment_status_history` keeps every change with its time,
 * so a crash or a dispute can be traced step by step. `status` holds the contract's statuses
 * plus `approving`: the terminal approved, the journal has it, the app's commit answer (80 00 00)
 * is not yet known to have arrived (the window sees it as in progress). `payment_end_of_day`:
 * the reports of the terminal's end of day beside the journal; each payment it covered points
 * to it (`end_of_day_id`), so the next one compares only what came after.
 */
export const payments: Migration = {
  version: 8,
  name: 'payments',
  up: (db) => {
    db.exec(`
      CREATE TABLE payments (
        payment_id TEXT PRIMARY KEY,
        case_id TEXT,
        method TEXT NOT NULL CHECK (method IN ('card', 'blik')),
        amount_grosze INTEGER NOT NULL CHECK (amount_grosze > 0),
        status TEXT NOT NULL CHECK (status IN ('prepared', 'sent', 'in-progress', 'approving',
          'approved', 'declined', 'cancelled', 'failed', 'needs-reconciliation', 'reversed')),
        prompt TEXT,
        result_text TEXT,
        result_code INTEGER,
        authorisation_code TEXT,
        masked_pan TEXT,
        trace_number INTEGER,
        receipt_number INTEGER,
        terminal_id TEXT,
        terminal_time TEXT,
        clerk_login TEXT NOT NULL,
        started_at TEXT NOT NULL,
        sent_at TEXT,
        finished_at TEXT,
        settled_by TEXT,
        settled_note TEXT,
        end_of_day_id TEXT
      ) STRICT;
      CREATE INDEX payments_by_case ON payments (case_id, started_at);
      CREATE INDEX payments_by_status ON payments (status);
      CREATE INDEX payments_unsettled ON payments (method) WHERE end_of_day_id IS NULL;

      CREATE TABLE payment_status_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        payment_id TEXT NOT NULL REFERENCES payments (payment_id),
        status TEXT NOT NULL,
        prompt TEXT,
        note TEXT,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX payment_status_history_by_payment ON payment_status_history (payment_id, id);

      CREATE TABLE payment_end_of_day (
        report_id TEXT PRIMARY KEY,
        ran_at TEXT NOT NULL,
        clerk_login TEXT NOT NULL,
        balanced INTEGER NOT NULL CHECK (balanced IN (0, 1)),
        report TEXT NOT NULL CHECK (json_valid(report))
      ) STRICT;
    `);
  },
};
