import { apiErrorSchema } from '../../common/contract/central/apiError';
import { centralPaths } from '../../common/contract/central/paths';
import { loginResponseSchema, type LoginResponse } from '../../common/contract/central/auth';
import {
  workstationStatusPaths,
  workstationsHealthSchema,
  type WorkstationsHealth,
} from '../../common/contract/central/workstationStatus';

/** What a call came to: the answer, or why not in a word the page turns into a sentence. */
export type HealthCall<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      problem: 'unauthenticated' | 'forbidden' | 'too-many-requests' | 'unreachable';
    };

const TIMEOUT_MS = 8_000;

async function call<T>(
  path: string,
  parse: (body: unknown) => T | null,
  init: { method: 'GET' | 'POST'; token?: string; body?: unknown },
): Promise<HealthCall<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(path, {
      method: init.method,
      headers,
      body: init.body === undefined ? null : JSON.stringify(init.body),
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    body = await response.json();
  } catch {
    return { ok: false, problem: 'unreachable' };
  }
  if (response.ok) {
    const value = parse(body);
    return value === null ? { ok: false, problem: 'unreachable' } : { ok: true, value };
  }
  const code = apiErrorSchema.safeParse(body).data?.error.code;
  if (response.status === 401 || code === 'unauthenticated') {
    return { ok: false, problem: 'unauthenticated' };
  }
  if (response.status === 403) return { ok: false, problem: 'forbidden' };
  if (response.status === 429) return { ok: false, problem: 'too-many-requests' };
  return { ok: false, problem: 'unreachable' };
}

/** Logs in with login and password (POST /api/v1/auth/login) on this page's own server. */
export const logIn = (login: string, password: string): Promise<HealthCall<LoginResponse>> =>
  call(centralPaths.login, (body) => loginResponseSchema.safeParse(body).data ?? null, {
    method: 'POST',
    body: { login, password },
  });

/** Ends the session on the server; the page forgets the token whatever the answer. */
export async function logOut(token: string): Promise<void> {
  await call(centralPaths.logout, () => true, { method: 'POST', token });
}

/** Every workstation's health (GET /api/v1/admin/workstations/health). */
export const readHealth = (token: string): Promise<HealthCall<WorkstationsHealth>> =>
  call(
    workstationStatusPaths.health,
    (body) => workstationsHealthSchema.safeParse(body).data ?? null,
    {
      method: 'GET',
      token,
    },
  );
