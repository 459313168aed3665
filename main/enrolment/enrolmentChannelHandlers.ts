import type { EnrolmentState, WorkstationConfig } from '../../common/contract';
import type { ChannelHandlers } from '../ipc/ipcDispatcher';
import { ServiceError } from '../ipc/serviceError';

export type EnrolmentHandlers = Pick<ChannelHandlers, 'enrolment:state' | 'enrolment:enrol'>;

/**
 * The enrolment channels of a workstation started without startWithEnrolment (a test that
 * starts the services alone): nothing to enrol, no identity store.
 */
export function unmanagedEnrolmentHandlers(
  config: WorkstationConfig,
  dataDir: string,
): EnrolmentHandlers {
  const state: EnrolmentState = {
    phase: config.central.mode === 'embedded' ? 'not-needed' : 'enrolled',
    centralUrl: config.central.mode === 'remote' ? config.central.url : null,
    workstation: null,
    identityStorage: { kind: 'file', location: dataDir, warning: null },
    centralSettings: { fetchedAt: null, changedSinceStart: false, problem: null },
  };
  return {
    'enrolment:state': () => state,
    'enrolment:enrol': () => {
      throw new ServiceError('already-enrolled', 'This PC needs no enrolment.');
    },
  };
}
