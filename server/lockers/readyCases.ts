import type {
  ReadyCase,
  ReadyCasesResponse,
  ServerDepositState,
} from '../../common/contract/central/lockers';
import { depositExpiry, lockerDayOf } from '../../common/domain/lockerDeposits';
import { initials } from '../../common/domain/personalData';
import { listReferenceEntities } from '../reference/referenceFeed';
import type { CentralStore } from '../store/openCentralStore';
import { fromStoreTime } from '../store/storeValues';
import { applicantOf, listSiteDeposits, withCaseReadiness } from './lockerStore';

/** A ready case older than this is no longer offered (it was surely handed over otherwise). */
export const READY_CASE_WINDOW_DAYS = 90;
/** The most ready cases one answer carries, newest first. */
export const READY_CASES_LIMIT = 2000;
/** Final deposits (picked up, returned) stay in the feed this long, so every desk learns of them. */
export const FINAL_DEPOSITS_WINDOW_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * What the locker desk caches (GET /api/v1/lockers/sites/:siteId/ready-cases): the ready cases of
 * every site whose case type allows the locker and that have no deposit under way, with the
 * applicant's initials and which contact channels exist, never the name nor the contact; and the
 * site's deposits as the server knows them (pickups reach the desk this way).
 */
export async function readyCasesFor(
  store: CentralStore,
  siteId: string,
  now: Date,
): Promise<ReadyCasesResponse> {
  const db = store.db;
  const lockerTypes = (await listReferenceEntities(db, 'caseType'))
    .filter((caseType) => caseType.lockerPickup)
    .map((caseType) => caseType.id);
  const since = new Date(now.getTime() - READY_CASE_WINDOW_DAYS * DAY_MS).toISOString();
  const rows =
    lockerTypes.length === 0
      ? []
      : await withCaseReadiness(db)
          .selectFrom('cases')
          .select(['id', 'case_number', 'case_type_id', 'site_id', 'ready_at', 'registration'])
          .where('ready_at', 'is not', null)
          .where('ready_at', '>=', since)
          .where('case_type_id', 'in', lockerTypes)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('locker_deposits')
                  .select('locker_deposits.deposit_id')
                  .whereRef('locker_deposits.case_id', '=', 'cases.id')
                  .where('locker_deposits.state', 'not in', ['picked-up', 'returned']),
              ),
            ),
          )
          .orderBy('ready_at', 'desc')
          .orderBy('id')
          .limit(READY_CASES_LIMIT)
          .execute();

  const cases = rows.flatMap((row): ReadyCase[] => {
    if (row.ready_at === null) return [];
    const applicant = applicantOf(row.registration);
    return [
      {
        caseId: row.id,
        caseNumber: row.case_number,
        caseTypeId: row.case_type_id,
        siteId: row.site_id,
        applicantInitials: applicant ? initials(applicant.firstName, applicant.lastName) : '',
        contact: { sms: Boolean(applicant?.phone), email: Boolean(applicant?.email) },
        readyAt: fromStoreTime(row.ready_at),
      },
    ];
  });

  const today = lockerDayOf(now);
  const finalSince = new Date(now.getTime() - FINAL_DEPOSITS_WINDOW_DAYS * DAY_MS).toISOString();
  const deposits = (await listSiteDeposits(db, siteId, finalSince)).map(
    (deposit): ServerDepositState => ({
      depositId: deposit.depositId,
      caseId: deposit.caseId,
      state: deposit.state,
      stateAt: deposit.stateAt,
      stateBy: deposit.stateBy,
      lastPickupDay: deposit.lastPickupDay,
      expiry:
        deposit.state === 'deposited' || deposit.state === 'expired'
          ? depositExpiry(deposit.lastPickupDay, today)
          : null,
    }),
  );

  return { siteId, asOf: now.toISOString(), cases, deposits };
}
