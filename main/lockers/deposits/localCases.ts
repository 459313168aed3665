import type Database from 'better-sqlite3';

/**
 * A case registered at this PC (main/cases' `cases` table), as the locker needs it: read only.
 * The desk uses it to say why a case that is not in the ready list cannot be deposited.
 */
export type LocalCase = {
  caseId: string;
  caseNumber: string | null;
  caseTypeId: string;
  /** The applicant gave a phone number or an e-mail address (false once retention erased them). */
  hasContact: boolean;
};

type Row = {
  case_id: string;
  case_number: string | null;
  case_type_id: string;
  registration: string | null;
};

function hasContact(registration: string | null): boolean {
  if (registration === null) return false;
  const parsed = JSON.parse(registration) as { applicant?: { phone?: unknown; email?: unknown } };
  return Boolean(parsed.applicant?.phone) || Boolean(parsed.applicant?.email);
}

export function findLocalCase(
  db: Database.Database,
  by: { caseId: string } | { caseNumber: string },
): LocalCase | null {
  const row = (
    'caseId' in by
      ? db
          .prepare(
            'SELECT case_id, case_number, case_type_id, registration FROM cases WHERE case_id = ?',
          )
          .get(by.caseId)
      : db
          .prepare(
            'SELECT case_id, case_number, case_type_id, registration FROM cases WHERE case_number = ?',
          )
          .get(by.caseNumber)
  ) as Row | undefined;
  if (!row) return null;
  return {
    caseId: row.case_id,
    caseNumber: row.case_number,
    caseTypeId: row.case_type_id,
    hasContact: hasContact(row.registration),
  };
}
