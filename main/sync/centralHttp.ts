import { z } from 'zod';
import { describeIssues, issuesFromZod, type PayloadIssue } from '../../common/contract';
import { apiErrorSchema, type ApiErrorCode } from '../../common/contract/central/apiError';
import { WORKSTATION_TOKEN_HEADER } from '../../common/contract/central/auth';
import type { Clock } from '../app/clock';
import type { FetchFn } from '../central/centralHealthCheck';

/**
 * Why a request to the central server did not give what was asked, sorted by what the PC should
 * do about it:
 * - `unreachable`: no answer, a timeout, a 5xx or an answer that is not the contract's: try
 *   again later, nothing was decided;
 * - `rejected`: a 4xx (other than 401 and 429): the server said no to this request; `reason` is
 *   the machine-readable why, beside the code, when the route gives one (the queue engine does);
 * - `unauthorized`: 401: the credentials (the clerk's, or this workstation's token) are not
 *   accepted;
 * - `rate-limited`: 429: asked too often; `retryAfterMs` says when to ask again, if the server did.
 */
export type CentralFailure =
  | { kind: 'unreachable'; message: string; status: number | null }
  | {
      kind: 'rejected';
      status: number;
      code: ApiErrorCode | null;
      message: string;
      issues: PayloadIssue[];
      reason?: string;
    }
  | { kind: 'unauthorized'; status: 401; message: string }
  | { kind: 'rate-limited'; status: 429; message: string; retryAfterMs: number | null };

export type CentralResult<T> = { ok: true; value: T } | { ok: false; failure: CentralFailure };

export type CentralHttpOptions = {
  baseUrl: string;
  fetchFn: FetchFn;
  clock: Clock;
  /** This PC's identity on the central server (X-Okienko-Workstation); null while it has none. */
  workstationToken: () => string | null;
};

export type CentralRequest = {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  /** The clerk's session (Authorization: Bearer), for routes that act for a person. */
  sessionToken?: string;
  timeoutMs: number;
  signal?: AbortSignal;
};

/**
 * One request to the central API, as every workstation client makes it: this PC's token and the
 * clerk's session in the headers, a timeout, the answer validated with the contract's schema on
 * arrival and every failure classified (see CentralFailure), so callers branch on `kind`, never
 * on status codes or exception types. `schema: null` for an answer whose body does not matter.
 */
export function createCentralHttp(options: CentralHttpOptions) {
  return async function request<S extends z.ZodType>(
    schema: S | null,
    req: CentralRequest,
  ): Promise<CentralResult<z.output<S>>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const workstationToken = options.workstationToken();
    if (workstationToken) headers[WORKSTATION_TOKEN_HEADER] = workstationToken;
    if (req.sessionToken) headers.authorization = `Bearer ${req.sessionToken}`;
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(req.timeoutMs);
    let response: Response;
    try {
      const url = new URL(req.path, options.baseUrl).toString();
      response = await options.fetchFn(url, {
        method: req.method,
        headers,
        ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
        signal: req.signal ? AbortSignal.any([timeout, req.signal]) : timeout,
      });
    } catch (error) {
      return unreachable(
        `${req.method} ${req.path}: ${describeNetworkError(error, req.timeoutMs)}`,
      );
    }

    const body = await readJson(response);
    if (!response.ok)
      return { ok: false, failure: classifyHttpError(req, response, body, options.clock) };
    if (schema === null) return { ok: true, value: undefined as z.output<S> };
    if (body === NOT_JSON) {
      return unreachable(
        `${req.method} ${req.path}: the answer is not JSON (is this the Okienko central server?)`,
        response.status,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      return unreachable(
        `${req.method} ${req.path}: the answer does not match the contract (${describeIssues(issuesFromZod(parsed.error))})`,
        response.status,
      );
    }
    return { ok: true, value: parsed.data };
  };
}

export type CentralHttp = ReturnType<typeof createCentralHttp>;

const NOT_JSON = Symbol('not JSON');

/** The API's error body, with the optional machine-readable `reason` some routes add. */
const apiErrorWithReasonSchema = z.object({
  error: apiErrorSchema.shape.error.extend({ reason: z.string().optional() }),
});

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return NOT_JSON;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

function classifyHttpError(
  req: CentralRequest,
  response: Response,
  body: unknown,
  clock: Clock,
): CentralFailure {
  const parsed = apiErrorWithReasonSchema.safeParse(body);
  const apiError = parsed.success ? parsed.data.error : null;
  const where = `${req.method} ${req.path.split('?')[0]}`;
  const message = apiError
    ? apiError.message
    : `${where}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const status = response.status;
  if (status === 401) return { kind: 'unauthorized', status, message };
  if (status === 429) {
    return {
      kind: 'rate-limited',
      status,
      message,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), clock),
    };
  }
  if (status >= 400 && status < 500) {
    return {
      kind: 'rejected',
      status,
      code: apiError?.code ?? null,
      message,
      issues: apiError?.issues ?? [],
      ...(apiError?.reason !== undefined ? { reason: apiError.reason } : {}),
    };
  }
  return {
    kind: 'unreachable',
    status,
    message: apiError ? `${where}: HTTP ${status}: ${apiError.message}` : message,
  };
}

/** Retry-After is whole seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, clock: Clock): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - clock.now().getTime());
}

function unreachable(
  message: string,
  status: number | null = null,
): { ok: false; failure: CentralFailure } {
  return { ok: false, failure: { kind: 'unreachable', message, status } };
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
    if (error.name === 'AbortError') return 'cancelled';
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return cause?.code ? `${error.message} (${cause.code})` : error.message;
  }
  return String(error);
}
