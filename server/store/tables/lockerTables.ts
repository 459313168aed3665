import type { ColumnType } from 'kysely';
import type { JsonColumn, TimeColumn } from './storeColumns';

/** One deposit in the urzędomat (migration 008, `locker.deposit` / `locker.transition`). */
export interface LockerDepositsTable {
  deposit_id: string;
  /** The `locker.deposit` mutation that made it. */
  mutation_id: string;
  workstation_id: string;
  case_id: string;
  site_id: string;
  compartment_size: 'small' | 'medium' | 'large';
  /** Civil dates (`2026-09-01`), Warsaw time. */
  deposit_date: string;
  last_pickup_day: string;
  state: 'prepared' | 'label-printed' | 'deposited' | 'picked-up' | 'expired' | 'returned';
  state_at: TimeColumn;
  state_by: string;
  history: JsonColumn;
  /** Never the code itself: scrypt(code, salt), hex. */
  pickup_code_hash: string | null;
  pickup_code_salt: string | null;
  notified_by: 'sms' | 'email' | null;
  received_at: TimeColumn;
  updated_at: TimeColumn;
}

/** One message to a resident (migration 008): the body erased once sent. */
export interface NotificationOutboxTable {
  id: string;
  kind: 'locker-pickup-code';
  subject_id: string;
  channel: 'sms' | 'email';
  recipient: string | null;
  body: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  created_at: TimeColumn;
  sent_at: TimeColumn | null;
}

/**
 * The `cases` columns migration 008 adds: when (and by whom) the case's result was ready. Kept
 * apart from `CasesTable` (whose inserts do not name them); the locker code reads and writes
 * them through `withCaseReadiness(db)`.
 */
export interface CaseReadinessColumns {
  ready_at: ColumnType<Date | string | null, string | null | undefined, string | null>;
  ready_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface LockerTables {
  locker_deposits: LockerDepositsTable;
  notification_outbox: NotificationOutboxTable;
}
