import type Database from 'better-sqlite3';

/** The one row of sync_state (migrations 002 and 004). */
export type SyncStateRow = {
  pull_cursor: string;
  feed_id: string | null;
  live_event_cursor: string | null;
  last_push_at: string | null;
  last_pull_at: string | null;
  last_error: string | null;
};

export type SyncState = {
  /** The last server seq applied to the mirror; the next pull asks for what came after it. */
  pullCursor: string;
  /** The central feed the pull cursor (and the live events cursor) belong to; null: none yet. */
  feedId: string | null;
  /** The id of the last live event handled; null: connect without `after`. */
  liveEventCursor: string | null;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastError: string | null;
};

export function rowToSyncState(row: SyncStateRow): SyncState {
  return {
    pullCursor: row.pull_cursor,
    feedId: row.feed_id,
    liveEventCursor: row.live_event_cursor,
    lastPushAt: row.last_push_at,
    lastPullAt: row.last_pull_at,
    lastError: row.last_error,
  };
}

export function readSyncState(db: Database.Database): SyncState {
  const row = db
    .prepare(
      `SELECT pull_cursor, feed_id, live_event_cursor, last_push_at, last_pull_at, last_error
       FROM sync_state WHERE id = 1`,
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

/**
 * The central server answered from another feed than the one the cursors came from (its store
 * was replaced): forgets the mirror and both cursors, and takes the new feed. Call it in the
 * transaction that writes the new feed's first page, so the old mirror stays whole until then.
 */
export function startNewFeed(db: Database.Database, feedId: string): void {
  db.prepare(`DELETE FROM reference_cache`).run();
  db.prepare(
    `UPDATE sync_state SET pull_cursor = '0', feed_id = ?, live_event_cursor = NULL WHERE id = 1`,
  ).run(feedId);
}

/** The last live event handled, so a restart resumes after it. */
export function recordLiveEventCursor(db: Database.Database, eventId: string | null): void {
  db.prepare(`UPDATE sync_state SET live_event_cursor = ? WHERE id = 1`).run(eventId);
}

export function recordPush(db: Database.Database, at: string): void {
  db.prepare(`UPDATE sync_state SET last_push_at = ? WHERE id = 1`).run(at);
}

export function recordSyncError(db: Database.Database, problem: string | null): void {
  db.prepare(`UPDATE sync_state SET last_error = ? WHERE id = 1`).run(problem);
}
