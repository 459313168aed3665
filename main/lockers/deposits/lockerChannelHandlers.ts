import type { ChannelHandlers } from '../../ipc/ipcDispatcher';
import type { LockerService } from './lockerService';

export type LockersChannel = Extract<keyof ChannelHandlers, `lockers:${string}`>;

/** The locker desk's channels (docs/ipc.md, docs/lockers.md). */
export function lockersChannelHandlers(
  lockers: LockerService,
): Pick<ChannelHandlers, LockersChannel> {
  return {
    'lockers:readyCases': () => lockers.readyCases(),
    'lockers:refreshReadyCases': () => lockers.refreshReadyCases(),
    'lockers:checkCase': (request) => lockers.checkCase(request),
    'lockers:prepare': ({ caseId, compartmentSize }) => lockers.prepare(caseId, compartmentSize),
    'lockers:deposit': ({ depositId }) => lockers.deposit(depositId),
    'lockers:markPickedUp': ({ depositId }) => lockers.markPickedUp(depositId),
    'lockers:returnToOffice': ({ depositId }) => lockers.returnToOffice(depositId),
    'lockers:get': ({ depositId }) => lockers.get(depositId),
    'lockers:list': ({ filter }) => ({ deposits: lockers.list(filter) }),
    'lockers:markReady': ({ caseId }) => lockers.markReady(caseId),
    'lockers:caseReadiness': ({ caseId }) => lockers.caseReadiness(caseId),
  };
}
