import type { Kysely } from 'kysely';
import type { DepositState } from '../../common/contract/central/lockers';
import { caseApplicantSchema, type CaseApplicant } from '../../common/contract/central/cases';
import type { CentralDatabase } from '../store/centralDatabase';
import type { CaseReadinessColumns } from '../store/tables/lockerTables';
import { fromStoreJson, fromStoreTime } from '../store/storeValues';

/** The store with the `cases` columns migration 008 added (see CaseReadinessColumns). */
export function withCaseReadiness(db: Kysely<CentralDatabase>) {
  return db.withTables<{ cases: CaseReadinessColumns }>();
}

export type RegisteredCase = {
  caseId: string;
  caseNumber: string;
  caseTypeId: string;
  siteId: string;
  readyAt: string | null;
  /** Null when the registration cannot be read (it always can, unless edited by hand). */
  applicant: CaseApplicant | null;
};

/** The registration's applicant, or null; the register keeps it as the PC sent it. */
export function applicantOf(registration: unknown): CaseApplicant | null {
  const value = fromStoreJson(registration) as { applicant?: unknown } | null;
  const parsed = caseApplicantSchema.safeParse(value?.applicant);
  return parsed.success ? parsed.data : null;
}

export async function findRegisteredCase(
  db: Kysely<CentralDatabase>,
  caseId: string,
): Promise<RegisteredCase | null> {
  const row = await withCaseReadiness(db)
    .selectFrom('cases')
    .select(['id', 'case_number', 'case_type_id', 'site_id', 'ready_at', 'registration'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    caseId: row.id,
    caseNumber: row.case_number,
    caseTypeId: row.case_type_id,
    siteId: row.site_id,
    readyAt: row.ready_at === null ? null : fromStoreTime(row.ready_at),
    applicant: applicantOf(row.registration),
  };
}

export type HistoryEntry = { state: DepositState; at: string; by: string; mutationId: string };

export type StoredDeposit = {
  depositId: string;
  caseId: string;
  siteId: string;
  state: DepositState;
  stateAt: string;
  stateBy: string;
  depositDate: string;
  lastPickupDay: string;
  history: HistoryEntry[];
  notifiedBy: 'sms' | 'email' | null;
};

const depositColumns = [
  'deposit_id',
  'case_id',
  'site_id',
  'state',
  'state_at',
  'state_by',
  'deposit_date',
  'last_pickup_day',
  'history',
  'notified_by',
] as const;

type DepositRow = {
  deposit_id: string;
  case_id: string;
  site_id: string;
  state: DepositState;
  state_at: Date | string;
  state_by: string;
  deposit_date: string;
  last_pickup_day: string;
  history: unknown;
  notified_by: 'sms' | 'email' | null;
};

function toDeposit(row: DepositRow): StoredDeposit {
  return {
    depositId: row.deposit_id,
    caseId: row.case_id,
    siteId: row.site_id,
    state: row.state,
    stateAt: fromStoreTime(row.state_at),
    stateBy: row.state_by,
    depositDate: row.deposit_date,
    lastPickupDay: row.last_pickup_day,
    history: (fromStoreJson(row.history) ?? []) as HistoryEntry[],
    notifiedBy: row.notified_by,
  };
}

export async function findDeposit(
  db: Kysely<CentralDatabase>,
  depositId: string,
): Promise<StoredDeposit | null> {
  const row = await db
    .selectFrom('locker_deposits')
    .select(depositColumns)
    .where('deposit_id', '=', depositId)
    .executeTakeFirst();
  return row ? toDeposit(row) : null;
}

/** A deposit of the case not yet picked up nor returned, if any. */
export async function findActiveDepositOfCase(
  db: Kysely<CentralDatabase>,
  caseId: string,
): Promise<StoredDeposit | null> {
  const row = await db
    .selectFrom('locker_deposits')
    .select(depositColumns)
    .where('case_id', '=', caseId)
    .where('state', 'not in', ['picked-up', 'returned'])
    .executeTakeFirst();
  return row ? toDeposit(row) : null;
}

/** The deposits of a site not yet final, and those that became final since `finalSince`. */
export async function listSiteDeposits(
  db: Kysely<CentralDatabase>,
  siteId: string,
  finalSince: string,
): Promise<StoredDeposit[]> {
  const rows = await db
    .selectFrom('locker_deposits')
    .select(depositColumns)
    .where('site_id', '=', siteId)
    .where((eb) =>
      eb.or([eb('state', 'not in', ['picked-up', 'returned']), eb('state_at', '>=', finalSince)]),
    )
    .orderBy('state_at')
    .orderBy('deposit_id')
    .execute();
  return rows.map(toDeposit);
}
