import type Database from 'better-sqlite3';

/** The outbox as SQLite stores it (migration 002). */
export type OutboxRow = {
  local_seq: number;
  mutation_id: string;
  type: string;
  payload: string;
  created_at: string;
  status: 'pending' | 'failed';
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
};

/** One local change waiting for (or refused by) the central server. */
export type OutboxEntry = {
  localSeq: number;
  id: string;
  type: string;
  /** Parsed from the stored JSON; it was validated against its schema before it was written. */
  payload: unknown;
  createdAt: string;
  status: 'pending' | 'failed';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
};

export function rowToOutboxEntry(row: OutboxRow): OutboxEntry {
  return {
    localSeq: row.local_seq,
    id: row.mutation_id,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    createdAt: row.created_at,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
  };
}

export type NewOutboxEntry = { id: string; type: string; payload: unknown; createdAt: string };

export function insertOutboxEntry(db: Database.Database, entry: NewOutboxEntry): number {
  const info = db
    .prepare(
      `INSERT INTO outbox (mutation_id, type, payload, created_at, status)
       VALUES (?, ?, ?, ?, 'pending')`,
    )
    .run(entry.id, entry.type, JSON.stringify(entry.payload), entry.createdAt);
  return Number(info.lastInsertRowid);
}

/** The oldest pending changes, in the order they were made (the push order). */
export function nextPendingBatch(db: Database.Database, limit: number): OutboxEntry[] {
  const rows = db
    .prepare(`SELECT * FROM outbox WHERE status = 'pending' ORDER BY local_seq LIMIT ?`)
    .all(limit) as OutboxRow[];
  return rows.map(rowToOutboxEntry);
}

export function countOutbox(db: Database.Database): { pending: number; failed: number } {
  const rows = db.prepare(`SELECT status, count(*) AS n FROM outbox GROUP BY status`).all() as {
    status: OutboxRow['status'];
    n: number;
  }[];
  const counts = { pending: 0, failed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

export function findOutboxEntry(db: Database.Database, id: string): OutboxEntry | null {
  const row = db.prepare(`SELECT * FROM outbox WHERE mutation_id = ?`).get(id) as
    OutboxRow | undefined;
  return row ? rowToOutboxEntry(row) : null;
}

export function listFailed(db: Database.Database): OutboxEntry[] {
  const rows = db
    .prepare(`SELECT * FROM outbox WHERE status = 'failed' ORDER BY local_seq`)
    .all() as OutboxRow[];
  return rows.map(rowToOutboxEntry);
}

/** The server has applied these changes: they leave the outbox. */
export function deleteOutboxEntries(db: Database.Database, ids: readonly string[]): void {
  const remove = db.prepare(`DELETE FROM outbox WHERE mutation_id = ?`);
  for (const id of ids) remove.run(id);
}

/** The server refused this change for good: it stays, visibly, with the server's reason. */
export function markFailed(db: Database.Database, id: string, reason: string): void {
  db.prepare(
    `UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?,
       next_attempt_at = NULL
     WHERE mutation_id = ?`,
  ).run(reason, id);
}

/** A try that did not reach a verdict (server unreachable): counted, with when the next is due. */
export function recordAttempt(
  db: Database.Database,
  ids: readonly string[],
  problem: string,
  nextAttemptAt: string | null,
): void {
  const update = db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?
     WHERE mutation_id = ? AND status = 'pending'`,
  );
  for (const id of ids) update.run(problem, nextAttemptAt, id);
}

/**
 * A person asked to send a refused change again: back in line, in its original place, under a
 * new id. The old id must not be reused: the server answers a replayed id with its first answer
 * (the rejection), and since that id was refused it was never applied, so the new one cannot
 * make the change happen twice.
 */
export function requeueFailed(db: Database.Database, id: string, newId: string): boolean {
  return (
    db
      .prepare(
        `UPDATE outbox SET status = 'pending', mutation_id = ?, next_attempt_at = NULL
         WHERE mutation_id = ? AND status = 'failed'`,
      )
      .run(newId, id).changes === 1
  );
}

/** A person gave up a refused change: only a failed one can go this way. */
export function discardFailed(db: Database.Database, id: string): boolean {
  return (
    db.prepare(`DELETE FROM outbox WHERE mutation_id = ? AND status = 'failed'`).run(id).changes ===
    1
  );
}
