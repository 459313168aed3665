import type { Migration } from './types';

/**
 * The counter PC's side of the sync (docs/sync-api.md): a mirror of the central reference data,
 * the pull cursor and the last results, and the outbox of local changes waiting for the server.
 */
export const sync: Migration = {
  version: 2,
  name: 'sync',
  up: (db) => {
    db.exec(`
      -- One row per reference entity the server has ever sent; a deletion stays as a tombstone
      -- (deleted = 1, data NULL) so a later page cannot resurrect it out of order.
      CREATE TABLE reference_cache (
        entity TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT CHECK (data IS NULL OR json_valid(data)),
        -- The server's feed position, as the digits it sent (it may outgrow a JS number).
        seq TEXT NOT NULL,
        deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
        PRIMARY KEY (entity, id),
        CHECK ((deleted = 1) = (data IS NULL))
      ) STRICT, WITHOUT ROWID;

      -- Exactly one row: where the pull stands and how the last exchanges went.
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        pull_cursor TEXT NOT NULL DEFAULT '0',
        last_push_at TEXT,
        last_pull_at TEXT,
        last_error TEXT
      ) STRICT;
      INSERT INTO sync_state (id) VALUES (1);

      -- Local changes the server has not confirmed yet, in the order they were made (local_seq).
      -- A row leaves only when the server has answered for it; a rejected one stays as failed.
      CREATE TABLE outbox (
        local_seq INTEGER PRIMARY KEY AUTOINCREMENT,
        mutation_id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        created_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error TEXT,
        next_attempt_at TEXT
      ) STRICT;
      CREATE INDEX outbox_by_status ON outbox (status, local_seq);
    `);
  },
};
