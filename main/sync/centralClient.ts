import {
  loginResponseSchema,
  sessionResponseSchema,
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
import { createCentralHttp, type CentralResult } from './centralHttp';

export { parseRetryAfter, type CentralFailure, type CentralResult } from './centralHttp';

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

/**
 * The workstation's typed HTTP client of the central sync API (routes in docs/sync-api.md). Every
 * answer is validated with the contract's schema on arrival, and every failure is classified
 * (see CentralFailure): callers branch on `kind`, never on status codes or exception types.
 */
export function createCentralClient(options: CentralClientOptions) {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pushTimeoutMs = options.pushTimeoutMs ?? 60_000;

  const request = createCentralHttp(options);

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
