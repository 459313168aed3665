import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { apiErrorSchema } from '../../common/contract/central/apiError';
import {
  LIVE_EVENTS_CLOSE_CODES,
  LIVE_EVENTS_PATH,
  liveEventSchema,
  type LiveEvent,
} from '../../common/contract/central/liveEvents';
import { createLiveEvents, type LiveEvents } from './createLiveEvents';
import { registerLiveEventsRoute, type LiveEventsRouteOptions } from './liveEventsRoute';
import {
  openTestStores,
  recordingLogger,
  testClock,
  type TestStores,
} from './testing/liveEventsTesting';

const TOKEN = 'Bearer counter-7-session-token';
const DAY_MS = 24 * 60 * 60 * 1000;
const waitLong = { timeout: 10_000, interval: 5 };

let stores: TestStores | undefined;
let liveEvents: LiveEvents | undefined;
let app: FastifyInstance | undefined;
const clients: WebSocket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.terminate();
  await app?.close();
  await liveEvents?.close();
  await stores?.close();
  app = liveEvents = stores = undefined;
});

/** A minimal app with only the live events route; authorized by one bearer token. */
async function startServer(options: Partial<LiveEventsRouteOptions> = {}, clock = testClock()) {
  stores = await openTestStores('sqlite');
  liveEvents = await createLiveEvents(stores.store, {
    clock,
    logger: recordingLogger().logger,
    retentionDays: 1,
  });
  app = Fastify();
  registerLiveEventsRoute(app, {
    liveEvents,
    authorize: async (request) => request.headers.authorization === TOKEN,
    ...options,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { events: liveEvents, url: `ws://127.0.0.1:${address.port}${LIVE_EVENTS_PATH}`, clock };
}

type Connection = {
  socket: WebSocket;
  events: LiveEvent[];
  closed: Promise<{ code: number; reason: string }>;
};

function connect(
  url: string,
  headers: Record<string, string> = { authorization: TOKEN },
): Connection {
  const socket = new WebSocket(url, { headers });
  clients.push(socket);
  const events: LiveEvent[] = [];
  // Every frame must be an event as the contract describes it: parse, do not trust.
  socket.on('message', (data) => events.push(liveEventSchema.parse(JSON.parse(String(data)))));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  return { socket, events, closed };
}

/** The server subscribes in the same turn as it answers 101: once open, nothing is missed. */
async function opened(connection: Connection): Promise<Connection> {
  if (connection.socket.readyState !== WebSocket.OPEN) {
    await new Promise((resolve) => connection.socket.once('open', resolve));
  }
  return connection;
}

function refusal(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    clients.push(socket);
    socket.on('open', () => reject(new Error('the upgrade was accepted')));
    socket.on('error', () => {});
    socket.on('unexpected-response', (_request, response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += String(chunk)));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }),
      );
    });
  });
}

async function publishNumbered(events: LiveEvents, from: number, count: number) {
  for (let n = from; n < from + count; n++)
    await events.publisher.publish('mutation.applied', { n });
}

describe(`WebSocket ${LIVE_EVENTS_PATH}`, () => {
  it('replays what came after `after`, streams live events, and resumes from the last id', async () => {
    const server = await startServer();
    const watcher = await opened(connect(server.url));
    await publishNumbered(server.events, 1, 3);
    await vi.waitFor(() => expect(watcher.events).toHaveLength(3), waitLong);
    const firstId = watcher.events[0]!.id;

    const first = connect(`${server.url}?after=${firstId}`);
    await vi.waitFor(
      () => expect(first.events.map((event) => event.data.n)).toEqual([2, 3]),
      waitLong,
    );
    await publishNumbered(server.events, 4, 1);
    await vi.waitFor(() => expect(first.events).toHaveLength(3), waitLong);
    const lastSeen = first.events.at(-1)!.id;
    first.socket.close(1000);
    await first.closed;

    await publishNumbered(server.events, 5, 2);
    const again = connect(`${server.url}?after=${lastSeen}`);
    await vi.waitFor(() => expect(again.events).toHaveLength(2), waitLong);
    expect(again.events.map((event) => event.data.n)).toEqual([5, 6]);
    await vi.waitFor(() => expect(watcher.events).toHaveLength(6), waitLong);
    expect(again.events).toEqual(watcher.events.slice(4));
  });

  it('refuses an unauthorized client with 401 before upgrading', async () => {
    const server = await startServer();
    const answer = await refusal(server.url, { authorization: 'Bearer someone-else-entirely' });
    expect(answer.status).toBe(401);
    expect(apiErrorSchema.parse(answer.body).error.code).toBe('unauthenticated');
    expect((await refusal(server.url, {})).status).toBe(401);
    expect(server.events.subscriberCount()).toBe(0);
  });

  it('refuses an `after` that is not an event id with 400 and the field named', async () => {
    const server = await startServer();
    const answer = await refusal(`${server.url}?after=B017`, { authorization: TOKEN });
    expect(answer.status).toBe(400);
    const body = apiErrorSchema.parse(answer.body);
    expect(body.error.code).toBe('invalid-request');
    expect(body.error.issues?.[0]?.path).toBe('after');
  });

  it('closes with resumeExpired when the events after `after` were deleted', async () => {
    const server = await startServer();
    const watcher = await opened(connect(server.url));
    await publishNumbered(server.events, 1, 2);
    await vi.waitFor(() => expect(watcher.events).toHaveLength(2), waitLong);
    server.clock.advance(2 * DAY_MS);
    await publishNumbered(server.events, 3, 1);

    const stale = connect(`${server.url}?after=${watcher.events[0]!.id}`);
    const closed = await stale.closed;
    expect(closed.code).toBe(LIVE_EVENTS_CLOSE_CODES.resumeExpired);
    expect(closed.reason).toMatch(/pull in full/);
    expect(stale.events).toEqual([]);
  });

  it('tells connected clients the server is stopping (1001), so they reconnect with `after`', async () => {
    const server = await startServer();
    const client = await opened(connect(server.url));
    await vi.waitFor(() => expect(server.events.subscriberCount()).toBe(1), waitLong);
    await app!.close();
    expect((await client.closed).code).toBe(1001);
  });

  it('drops a client that stops reading once its buffer passes the limit; it resumes from its last id', async () => {
    const server = await startServer({ maxBufferedBytes: 256 * 1024 });
    const slow = await opened(connect(server.url));
    await vi.waitFor(() => expect(server.events.subscriberCount()).toBe(1), waitLong);
    // Stop reading: the kernel buffers fill, then the server's own buffer for this client. ws
    // has no public way to stop reading, so its TCP socket is paused directly.
    const tcp = (slow.socket as unknown as { _socket: Socket })._socket;
    tcp.pause();

    const filler = 'x'.repeat(60 * 1024);
    let published = 0;
    while (server.events.subscriberCount() > 0 && published < 2000) {
      await server.events.publisher.publish('mutation.applied', { n: ++published, filler });
    }
    expect(server.events.subscriberCount()).toBe(0);

    tcp.resume();
    const closed = await slow.closed;
    expect(closed.code).toBe(LIVE_EVENTS_CLOSE_CODES.tooSlow);
    const lastId = slow.events.at(-1)?.id ?? '0';
    const resumed = connect(`${server.url}?after=${lastId}`);
    await vi.waitFor(
      () => expect(slow.events.length + resumed.events.length).toBe(published),
      waitLong,
    );
    expect([...slow.events, ...resumed.events].map((event) => event.data.n)).toEqual(
      Array.from({ length: published }, (_, i) => i + 1),
    );
  });
});
