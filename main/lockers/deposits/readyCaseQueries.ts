import type Database from 'better-sqlite3';
import type { ReadyCase } from '../../../common/contract/central/lockers';

/** The desk's cache of ready cases (migration 009), as the central server last sent them. */

type ReadyCaseRow = {
  case_id: string;
  case_number: string;
  case_type_id: string;
  site_id: string;
  applicant_initials: string;
  contact_sms: number;
  contact_email: number;
  ready_at: string;
};

const toReadyCase = (row: ReadyCaseRow): ReadyCase => ({
  caseId: row.case_id,
  caseNumber: row.case_number,
  caseTypeId: row.case_type_id,
  siteId: row.site_id,
  applicantInitials: row.applicant_initials,
  contact: { sms: row.contact_sms === 1, email: row.contact_email === 1 },
  readyAt: row.ready_at,
});

/** Replaces the cache with the server's answer, in one transaction (the caller's). */
export function replaceReadyCases(
  db: Database.Database,
  cases: readonly ReadyCase[],
  refreshedAt: string,
): void {
  db.prepare('DELETE FROM locker_ready_cases').run();
  const insert = db.prepare(
    `INSERT OR REPLACE INTO locker_ready_cases
       (case_id, case_number, case_type_id, site_id, applicant_initials, contact_sms, contact_email, ready_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const item of cases) {
    insert.run(
      item.caseId,
      item.caseNumber,
      item.caseTypeId,
      item.siteId,
      item.applicantInitials,
      item.contact.sms ? 1 : 0,
      item.contact.email ? 1 : 0,
      item.readyAt,
    );
  }
  db.prepare(
    `INSERT INTO locker_cache_state (id, refreshed_at) VALUES (1, ?)
     ON CONFLICT (id) DO UPDATE SET refreshed_at = excluded.refreshed_at`,
  ).run(refreshedAt);
}

/** The cached ready cases with no deposit under way at this desk, newest ready first. */
export function listReadyCases(db: Database.Database): ReadyCase[] {
  const rows = db
    .prepare(
      `SELECT r.* FROM locker_ready_cases r
       WHERE NOT EXISTS (
         SELECT 1 FROM locker_deposits d
         WHERE d.case_id = r.case_id AND d.state NOT IN ('picked-up', 'returned')
       )
       ORDER BY r.ready_at DESC, r.case_id`,
    )
    .all() as ReadyCaseRow[];
  return rows.map(toReadyCase);
}

export function findReadyCase(db: Database.Database, caseId: string): ReadyCase | null {
  const row = db.prepare('SELECT * FROM locker_ready_cases WHERE case_id = ?').get(caseId) as
    ReadyCaseRow | undefined;
  return row ? toReadyCase(row) : null;
}

export function findReadyCaseByNumber(db: Database.Database, caseNumber: string): ReadyCase | null {
  const row = db
    .prepare('SELECT * FROM locker_ready_cases WHERE case_number = ?')
    .get(caseNumber) as ReadyCaseRow | undefined;
  return row ? toReadyCase(row) : null;
}

export function readyCasesRefreshedAt(db: Database.Database): string | null {
  const row = db.prepare('SELECT refreshed_at FROM locker_cache_state WHERE id = 1').get() as
    { refreshed_at: string } | undefined;
  return row?.refreshed_at ?? null;
}

/** A case marked ready at this PC (`case.markReady`), kept until the server's answer and after. */
export function recordReadyMark(
  db: Database.Database,
  mark: { caseId: string; readyAt: string; readyBy: string },
): void {
  db.prepare(
    `INSERT INTO case_ready_marks (case_id, ready_at, ready_by) VALUES (?, ?, ?)
     ON CONFLICT (case_id) DO NOTHING`,
  ).run(mark.caseId, mark.readyAt, mark.readyBy);
}

/** The server's first ready time replaces this PC's guess (another PC may have marked it earlier). */
export function confirmReadyMark(db: Database.Database, caseId: string, readyAt: string): void {
  db.prepare('UPDATE case_ready_marks SET ready_at = ? WHERE case_id = ?').run(readyAt, caseId);
}

export function findReadyMark(
  db: Database.Database,
  caseId: string,
): { readyAt: string; readyBy: string } | null {
  const row = db
    .prepare('SELECT ready_at, ready_by FROM case_ready_marks WHERE case_id = ?')
    .get(caseId) as { ready_at: string; ready_by: string } | undefined;
  return row ? { readyAt: row.ready_at, readyBy: row.ready_by } : null;
}
