import type Database from 'better-sqlite3';
import { caseRegistrationSchema, type CaseRegistration } from '../../common/contract/central/cases';
import type { CaseRecord, CaseStatus } from '../../common/contract';
import { displayName, nameKey } from './nameKey';

/** A cached case as SQLite keeps it (migration 007). */
export type CaseRow = {
  case_id: string;
  mutation_id: string;
  case_number: string | null;
  status: CaseStatus;
  rejected_reason: string | null;
  case_type_id: string;
  ticket_number: string | null;
  fee_grosze: number;
  clerk_login: string;
  submitted_at: string;
  registered_at: string | null;
  registration: string | null;
  pesel: string | null;
  name_key: string | null;
  applicant_name: string;
};

export function toCaseRecord(row: CaseRow): CaseRecord {
  return {
    caseId: row.case_id,
    caseNumber: row.case_number,
    status: row.status,
    rejectedReason: row.rejected_reason,
    caseTypeId: row.case_type_id,
    ticketNumber: row.ticket_number,
    feeGrosze: row.fee_grosze,
    submittedAt: row.submitted_at,
    registration:
      row.registration === null ? null : caseRegistrationSchema.parse(JSON.parse(row.registration)),
  };
}

/** A case just submitted: pending, with the search columns taken from its applicant. */
export function insertPendingCase(
  db: Database.Database,
  registration: CaseRegistration,
  mutationId: string,
): void {
  const { applicant } = registration;
  db.prepare(
    `INSERT INTO cases (case_id, mutation_id, status, case_type_id, ticket_number, fee_grosze,
       clerk_login, submitted_at, registration, pesel, name_key, applicant_name)
     VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    registration.caseId,
    mutationId,
    registration.caseTypeId,
    registration.ticketNumber,
    registration.feeGrosze,
    registration.clerkLogin,
    registration.submittedAt,
    JSON.stringify(registration),
    applicant.identity.kind === 'pesel' ? applicant.identity.pesel : null,
    nameKey(applicant.lastName, applicant.firstName),
    displayName(applicant.lastName, applicant.firstName),
  );
}

export function findCase(db: Database.Database, caseId: string): CaseRow | null {
  return (
    (db.prepare(`SELECT * FROM cases WHERE case_id = ?`).get(caseId) as CaseRow | undefined) ?? null
  );
}

/** The server gave the case its number; false when this PC holds no such case. */
export function markRegistered(
  db: Database.Database,
  caseId: string,
  caseNumber: string,
  at: string,
): boolean {
  return (
    db
      .prepare(
        `UPDATE cases SET status = 'registered', case_number = ?, registered_at = ?,
           rejected_reason = NULL
         WHERE case_id = ?`,
      )
      .run(caseNumber, at, caseId).changes === 1
  );
}

export function markRejected(db: Database.Database, caseId: string, reason: string): boolean {
  return (
    db
      .prepare(
        `UPDATE cases SET status = 'rejected', rejected_reason = ?
         WHERE case_id = ? AND status <> 'registered'`,
      )
      .run(reason, caseId).changes === 1
  );
}

/**
 * Deletes the personal data of the cases registered before `cutoff` (RODO: the city hall's
 * register keeps it; this PC needs it only while the case is fresh). The number, type, fee and
 * dates stay, so the case can still be found by its number. The number purged.
 */
export function purgePersonalDataBefore(db: Database.Database, cutoff: string): number {
  return db
    .prepare(
      `UPDATE cases SET registration = NULL, pesel = NULL, name_key = NULL, applicant_name = ''
       WHERE registration IS NOT NULL AND registered_at < ?`,
    )
    .run(cutoff).changes;
}
