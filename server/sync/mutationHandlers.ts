import type { MutationType } from '../../common/contract/central/sync';
import { registerCase } from './caseRegistrations';
import { recordEndOfDayReport } from './endOfDayReports';
import { markCaseReady, recordLockerDeposit, transitionLockerDeposit } from './lockerMutations';
import { recordManualVisit } from './manualVisits';
import type { MutationHandler } from './mutationHandler';
import { recordPayment } from './paymentRecords';

/** Every mutation type the server applies. A domain that adds a type to the contract adds it here. */
export const mutationHandlers: { [T in MutationType]: MutationHandler<never> } = {
  'visit.recordManual': recordManualVisit as MutationHandler<never>,
  'case.register': registerCase as MutationHandler<never>,
  'payment.record': recordPayment as MutationHandler<never>,
  'payment.endOfDay': recordEndOfDayReport as MutationHandler<never>,
  'case.markReady': markCaseReady as MutationHandler<never>,
  'locker.deposit': recordLockerDeposit as MutationHandler<never>,
  'locker.transition': transitionLockerDeposit as MutationHandler<never>,
};

export function handlerFor(type: string): MutationHandler<unknown> | undefined {
  return Object.hasOwn(mutationHandlers, type)
    ? (mutationHandlers[type as MutationType] as MutationHandler<unknown>)
    : undefined;
}
