import type { ApiErrorCode } from '../../common/contract/central/apiError';
import type { PayloadIssue } from '../../common/contract/ipcError';

/**
 * An error a route answers on purpose: its status, the API error code a program branches on,
 * a message a person reads, and (for a bad request) the path of each bad field. The error
 * handler turns it into the one error body of the API (common/contract/central/apiError.ts).
 */
export class ApiHttpError extends Error {
  readonly statusCode: number;
  readonly code: ApiErrorCode;
  readonly issues: PayloadIssue[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    statusCode: number,
    code: ApiErrorCode,
    message: string,
    options: { issues?: PayloadIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiHttpError';
    this.statusCode = statusCode;
    this.code = code;
    this.issues = options.issues;
    this.headers = options.headers ?? {};
  }
}

export const invalidRequest = (message: string, issues: PayloadIssue[]) =>
  new ApiHttpError(400, 'invalid-request', message, { issues });
export const unauthenticated = (message: string) =>
  new ApiHttpError(401, 'unauthenticated', message);
export const forbidden = (message: string) => new ApiHttpError(403, 'forbidden', message);
export const notFound = (message: string) => new ApiHttpError(404, 'not-found', message);
export const conflict = (message: string) => new ApiHttpError(409, 'conflict', message);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new ApiHttpError(429, 'too-many-requests', message, {
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
