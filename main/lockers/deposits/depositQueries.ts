import type Database from 'better-sqlite3';
import type { DepositState } from '../../../common/contract/central/lockers';
import type { CompartmentSize } from '../../../common/contract/lockerLabel';

/** The desk's deposits (migration 009). */

export type DepositHistoryEntry = { state: DepositState; at: string; by: string };

export type StoredDeposit = {
  depositId: string;
  caseId: string;
  caseNumber: string;
  caseTypeId: string;
  applicantInitials: string;
  siteId: string;
  compartmentSize: CompartmentSize;
  state: DepositState;
  stateAt: string;
  depositDate: string;
  lastPickupDay: string;
  history: DepositHistoryEntry[];
  pendingMutations: number;
  syncError: string | null;
  createdAt: string;
};

type DepositRow = {
  deposit_id: string;
  case_id: string;
  case_number: string;
  case_type_id: string;
  applicant_initials: string;
  site_id: string;
  compartment_size: CompartmentSize;
  state: DepositState;
  state_at: string;
  deposit_date: string;
  last_pickup_day: string;
  history: string;
  pending_mutations: number;
  sync_error: string | null;
  created_at: string;
};

const toDeposit = (row: DepositRow): StoredDeposit => ({
  depositId: row.deposit_id,
  caseId: row.case_id,
  caseNumber: row.case_number,
  caseTypeId: row.case_type_id,
  applicantInitials: row.applicant_initials,
  siteId: row.site_id,
  compartmentSize: row.compartment_size,
  state: row.state,
  stateAt: row.state_at,
  depositDate: row.deposit_date,
  lastPickupDay: row.last_pickup_day,
  history: JSON.parse(row.history) as DepositHistoryEntry[],
  pendingMutations: row.pending_mutations,
  syncError: row.sync_error,
  createdAt: row.created_at,
});

/** A new deposit, `prepared`, with its first change counted as pending. */
export function insertDeposit(
  db: Database.Database,
  deposit: Omit<
    StoredDeposit,
    'state' | 'stateAt' | 'history' | 'pendingMutations' | 'syncError'
  > & {
    by: string;
  },
): void {
  const history: DepositHistoryEntry[] = [
    { state: 'prepared', at: deposit.createdAt, by: deposit.by },
  ];
  db.prepare(
    `INSERT INTO locker_deposits
       (deposit_id, case_id, case_number, case_type_id, applicant_initials, site_id,
        compartment_size, state, state_at, deposit_date, last_pickup_day, history,
        pending_mutations, sync_error, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'prepared', ?, ?, ?, ?, 1, NULL, ?)`,
  ).run(
    deposit.depositId,
    deposit.caseId,
    deposit.caseNumber,
    deposit.caseTypeId,
    deposit.applicantInitials,
    deposit.siteId,
    deposit.compartmentSize,
    deposit.createdAt,
    deposit.depositDate,
    deposit.lastPickupDay,
    JSON.stringify(history),
    deposit.createdAt,
  );
}

export function findDeposit(db: Database.Database, depositId: string): StoredDeposit | null {
  const row = db.prepare('SELECT * FROM locker_deposits WHERE deposit_id = ?').get(depositId) as
    DepositRow | undefined;
  return row ? toDeposit(row) : null;
}

/** A deposit of the case not yet picked up nor returned. */
export function findActiveDepositOfCase(
  db: Database.Database,
  caseId: string,
): StoredDeposit | null {
  const row = db
    .prepare(
      `SELECT * FROM locker_deposits
       WHERE case_id = ? AND state NOT IN ('picked-up', 'returned')
       ORDER BY created_at DESC LIMIT 1`,
    )
    .get(caseId) as DepositRow | undefined;
  return row ? toDeposit(row) : null;
}

/**
 * Moves a deposit to a state and adds the dated, signed entry to its history. `pending`: the
 * change goes to the outbox (counted until the server answers); a change learnt from the server
 * is not.
 */
export function recordTransition(
  db: Database.Database,
  depositId: string,
  entry: DepositHistoryEntry,
  pending: boolean,
): void {
  db.prepare(
    `UPDATE locker_deposits
     SET state = ?, state_at = ?,
         history = json_insert(history, '$[#]', json(?)),
         pending_mutations = pending_mutations + ?
     WHERE deposit_id = ?`,
  ).run(entry.state, entry.at, JSON.stringify(entry), pending ? 1 : 0, depositId);
}

/** The server answered one of the deposit's changes. */
export function settlePendingChange(
  db: Database.Database,
  depositId: string,
  rejectedReason: string | null,
): boolean {
  const result = db
    .prepare(
      `UPDATE locker_deposits
       SET pending_mutations = max(pending_mutations - 1, 0),
           sync_error = coalesce(?, sync_error)
       WHERE deposit_id = ?`,
    )
    .run(rejectedReason, depositId);
  return result.changes > 0;
}

/** Not final (prepared, label-printed, deposited, expired), oldest first. */
export function listActiveDeposits(db: Database.Database): StoredDeposit[] {
  const rows = db
    .prepare(
      `SELECT * FROM locker_deposits
       WHERE state NOT IN ('picked-up', 'returned')
       ORDER BY last_pickup_day, created_at, deposit_id`,
    )
    .all() as DepositRow[];
  return rows.map(toDeposit);
}

/** Every deposit made since `since`, newest first. */
export function listRecentDeposits(db: Database.Database, since: string): StoredDeposit[] {
  const rows = db
    .prepare(
      `SELECT * FROM locker_deposits
       WHERE created_at >= ? OR state NOT IN ('picked-up', 'returned')
       ORDER BY created_at DESC, deposit_id`,
    )
    .all(since) as DepositRow[];
  return rows.map(toDeposit);
}

/** In the locker past their last day of pickup (still `deposited`). */
export function listOverdueDeposits(db: Database.Database, today: string): StoredDeposit[] {
  const rows = db
    .prepare(
      `SELECT * FROM locker_deposits
       WHERE state = 'deposited' AND last_pickup_day < ?
       ORDER BY last_pickup_day, deposit_id`,
    )
    .all(today) as DepositRow[];
  return rows.map(toDeposit);
}
