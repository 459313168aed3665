import { createServer, type IncomingHttpHeaders } from 'node:http';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { LiveConnectionState } from '../../common/contract';
import { LIVE_EVENTS_CLOSE_CODES, type LiveEvent } from '../../common/contract/central/liveEvents';
import { openDatabase } from '../db';
import { createLiveEventsClient, type LiveEventsClientOptions } from './liveEventsClient';
import { readSyncState, recordLiveEventCursor } from './syncStateQueries';
import { createManualTime, type ManualTime } from '../../test/support/manualTime';

// The live events client against a fake server (a plain `ws` server on a free port), so each test
// chooses what the server sends and how it ends the socket. Time moves by hand (injected timers);
// only the sockets' own traffic is waited for, with a deadline.

const TOKEN = 'workstation-token-0123456789';
const BACKOFF = { baseMs: 1000, maxMs: 8000 };
const DEBOUNCE_MS = 250;
const soon = { timeout: 5000, interval: 5 };

type Connection = { url: URL; headers: IncomingHttpHeaders; socket: WebSocket };

/** A live events server that records each connection and can refuse upgrades with a status. */
async function startFakeServer() {
  const http = createServer();
  const wss = new WebSocketServer({ noServer: true });
  const connections: Connection[] = [];
  const refusals: number[] = [];
  const state = { refuseWith: null as number | null };
  http.on('upgrade', (request, socket, head) => {
    if (state.refuseWith !== null) {
      refusals.push(state.refuseWith);
      const body = '{"error":{"code":"unauthenticated","message":"no"}}';
      socket.end(
        `HTTP/1.1 ${state.refuseWith} Refused\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      connections.push({
        url: new URL(request.url ?? '/', 'http://localhost'),
        headers: request.headers,
        socket: ws,
      });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    connections,
    refusals,
    state,
    /** Waits for connection number n (1-based) and answers it. */
    async connection(n: number): Promise<Connection> {
      await vi.waitFor(() => expect(connections.length).toBeGreaterThanOrEqual(n), soon);
      return connections[n - 1]!;
    },
    async close(): Promise<void> {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

type FakeServer = Awaited<ReturnType<typeof startFakeServer>>;

function event(id: number, type: LiveEvent['type'] = 'mutation.applied'): string {
  return JSON.stringify({
    id: String(id),
    type,
    at: '2025-03-03T08:00:00.000Z',
    data: type === 'reference.changed' ? { entity: 'site', id: 'slaska', seq: '9' } : { count: 1 },
  });
}

let db: Database.Database;
let server: FakeServer;
let time: ManualTime;
let warnings: string[];
let pulls: number;
let states: LiveConnectionState[];
const clients: { stop(): Promise<void> }[] = [];

beforeEach(async () => {
  db = openDatabase(':memory:').db;
  server = await startFakeServer();
  time = createManualTime();
  warnings = [];
  pulls = 0;
  states = [];
});

afterEach(async () => {
  for (const client of clients.splice(0)) await client.stop();
  await server.close();
  db.close();
});

function startClient(overrides: Partial<LiveEventsClientOptions> = {}) {
  const client = createLiveEventsClient({
    db,
    baseUrl: server.baseUrl,
    workstationToken: () => TOKEN,
    logger: {
      info: () => {},
      warn: (_fields, message) => warnings.push(message),
    },
    requestPull: () => (pulls += 1),
    onStateChange: (state) => states.push(state),
    timers: time.timers,
    random: () => 0,
    backoff: BACKOFF,
    pullDebounceMs: DEBOUNCE_MS,
    ...overrides,
  });
  const received: LiveEvent[] = [];
  client.onEvent((live) => received.push(live));
  clients.push(client);
  client.start();
  return { client, received };
}

/** Waits until the client has scheduled a reconnection after `ms`, then lets that time pass. */
async function reconnectAfter(ms: number): Promise<void> {
  await vi.waitFor(() => expect(time.scheduled()).toContain(ms), soon);
  await time.advance(ms);
}

describe('the live events client', () => {
  it('connects with the workstation token, hands on valid events in order, skips malformed frames, and keeps the last id', async () => {
    const { received } = startClient();
    const first = await server.connection(1);
    expect(first.headers['x-okienko-workstation']).toBe(TOKEN);
    expect(first.url.pathname).toBe('/api/v1/events');
    expect(first.url.searchParams.has('after')).toBe(false);

    first.socket.send('not json at all');
    first.socket.send(JSON.stringify({ id: '3', type: 'something.else', at: 'now', data: {} }));
    first.socket.send(Buffer.from(event(4)), { binary: true });
    first.socket.send(event(5));
    first.socket.send(event(5)); // a repeat is handled once
    first.socket.send(event(6, 'reference.changed'));
    await vi.waitFor(() => expect(received.map((live) => live.id)).toEqual(['5', '6']), soon);

    expect(warnings.filter((message) => /malformed|binary/.test(message))).toHaveLength(3);
    expect(readSyncState(db).liveEventCursor).toBe('6');
    expect(states).toEqual(['connecting', 'connected']);
  });

  it('pulls once connected without after, and once per burst of reference changes, never for applied mutations', async () => {
    startClient();
    const socket = (await server.connection(1)).socket;
    // Connected without `after`: what changed before the stream began needs a pull.
    await vi.waitFor(() => expect(pulls).toBe(1), soon);

    for (const id of [11, 12, 13]) socket.send(event(id, 'reference.changed'));
    socket.send(event(14, 'mutation.applied'));
    await vi.waitFor(() => expect(readSyncState(db).liveEventCursor).toBe('14'), soon);
    expect(pulls).toBe(1);
    await time.advance(DEBOUNCE_MS);
    expect(pulls).toBe(2);

    socket.send(event(15, 'mutation.applied'));
    await vi.waitFor(() => expect(readSyncState(db).liveEventCursor).toBe('15'), soon);
    await time.advance(DEBOUNCE_MS * 10);
    expect(pulls).toBe(2);
  });

  it('resumes after the last id it handled when started again on the same database', async () => {
    const first = startClient();
    (await server.connection(1)).socket.send(event(41));
    await vi.waitFor(() => expect(first.received).toHaveLength(1), soon);
    await first.client.stop();
    expect(first.client.state()).toBe('off');

    startClient();
    const again = await server.connection(2);
    expect(again.url.searchParams.get('after')).toBe('41');
    // Connected with `after`: the server replays what was missed, no pull needed for it.
    expect(pulls).toBe(1);
  });

  it('on 4410 (resume expired) forgets its cursor, reconnects at once without after, then pulls', async () => {
    recordLiveEventCursor(db, '40');
    startClient();
    const first = await server.connection(1);
    expect(first.url.searchParams.get('after')).toBe('40');
    expect(pulls).toBe(0);

    first.socket.close(LIVE_EVENTS_CLOSE_CODES.resumeExpired, 'pull in full');
    await reconnectAfter(0);
    const second = await server.connection(2);
    expect(second.url.searchParams.has('after')).toBe(false);
    expect(readSyncState(db).liveEventCursor).toBeNull();
    await vi.waitFor(() => expect(pulls).toBe(1), soon);
  });

  it('when the server refuses `after` (400), reconnects without it and pulls', async () => {
    recordLiveEventCursor(db, '40');
    server.state.refuseWith = 400;
    startClient();
    await vi.waitFor(() => expect(server.refusals).toEqual([400]), soon);
    server.state.refuseWith = null;
    await reconnectAfter(0);
    expect((await server.connection(1)).url.searchParams.has('after')).toBe(false);
    await vi.waitFor(() => expect(pulls).toBe(1), soon);
  });

  it('on 4408 (too slow) reconnects after a short backoff with after = the last id handled', async () => {
    const { received } = startClient();
    const first = await server.connection(1);
    first.socket.send(event(7));
    await vi.waitFor(() => expect(received).toHaveLength(1), soon);
    first.socket.close(LIVE_EVENTS_CLOSE_CODES.tooSlow, 'too slow');

    await reconnectAfter(BACKOFF.baseMs);
    expect((await server.connection(2)).url.searchParams.get('after')).toBe('7');
  });

  it('backs off with jitter while refused, warns once per outage, and retries at once when the central monitor sees the server back', async () => {
    server.state.refuseWith = 401;
    const { client } = startClient({ random: () => 0.5 });
    // Doubling from 1 s, a quarter taken off (random 0.5 takes half of the allowed half).
    for (const delay of [750, 1500, 3000, 6000, 6000]) await reconnectAfter(delay);
    await vi.waitFor(() => expect(server.refusals).toHaveLength(6), soon);
    expect(warnings).toEqual([
      'live events: the central server does not accept this workstation token; retrying quietly',
    ]);
    expect(states).toEqual(['connecting']);

    server.state.refuseWith = null;
    await vi.waitFor(() => expect(time.scheduled()).toContain(6000), soon);
    client.centralReachable();
    await server.connection(1);
    await vi.waitFor(() => expect(client.state()).toBe('connected'), soon);
    expect(states).toEqual(['connecting', 'connected']);
  });

  it('takes a silent link for dead and reconnects with after', async () => {
    const { received } = startClient({ silenceLimitMs: 75_000 });
    const first = await server.connection(1);
    first.socket.send(event(9));
    await vi.waitFor(() => expect(received).toHaveLength(1), soon);

    await time.advance(75_000);
    await reconnectAfter(BACKOFF.baseMs);
    expect((await server.connection(2)).url.searchParams.get('after')).toBe('9');
    expect(warnings).toContain('live events: the server went silent; reconnecting');
  });

  it('when the feed was replaced, drops the connection and starts afresh without after', async () => {
    const { client, received } = startClient();
    const first = await server.connection(1);
    first.socket.send(event(30));
    await vi.waitFor(() => expect(received).toHaveLength(1), soon);

    // What the sync engine does on a new feed: the cursor goes with the mirror, then it says so.
    recordLiveEventCursor(db, null);
    client.feedReplaced();
    const second = await server.connection(2);
    expect(second.url.searchParams.has('after')).toBe(false);
    // Ids restart on the new store: a low one is an event, not a repeat.
    second.socket.send(event(2));
    await vi.waitFor(() => expect(received.map((live) => live.id)).toEqual(['30', '2']), soon);
    expect(readSyncState(db).liveEventCursor).toBe('2');
  });

  it('stays off without a workstation token', async () => {
    const { client } = startClient({ workstationToken: () => null });
    expect(client.state()).toBe('off');
    expect(warnings).toEqual(['live events off: this PC has no workstation token']);
    expect(server.connections).toHaveLength(0);
  });
});
