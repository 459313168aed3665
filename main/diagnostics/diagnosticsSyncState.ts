import type Database from 'better-sqlite3';
import { maskText } from '../../common/domain/personalData';
import { readSyncState } from '../sync/syncStateQueries';

export type OutboxCount = { type: string; status: string; count: number; oldestAt: string };

/**
 * The sync state for the diagnostics archive: the cursors and times of the last exchange, and
 * how many local changes wait or were refused, by type and status. Never a payload: those are
 * residents' data. The last error is a server's sentence, masked like a log line.
 */
export function syncStateForDiagnostics(db: Database.Database) {
  const state = readSyncState(db);
  const outbox = db
    .prepare(
      `SELECT type, status, count(*) AS count, min(created_at) AS oldestAt
       FROM outbox GROUP BY type, status ORDER BY type, status`,
    )
    .all() as OutboxCount[];
  return {
    pullCursor: state.pullCursor,
    feedId: state.feedId,
    liveEventCursor: state.liveEventCursor,
    lastPushAt: state.lastPushAt,
    lastPullAt: state.lastPullAt,
    lastError: state.lastError === null ? null : maskText(state.lastError),
    outbox,
  };
}
