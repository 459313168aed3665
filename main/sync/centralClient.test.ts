import { describe, expect, it, vi } from 'vitest';
import type { LoginResponse } from '../../common/contract/central/auth';
import type { PullResponse } from '../../common/contract/central/sync';
import type { Clock } from '../app/clock';
import type { FetchFn } from '../central/centralHealthCheck';
import { createCentralClient, parseRetryAfter } from './centralClient';
import { manualVisit, mutationId } from '../../test/support/syncFixtures';

const BASE_URL = 'http://central.um.example.pl:8420';
const clock: Clock = { now: () => new Date('2025-03-03T08:00:00.000Z') };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function clientAnswering(
  answer: () => Response | Promise<Response>,
  token: string | null = 'ws-token-0123456789',
) {
  const fetchFn = vi.fn<FetchFn>(async () => answer());
  const client = createCentralClient({
    baseUrl: BASE_URL,
    fetchFn,
    clock,
    workstationToken: () => token,
  });
  return { client, fetchFn };
}

const emptyPage: PullResponse = { feedId: 'feed-1', changes: [], cursor: '0', hasMore: false };
const loginAnswer: LoginResponse = {
  token: 'session-secret',
  expiresAt: '2025-03-03T16:00:00.000Z',
  user: {
    id: 'u1',
    login: 'urzednik1',
    displayName: 'Anna Urzędniczka',
    roles: ['clerk'],
    siteId: 'slaska',
  },
};

describe('createCentralClient', () => {
  it('sends the workstation token and answers a valid body, parsed', async () => {
    const { client, fetchFn } = clientAnswering(() => json(200, emptyPage));

    expect(await client.pull({ after: '42', limit: 500 })).toEqual({ ok: true, value: emptyPage });

    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe(`${BASE_URL}/api/v1/sync/pull?after=42&limit=500`);
    expect((init?.headers as Record<string, string>)['x-okienko-workstation']).toBe(
      'ws-token-0123456789',
    );
  });

  it('posts a push as the contract says', async () => {
    const mutation = {
      id: mutationId(1),
      type: 'visit.recordManual',
      payload: manualVisit(1),
      createdAt: '2025-03-03T08:00:00.000Z',
    };
    const { client, fetchFn } = clientAnswering(() =>
      json(200, { results: [{ id: mutation.id, status: 'applied', result: {} }] }),
    );

    const answer = await client.push([mutation]);

    expect(answer.ok).toBe(true);
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe(`${BASE_URL}/api/v1/sync/push`);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ mutations: [mutation] });
  });

  it('sends a session token as a Bearer token, never the workstation header alone', async () => {
    const { client, fetchFn } = clientAnswering(() => new Response(null, { status: 204 }), null);
    expect(await client.logout('session-secret')).toEqual({ ok: true, value: undefined });
    const headers = fetchFn.mock.calls[0]![1]?.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer session-secret');
    expect(headers['x-okienko-workstation']).toBeUndefined();
  });

  it('parses a login answer', async () => {
    const { client } = clientAnswering(() => json(200, loginAnswer));
    expect(await client.login({ login: 'urzednik1', password: 'demo' })).toEqual({
      ok: true,
      value: loginAnswer,
    });
  });

  it.each([
    [
      'a refused connection',
      () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })),
      /ECONNREFUSED/,
    ],
    [
      'a timeout',
      () => Promise.reject(Object.assign(new Error('timed out'), { name: 'TimeoutError' })),
      /no answer within 10000 ms/,
    ],
    [
      'a 503',
      () => json(503, { error: { code: 'unavailable', message: 'store is down' } }),
      /HTTP 503: store is down/,
    ],
    [
      'a 502 from a proxy',
      () => new Response('<html>Bad gateway</html>', { status: 502 }),
      /HTTP 502/,
    ],
    [
      'a 200 that is not JSON',
      () => new Response('<html>hello</html>', { status: 200 }),
      /not JSON/,
    ],
    [
      'a 200 of the wrong shape',
      () => json(200, { changes: 'none' }),
      /does not match the contract.*changes/,
    ],
  ])('calls %s unreachable: try again later', async (_case, answer, message) => {
    const { client } = clientAnswering(answer as () => Promise<Response>);
    const result = await client.pull({ after: '0', limit: 10 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.kind).toBe('unreachable');
    expect(result.failure.message).toMatch(message);
  });

  it('calls a 4xx rejected, with the code, the message and the path of each bad field', async () => {
    const { client } = clientAnswering(() =>
      json(400, {
        error: {
          code: 'invalid-request',
          message: 'mutations[0].createdAt: Invalid ISO datetime',
          issues: [{ path: 'mutations[0].createdAt', message: 'Invalid ISO datetime' }],
        },
      }),
    );
    const result = await client.pull({ after: '0', limit: 10 });
    expect(result).toEqual({
      ok: false,
      failure: {
        kind: 'rejected',
        status: 400,
        code: 'invalid-request',
        message: 'mutations[0].createdAt: Invalid ISO datetime',
        issues: [{ path: 'mutations[0].createdAt', message: 'Invalid ISO datetime' }],
      },
    });
  });

  it('calls a 404 without a body rejected too (a server without this route)', async () => {
    const { client } = clientAnswering(
      () => new Response('Not Found', { status: 404, statusText: 'Not Found' }),
    );
    const result = await client.pull({ after: '0', limit: 10 });
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'rejected', status: 404, code: null },
    });
  });

  it('calls a 401 unauthorized', async () => {
    const { client } = clientAnswering(() =>
      json(401, { error: { code: 'unauthenticated', message: 'Wrong login or password' } }),
    );
    expect(await client.login({ login: 'urzednik1', password: 'zle' })).toEqual({
      ok: false,
      failure: { kind: 'unauthorized', status: 401, message: 'Wrong login or password' },
    });
  });

  it('calls a 429 rate-limited, with how long the server asks to wait', async () => {
    const { client } = clientAnswering(() =>
      json(
        429,
        { error: { code: 'too-many-requests', message: 'Slow down' } },
        { 'retry-after': '30' },
      ),
    );
    expect(await client.login({ login: 'urzednik1', password: 'zle' })).toEqual({
      ok: false,
      failure: { kind: 'rate-limited', status: 429, message: 'Slow down', retryAfterMs: 30_000 },
    });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    expect(parseRetryAfter('120', clock)).toBe(120_000);
    expect(parseRetryAfter('Mon, 03 Mar 2025 08:01:00 GMT', clock)).toBe(60_000);
    expect(parseRetryAfter('soon', clock)).toBeNull();
    expect(parseRetryAfter(null, clock)).toBeNull();
  });
});
