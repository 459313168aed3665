import type { z } from 'zod';
import { queueErrorSchema, type QueueErrorReason } from '../../common/contract/central/queue';

/**
 * What a call to the central API came to. The pages never show a raw error: `unreachable`
 * (no answer in time, the network is down) and `unexpected-answer` (an answer that is not the
 * contract's: a proxy's error page, another version of the server) both read to a resident as
 * "try again in a moment"; `refused` is the API's own error body (an unknown site, a bad request).
 */
export type ApiResult<T> =
  | { ok: true; value: T }
  | { ok: false; problem: 'unreachable' | 'unexpected-answer' }
  | {
      ok: false;
      problem: 'refused';
      status: number;
      reason: QueueErrorReason | null;
      message: string;
    };

export type ApiRequest = {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** A kiosk or a display must never hang on a request: after this the call counts as failed. */
  timeoutMs?: number;
  signal?: AbortSignal;
};

const DEFAULT_TIMEOUT_MS = 8_000;

/**
 * Calls the central API on this page's own origin (the server that served the page) and checks
 * the answer against the contract's schema on arrival: the page works only with what the schema
 * says, or reports why not.
 */
export async function requestApi<T>(
  path: string,
  schema: z.ZodType<T>,
  request: ApiRequest = {},
): Promise<ApiResult<T>> {
  const timeout = AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(path, {
      method: request.method ?? 'GET',
      headers:
        request.body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: request.body === undefined ? null : JSON.stringify(request.body),
      cache: 'no-store',
      signal,
    });
    body = await response.json();
  } catch (error) {
    if (request.signal?.aborted) throw error;
    // Not JSON at all (a proxy's HTML error page) is as useless as no answer.
    return {
      ok: false,
      problem: error instanceof SyntaxError ? 'unexpected-answer' : 'unreachable',
    };
  }

  // An answer in the contract's shape is taken whatever its status (a refusal to issue a ticket
  // is an answer of the contract, whether the server sends it as 200 or as 409).
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  if (response.ok) {
    console.warn(`The answer of ${path} does not match the contract`, parsed.error.issues);
    return { ok: false, problem: 'unexpected-answer' };
  }
  const refusal = queueErrorSchema.safeParse(body);
  if (!refusal.success) return { ok: false, problem: 'unexpected-answer' };
  return {
    ok: false,
    problem: 'refused',
    status: response.status,
    reason: refusal.data.error.reason ?? null,
    message: refusal.data.error.message,
  };
}
