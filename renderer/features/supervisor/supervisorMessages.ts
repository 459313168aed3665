import type { TFunction } from 'i18next';
import type { IpcError, SupervisorErrorCode } from '../../../common/contract';
import { supervisorErrorCodes } from '../../../common/contract';

function isSupervisorCode(code: string): code is SupervisorErrorCode {
  return (supervisorErrorCodes as readonly string[]).includes(code);
}

/**
 * Why something the supervisor asked for did not happen, in their words. A refusal of the
 * server (`refused`, `not-found`) also shows the server's own detail (which ticket, which
 * counter), as it comes; a transport error without a code of ours shows main's message.
 */
export function supervisorProblemText(
  t: TFunction,
  error: Pick<IpcError, 'code' | 'message'>,
): string {
  if (!isSupervisorCode(error.code)) return error.message;
  const problem = t(`supervisor.problems.${error.code}`);
  return error.code === 'refused' || error.code === 'not-found'
    ? t('supervisor.problems.detail', { problem, message: error.message })
    : problem;
}
