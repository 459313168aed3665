import type { SupervisorErrorReason } from '../../common/contract/central/supervisor';
import { ApiHttpError } from '../http/apiHttpError';

/** A supervisor's action refused: 404 for unknown-*, 403 for another site, 409 otherwise. */
export class SupervisorRefusal extends ApiHttpError {
  readonly reason: SupervisorErrorReason;

  constructor(reason: SupervisorErrorReason, message: string) {
    const status = reason.startsWith('unknown-') ? 404 : reason === 'other-site' ? 403 : 409;
    super(
      status,
      status === 404 ? 'not-found' : status === 403 ? 'forbidden' : 'conflict',
      message,
    );
    this.name = 'SupervisorRefusal';
    this.reason = reason;
  }
}
