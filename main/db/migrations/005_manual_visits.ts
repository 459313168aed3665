import type { Migration } from './types';

/**
 * Visits a clerk served by the number on the resident's paper ticket while the central server
 * did not answer (docs/workstation-sync.md). A row is written when the visit starts, so it
 * survives a restart; finishing it sets `finished_at` and `note` in the same transaction that
 * puts its `visit.recordManual` mutation in the outbox (`mutation_id`, the id it was first sent
 * under). Ticket numbers only: no personal data is kept here.
 */
export const manualVisits: Migration = {
  version: 5,
  name: 'manual_visits',
  up: (db) => {
    db.exec(`
      CREATE TABLE manual_visits (
        id TEXT PRIMARY KEY,
        site_id TEXT NOT NULL,
        counter_number INTEGER NOT NULL CHECK (counter_number BETWEEN 1 AND 999),
        ticket_number TEXT NOT NULL CHECK (ticket_number GLOB '[A-Z]*[0-9]'),
        clerk_login TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        note TEXT NOT NULL DEFAULT '',
        mutation_id TEXT,
        CHECK ((finished_at IS NULL) = (mutation_id IS NULL))
      ) STRICT;
      -- One visit at a time at a counter: at most one unfinished row per counter.
      CREATE UNIQUE INDEX manual_visits_one_open
        ON manual_visits (site_id, counter_number) WHERE finished_at IS NULL;
      CREATE INDEX manual_visits_by_finish ON manual_visits (finished_at);
    `);
  },
};
