import type { MutationType } from '../../common/contract/central/sync';
import { registerCase } from './caseRegistrations';
import { recordManualVisit } from './manualVisits';
import type { MutationHandler } from './mutationHandler';

/** Every mutation type the server applies. A domain that adds a type to the contract adds it here. */
export const mutationHandlers: { [T in MutationType]: MutationHandler<never> } = {
  'visit.recordManual': recordManualVisit as MutationHandler<never>,
  'case.register': registerCase as MutationHandler<never>,
};

export function handlerFor(type: string): MutationHandler<unknown> | undefined {
  return Object.hasOwn(mutationHandlers, type)
    ? (mutationHandlers[type as MutationType] as MutationHandler<unknown>)
    : undefined;
}
