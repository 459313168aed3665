import type { PayloadIssue } from '../../common/contract/ipcError';

/**
 * An error a service throws on purpose: its code is one of the channel's declared error codes,
 * and its message is meant for the person at the counter. Anything else thrown by a service is
 * a bug and crosses the boundary as `internal`, with the details kept in the log.
 *
 * `issues`, when given, list the problems field by field (a case form submitted with gaps) and
 * cross the boundary with the code, as a bad payload's do.
 */
export class ServiceError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly issues: PayloadIssue[] | undefined;

  constructor(code: Code, message: string, issues?: PayloadIssue[]) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.issues = issues;
  }
}
