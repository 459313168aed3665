import type { Migration } from './types';

/**
 * The case form (docs/cases.md). `case_drafts`: what a clerk has typed so far, saved on every
 * change, only on this PC. `cases`: the cases submitted here, as this PC caches them: `pending`
 * until the server applies the `case.register` mutation and gives its number, then `registered`
 * (or `rejected`, with the server's reason).
 *
 * Personal data is held in `registration` (the case as registered, JSON) and in the search
 * columns `pesel`, `name_key` and `applicant_name`; retention empties them N days after the
 * case was registered (`registration` NULL), keeping the number and the type.
 *
 * `name_key` is `lastname firstname`, lower case, Polish letters folded (`Żółć` → `zolc`), so
 * a prefix typed without diacritics finds the name. The search is a prefix search on an index:
 * `col >= prefix AND col < prefix || char(0xffff)`, which SQLite answers with a range scan; a
 * prefix that matches very many cases is answered newest first on `cases_by_submitted` instead
 * (main/cases/caseSearch.ts).
 */
export const cases: Migration = {
  version: 7,
  name: 'cases',
  up: (db) => {
    db.exec(`
      CREATE TABLE case_drafts (
        id TEXT PRIMARY KEY,
        clerk_login TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_drafts_by_clerk ON case_drafts (clerk_login, updated_at);
      CREATE INDEX case_drafts_by_age ON case_drafts (updated_at);

      CREATE TABLE cases (
        case_id TEXT PRIMARY KEY,
        mutation_id TEXT NOT NULL,
        case_number TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'registered', 'rejected')),
        rejected_reason TEXT,
        case_type_id TEXT NOT NULL,
        ticket_number TEXT,
        fee_grosze INTEGER NOT NULL CHECK (fee_grosze >= 0),
        clerk_login TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        registered_at TEXT,
        registration TEXT CHECK (registration IS NULL OR json_valid(registration)),
        pesel TEXT,
        name_key TEXT,
        applicant_name TEXT NOT NULL DEFAULT '',
        CHECK ((status = 'registered') = (case_number IS NOT NULL AND registered_at IS NOT NULL)),
        CHECK ((status = 'rejected') = (rejected_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX cases_by_pesel ON cases (pesel) WHERE pesel IS NOT NULL;
      CREATE INDEX cases_by_name ON cases (name_key) WHERE name_key IS NOT NULL;
      CREATE INDEX cases_by_number ON cases (case_number) WHERE case_number IS NOT NULL;
      CREATE INDEX cases_by_mutation ON cases (mutation_id);
      CREATE INDEX cases_by_submitted ON cases (submitted_at, case_id);
      CREATE INDEX cases_to_purge ON cases (registered_at) WHERE registration IS NOT NULL;
    `);
  },
};
