/**
 * An error a service throws on purpose: its code is one of the channel's declared error codes,
 * and its message is meant for the person at the counter. Anything else thrown by a service is
 * a bug and crosses the boundary as `internal`, with the details kept in the log.
 */
export class ServiceError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
  }
}
