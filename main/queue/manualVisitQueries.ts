import type Database from 'better-sqlite3';

/** A row of manual_visits (migration 005). */
export type ManualVisitRow = {
  id: string;
  site_id: string;
  counter_number: number;
  ticket_number: string;
  clerk_login: string;
  started_at: string;
  finished_at: string | null;
  note: string;
  mutation_id: string | null;
};

/** A visit served by a paper ticket's number while the central server did not answer. */
export type LocalManualVisit = {
  id: string;
  siteId: string;
  counterNumber: number;
  ticketNumber: string;
  clerkLogin: string;
  startedAt: string;
  finishedAt: string | null;
  note: string;
  mutationId: string | null;
};

export function rowToManualVisit(row: ManualVisitRow): LocalManualVisit {
  return {
    id: row.id,
    siteId: row.site_id,
    counterNumber: row.counter_number,
    ticketNumber: row.ticket_number,
    clerkLogin: row.clerk_login,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    note: row.note,
    mutationId: row.mutation_id,
  };
}

/** The visit being served at this counter by a paper ticket, if any. */
export function findOpenManualVisit(
  db: Database.Database,
  siteId: string,
  counterNumber: number,
): LocalManualVisit | null {
  const row = db
    .prepare(
      `SELECT * FROM manual_visits
       WHERE site_id = ? AND counter_number = ? AND finished_at IS NULL`,
    )
    .get(siteId, counterNumber) as ManualVisitRow | undefined;
  return row ? rowToManualVisit(row) : null;
}

export function insertManualVisit(
  db: Database.Database,
  visit: Pick<
    LocalManualVisit,
    'id' | 'siteId' | 'counterNumber' | 'ticketNumber' | 'clerkLogin' | 'startedAt'
  >,
): void {
  db.prepare(
    `INSERT INTO manual_visits (id, site_id, counter_number, ticket_number, clerk_login, started_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    visit.id,
    visit.siteId,
    visit.counterNumber,
    visit.ticketNumber,
    visit.clerkLogin,
    visit.startedAt,
  );
}

/** Marks the visit finished; false when it was not open (finished meanwhile, or unknown). */
export function finishManualVisitRow(
  db: Database.Database,
  id: string,
  finish: { finishedAt: string; note: string; mutationId: string },
): boolean {
  const info = db
    .prepare(
      `UPDATE manual_visits SET finished_at = ?, note = ?, mutation_id = ?
       WHERE id = ? AND finished_at IS NULL`,
    )
    .run(finish.finishedAt, finish.note, finish.mutationId, id);
  return info.changes === 1;
}

/**
 * Forgets finished visits older than `before`: the outbox keeps its own copy until the server
 * has it, so these rows are the PC's record of the day, not the data in transit.
 */
export function deleteFinishedManualVisitsBefore(db: Database.Database, before: string): number {
  return db
    .prepare(`DELETE FROM manual_visits WHERE finished_at IS NOT NULL AND finished_at < ?`)
    .run(before).changes;
}
