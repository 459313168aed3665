import type { z } from 'zod';
import { describeIssues, issuesFromZod, type PayloadIssue } from '../../common/contract';
import { apiErrorSchema, type ApiErrorCode } from '../../common/contract/central/apiError';
import {
  loginResponseSchema,
  sessionResponseSchema,
  WORKSTATION_TOKEN_HEADER,
  type LoginRequest,
  type LoginResponse,
  type SessionResponse,
} from '../../common/contract/central/auth';
import {
  pullResponseSchema,
  pushResponseSchema,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from '../../common/contract/central/sync';
import { centralPaths } from '../../common/contract/central/paths';
import type { Clock } from '../app/clock';
import type { FetchFn } from '../central/centralHealthCheck';

/**
 * Why a request to the central server did not give what was asked, sorted by what the PC should
 * do about it:
 * - `unreachable`: no answer, a timeout, a 5xx or an answer that is not the contract's: try
 *   again later, nothing was decided;
 * - `rejected`: a 4xx (other than 401 and 429): the server said no to this request;
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
    }
  | { kind: 'unauthorized'; status: 401; message: string }
  | { kind: 'rate-limited'; status: 429; message: string; retryAfterMs: number | null };

export type CentralResult<T> = { ok: true; value: T } | { ok: false; failure: CentralFailure };

export type CentralClientOptions = {
  baseUrl: string;
  fetchFn: FetchFn;
  clock: Clock;
  /** This PC's identity on the central server (X-Okienko-Workstation); null while it has none. */
  workstationToken: () => string | null;
  /** How long one request may take; a push of a full batch gets `pushTimeoutMs`. */
  timeoutMs?: number;
  pushTimeoutMs?: number;
};

type RequestOptions = {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  sessionToken?: string;
  timeoutMs: number;
  signal?: AbortSignal;
};

/**
 * The workstation's typed HTTP client of the central sync API (routes in docs/sync-api.md). Every
 * answer is validated with the contract's schema on arrival, and every failure is classified
 * (see CentralFailure): callers branch on `kind`, never on status codes or exception types.
 */
export function createCentralClient(options: CentralClientOptions) {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pushTimeoutMs = options.pushTimeoutMs ?? 60_000;

  async function request<S extends z.ZodType>(
    schema: S | null,
    req: RequestOptions,
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
  }

  return {
    login(credentials: LoginRequest): Promise<CentralResult<LoginResponse>> {
      return request(loginResponseSchema, {
        method: 'POST',
        path: centralPaths.login,
        body: credentials,
        timeoutMs,
      });
    },
    logout(sessionToken: string): Promise<CentralResult<unknown>> {
      return request(null, {
        method: 'POST',
        path: centralPaths.logout,
        body: {},
        sessionToken,
        timeoutMs,
      });
    },
    session(sessionToken: string): Promise<CentralResult<SessionResponse>> {
      return request(sessionResponseSchema, {
        method: 'GET',
        path: centralPaths.session,
        sessionToken,
        timeoutMs,
      });
    },
    pull(
      query: { after: string; limit: number },
      signal?: AbortSignal,
    ): Promise<CentralResult<PullResponse>> {
      const params = new URLSearchParams({ after: query.after, limit: String(query.limit) });
      return request(pullResponseSchema, {
        method: 'GET',
        path: `${centralPaths.syncPull}?${params.toString()}`,
        timeoutMs,
        ...(signal ? { signal } : {}),
      });
    },
    push(
      mutations: readonly Mutation[],
      signal?: AbortSignal,
    ): Promise<CentralResult<PushResponse>> {
      return request(pushResponseSchema, {
        method: 'POST',
        path: centralPaths.syncPush,
        body: { mutations },
        timeoutMs: pushTimeoutMs,
        ...(signal ? { signal } : {}),
      });
    },
  };
}

export type CentralClient = ReturnType<typeof createCentralClient>;
/** What the sync engine needs of the client; tests hand it a fake. */
export type CentralSyncClient = Pick<CentralClient, 'push' | 'pull'>;
/** What the login needs of the client. */
export type CentralAuthClient = Pick<CentralClient, 'login' | 'logout'>;

const NOT_JSON = Symbol('not JSON');

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
  req: RequestOptions,
  response: Response,
  body: unknown,
  clock: Clock,
): CentralFailure {
  const parsed = apiErrorSchema.safeParse(body);
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
