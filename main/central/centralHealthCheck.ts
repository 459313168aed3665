import {
  CENTRAL_HEALTH_PATH,
  centralHealthSchema,
  type CentralHealth,
} from '../../common/contract/central/health';
import { describeIssues, issuesFromZod } from '../../common/contract';

export type FetchFn = typeof fetch;

export type HealthCheckResult =
  { ok: true; health: CentralHealth } | { ok: false; problem: string };

/**
 * Asks the central server whether it is up. Whatever comes back is validated before it is
 * believed: a proxy's HTML error page or another service on the port is "unreachable", with a
 * reason a support person can act on.
 */
export async function checkCentralHealth(
  baseUrl: string,
  fetchFn: FetchFn,
  timeoutMs = 3000,
): Promise<HealthCheckResult> {
  const url = new URL(CENTRAL_HEALTH_PATH, baseUrl).toString();
  let response: Response;
  try {
    response = await fetchFn(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : describeNetworkError(error);
    return { ok: false, problem: `${url}: ${reason}` };
  }
  if (!response.ok) return { ok: false, problem: `${url}: HTTP ${response.status}` };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return {
      ok: false,
      problem: `${url}: the answer is not JSON (is this the Okienko central server?)`,
    };
  }
  const parsed = centralHealthSchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      problem: `${url}: unexpected health answer (${describeIssues(issuesFromZod(parsed.error))})`,
    };
  }
  return { ok: true, health: parsed.data };
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return cause?.code ? `${error.message} (${cause.code})` : error.message;
  }
  return String(error);
}
