import type { QueueErrorReason } from '../../common/contract/central/queue';
import { ApiHttpError } from '../http/apiHttpError';

const statusOf = (reason: QueueErrorReason): number => {
  if (reason.startsWith('unknown-')) return 404;
  if (reason === 'not-a-counter-workstation' || reason === 'counter-of-another-clerk') return 403;
  if (
    reason === 'finish-fields-missing' ||
    reason === 'invalid-rules' ||
    reason === 'invalid-appointments'
  )
    return 400;
  return 409;
};

/**
 * The engine refused a command: the counter is closed, the ticket is not at this counter, a
 * no-show is marked too early… The answer carries the API's code (by status) and the engine's
 * `reason`, so a client branches on the reason and shows the message.
 */
export class QueueRefusal extends ApiHttpError {
  readonly reason: QueueErrorReason;

  constructor(
    reason: QueueErrorReason,
    message: string,
    issues?: { path: string; message: string }[],
  ) {
    const status = statusOf(reason);
    const code =
      status === 404
        ? 'not-found'
        : status === 403
          ? 'forbidden'
          : status === 400
            ? 'invalid-request'
            : 'conflict';
    super(status, code, message, issues ? { issues } : {});
    this.name = 'QueueRefusal';
    this.reason = reason;
  }
}

export const refuse = (
  reason: QueueErrorReason,
  message: string,
  issues?: { path: string; message: string }[],
): never => {
  throw new QueueRefusal(reason, message, issues);
};
