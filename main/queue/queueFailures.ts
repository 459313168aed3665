import { queueErrorReasonSchema } from '../../common/contract/central/queue';
import type { QueueErrorCode } from '../../common/contract';
import { ServiceError } from '../ipc/serviceError';
import type { CentralFailure } from '../sync/centralHttp';

export type QueueServiceError = ServiceError<QueueErrorCode>;

export function queueError(code: QueueErrorCode, message: string): QueueServiceError {
  return new ServiceError(code, message);
}

/**
 * A failed request to the queue engine as the panel gets it: the engine's own reason when it
 * refused (counter closed, no-show too early…), with its message, or what happened on the way
 * (unreachable, the session not accepted, asked too often). The renderer shows its own words
 * for each code; the message is the fallback and what the log keeps.
 */
export function serviceErrorFromFailure(failure: CentralFailure): QueueServiceError {
  switch (failure.kind) {
    case 'unreachable':
      return queueError(
        'central-unreachable',
        `Serwer centralny nie odpowiada (${failure.message}). Obsłuż interesanta według numeru z papierowego biletu.`,
      );
    case 'unauthorized':
      return queueError(
        'unauthorized',
        `Serwer centralny nie przyjął sesji ani tokenu stanowiska: zaloguj się ponownie (${failure.message}).`,
      );
    case 'rate-limited':
      return queueError('rate-limited', 'Zbyt wiele poleceń naraz. Spróbuj ponownie za chwilę.');
    case 'rejected': {
      const reason = queueErrorReasonSchema.safeParse(failure.reason);
      return reason.success
        ? queueError(reason.data, failure.message)
        : queueError('refused', failure.message);
    }
  }
}
