import { describeIssues, issuesFromZod } from '../../common/contract';
import { liveEventSchema, type LiveEvent } from '../../common/contract/central/liveEvents';

export type LiveEventFrame = { ok: true; event: LiveEvent } | { ok: false; problem: string };

/**
 * One text frame of the live events socket, checked against the contract on arrival. The problem
 * says what is wrong with a bad frame without repeating its content (which goes to the log).
 */
export function parseLiveEventFrame(data: string): LiveEventFrame {
  let json: unknown;
  try {
    json = JSON.parse(data) as unknown;
  } catch {
    return { ok: false, problem: `not JSON (${data.length} characters)` };
  }
  const parsed = liveEventSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problem: `not a live event: ${describeIssues(issuesFromZod(parsed.error))}`,
    };
  }
  return { ok: true, event: parsed.data };
}

/** The socket's address for a central server's base URL: ws(s)://…/api/v1/events[?after=<id>]. */
export function liveEventsUrl(baseUrl: string, path: string, after: string | null): string {
  const url = new URL(path, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (after !== null) url.searchParams.set('after', after);
  return url.toString();
}
