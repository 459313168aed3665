import type { Migration } from './types';

/**
 * The locker desk (issue 9, docs/lockers.md).
 *
 * `locker_ready_cases`: the ready, locker-eligible cases with no deposit under way, as the desk
 * last pulled them from the central server (replaced whole at each pull), so the desk works
 * offline. Initials and which contact channels exist only: no name, no contact.
 *
 * `locker_deposits`: the deposits made at this desk, each state change dated and signed in
 * `history`. `pending_mutations` counts the desk's changes still in the outbox; `sync_error`
 * holds the server's reason when it refused one for good.
 *
 * `case_ready_marks`: the cases marked ready at this PC (`case.markReady`), so the case view and
 * the desk know it before the server answers.
 */
export const lockers: Migration = {
  version: 9,
  name: 'lockers',
  up: (db) => {
    db.exec(`
      CREATE TABLE locker_ready_cases (
        case_id TEXT PRIMARY KEY,
        case_number TEXT NOT NULL,
        case_type_id TEXT NOT NULL,
        site_id TEXT NOT NULL,
        applicant_initials TEXT NOT NULL,
        contact_sms INTEGER NOT NULL CHECK (contact_sms IN (0, 1)),
        contact_email INTEGER NOT NULL CHECK (contact_email IN (0, 1)),
        ready_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX locker_ready_cases_by_number ON locker_ready_cases (case_number);

      CREATE TABLE locker_cache_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        refreshed_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE locker_deposits (
        deposit_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        case_number TEXT NOT NULL,
        case_type_id TEXT NOT NULL,
        applicant_initials TEXT NOT NULL,
        site_id TEXT NOT NULL,
        compartment_size TEXT NOT NULL CHECK (compartment_size IN ('small', 'medium', 'large')),
        state TEXT NOT NULL CHECK (
          state IN ('prepared', 'label-printed', 'deposited', 'picked-up', 'expired', 'returned')
        ),
        state_at TEXT NOT NULL,
        deposit_date TEXT NOT NULL,
        last_pickup_day TEXT NOT NULL,
        history TEXT NOT NULL CHECK (json_valid(history)),
        pending_mutations INTEGER NOT NULL DEFAULT 0 CHECK (pending_mutations >= 0),
        sync_error TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX locker_deposits_by_case ON locker_deposits (case_id);
      CREATE INDEX locker_deposits_by_state ON locker_deposits (state, last_pickup_day);
      CREATE INDEX locker_deposits_by_created ON locker_deposits (created_at);

      CREATE TABLE case_ready_marks (
        case_id TEXT PRIMARY KEY,
        ready_at TEXT NOT NULL,
        ready_by TEXT NOT NULL
      ) STRICT;
    `);
  },
};
