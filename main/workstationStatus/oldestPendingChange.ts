import type Database from 'better-sqlite3';

/** When the oldest change still waiting for the central server was made; null with none. */
export function oldestPendingChangeAt(db: Database.Database): string | null {
  const row = db
    .prepare(`SELECT min(created_at) AS oldest FROM outbox WHERE status = 'pending'`)
    .get() as { oldest: string | null } | undefined;
  return row?.oldest ?? null;
}
