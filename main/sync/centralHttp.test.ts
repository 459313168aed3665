import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { FetchFn } from '../central/centralHealthCheck';
import { createCentralHttp } from './centralHttp';

const clock = { now: () => new Date('2026-03-03T09:00:00.000Z') };

function httpAnswering(status: number, body: unknown) {
  const seen: Headers[] = [];
  const fetchFn: FetchFn = async (_url, init) => {
    seen.push(new Headers(init?.headers));
    return new Response(JSON.stringify(body), { status });
  };
  const request = createCentralHttp({
    baseUrl: 'http://central.test',
    fetchFn,
    clock,
    workstationToken: () => 'ws-token',
  });
  return { request, seen };
}

describe('createCentralHttp', () => {
  it("keeps the route's machine-readable reason beside the code of a refusal", async () => {
    const { request } = httpAnswering(409, {
      error: { code: 'conflict', message: 'Counter 3 is closed.', reason: 'counter-closed' },
    });
    const answer = await request(z.object({}), { method: 'POST', path: '/x', timeoutMs: 1000 });
    expect(answer).toEqual({
      ok: false,
      failure: {
        kind: 'rejected',
        status: 409,
        code: 'conflict',
        message: 'Counter 3 is closed.',
        issues: [],
        reason: 'counter-closed',
      },
    });
  });

  it("sends the workstation token and the clerk's session", async () => {
    const { request, seen } = httpAnswering(200, {});
    await request(null, { method: 'GET', path: '/y', sessionToken: 'sess', timeoutMs: 1000 });
    expect(seen[0]?.get('x-okienko-workstation')).toBe('ws-token');
    expect(seen[0]?.get('authorization')).toBe('Bearer sess');
  });
});
