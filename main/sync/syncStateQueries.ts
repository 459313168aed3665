import type Database from 'better-sqlite3';

/** The one row of sync_state (migration 002). */
export type SyncStateRow = {
  pull_cursor: string;
  last_push_at: string | null;
  last_pull_at: string | null;
  last_error: string | null;
};

export type SyncState = {
  /** The last server seq applied to the mirror; the next pull asks for what came after it. */
  pullCursor: string;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastError: string | null;
};

export function rowToSyncState(row: SyncStateRow): SyncState {
  return {
    pullCursor: row.pull_cursor,
    lastPushAt: row.last_push_at,
    lastPullAt: row.last_pull_at,
    lastError: row.last_error,
  };
}

export function readSyncState(db: Database.Database): SyncState {
  const row = db
    .prepare(
      `SELECT pull_cursor, last_push_at, last_pull_at, last_error FROM sync_state WHERE id = 1`,
    )
    .get() as SyncStateRow | undefined;
  if (!row) throw new Error('sync_state has no row: the database was not migrated.');
  return rowToSyncState(row);
}

/** Moves the cursor past a page; call it in the transaction that wrote the page. */
export function recordPulledPage(db: Database.Database, cursor: string, at: string): void {
  db.prepare(
    `UPDATE sync_state SET pull_cursor = ?, last_pull_at = ?, last_error = NULL WHERE id = 1`,
  ).run(cursor, at);
}

export function recordPush(db: Database.Database, at: string): void {
  db.prepare(`UPDATE sync_state SET last_push_at = ? WHERE id = 1`).run(at);
}

export function recordSyncError(db: Database.Database, problem: string | null): void {
  db.prepare(`UPDATE sync_state SET last_error = ? WHERE id = 1`).run(problem);
}
