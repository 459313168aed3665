import type { LockerDeposit } from '../../../common/contract/lockers';
import { depositExpiry } from '../../../common/domain/lockerDeposits';
import type { StoredDeposit } from './depositQueries';

/** A stored deposit as the desk shows it, its expiry computed for `today` (a Warsaw day). */
export function depositView(deposit: StoredDeposit, today: string): LockerDeposit {
  const inLocker = deposit.state === 'deposited' || deposit.state === 'expired';
  return {
    depositId: deposit.depositId,
    barcode: deposit.depositId,
    caseId: deposit.caseId,
    caseNumber: deposit.caseNumber,
    caseTypeId: deposit.caseTypeId,
    applicantInitials: deposit.applicantInitials,
    siteId: deposit.siteId,
    compartmentSize: deposit.compartmentSize,
    state: deposit.state,
    stateAt: deposit.stateAt,
    depositDate: deposit.depositDate,
    lastPickupDay: deposit.lastPickupDay,
    expiry: inLocker ? depositExpiry(deposit.lastPickupDay, today) : null,
    history: deposit.history,
    sync:
      deposit.syncError !== null ? 'rejected' : deposit.pendingMutations > 0 ? 'pending' : 'synced',
    syncError: deposit.syncError,
  };
}
