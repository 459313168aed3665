import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { CentralStatus, WireFromHost } from '../../common/contract';
import { createEventHub } from '../app/eventHub';
import type { EventHub } from '../app/eventHub';
import { createIpcDispatcher } from '../ipc/ipcDispatcher';
import { createSilentLogger } from '../logging/logger';
import { BRIDGE_SCRIPT_PATH, startBrowserHostServer } from './browserHostServer';
import { withStubHandlers } from '../../test/support/stubChannelHandlers';

const TOKEN = 'c2VjcmV0LXBlci1ydW4tdG9rZW4';

type Host = Awaited<ReturnType<typeof startBrowserHostServer>>;

let base: string;
let host: Host;
let hub: EventHub;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-host-'));
  const rendererDir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html>\n<html>\n  <head>\n    <title>Okienko</title>\n  </head>\n  <body></body>\n</html>\n',
  );
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  const bridgeScriptFile = path.join(base, 'bridge.js');
  fs.writeFileSync(bridgeScriptFile, 'window.bridgeLoaded = true;');

  hub = createEventHub();
  const logger = createSilentLogger();
  const dispatch = createIpcDispatcher(
    withStubHandlers({
      'app:info': () => {
        throw new Error('not needed here');
      },
      'app:windowLoaded': () => ({ recorded: true as const }),
      'app:openWindow': ({ window }) => ({ opened: false, route: `#/${window}` }),
    }),
    logger,
  );
  host = await startBrowserHostServer({
    rendererDir,
    bridgeScriptFile,
    token: TOKEN,
    dispatch,
    hub,
    logger,
  });
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await host.close();
  fs.rmSync(base, { recursive: true, force: true });
});

function wsUrl(pathAndQuery: string): string {
  return `${host.origin.replace(/^http/, 'ws')}${pathAndQuery}`;
}

/** Opens a socket; resolves when it is open, rejects with the HTTP status when it is refused. */
function connect(pathAndQuery: string, origin: string | null = host.origin): Promise<WebSocket> {
  // null: no Origin header at all, as a non-browser client would connect.
  const socket = new WebSocket(wsUrl(pathAndQuery), origin === null ? {} : { origin });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`refused with ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
}

/** Collects every frame the host sends, in order, and lets a test wait for the next one. */
function frames(socket: WebSocket) {
  const queue: WireFromHost[] = [];
  const waiting: ((frame: WireFromHost) => void)[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as WireFromHost;
    const waiter = waiting.shift();
    if (waiter) waiter(frame);
    else queue.push(frame);
  });
  return {
    next(): Promise<WireFromHost> {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}

const validPath = `/ipc?token=${TOKEN}`;

describe('browser host: HTTP', () => {
  it('serves index.html with a strict CSP allowing only its own WebSocket, and the bridge injected', async () => {
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    const connectSrc = csp
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith('connect-src'));
    expect(connectSrc?.split(' ')).toContain(host.origin.replace(/^http/, 'ws'));
    const html = await response.text();
    expect(html).toContain(`<script src="${BRIDGE_SCRIPT_PATH}"></script>`);
    // The bridge must run before anything else in the page: it sits first in <head>.
    expect(html.indexOf(BRIDGE_SCRIPT_PATH)).toBeLessThan(html.indexOf('<title>'));
  });

  it('serves the bridge script and the built assets', async () => {
    const bridge = await fetch(`${host.origin}${BRIDGE_SCRIPT_PATH}`);
    expect(bridge.status).toBe(200);
    expect(bridge.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await bridge.text()).toBe('window.bridgeLoaded = true;');
    const asset = await fetch(`${host.origin}/assets/app.js`);
    expect(await asset.text()).toBe('console.log("app")');
  });

  it('answers 404 for a missing file and 405 for a POST', async () => {
    expect((await fetch(`${host.origin}/nothing.js`)).status).toBe(404);
    const post = await fetch(`${host.origin}/`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
  });
});

describe('browser host: IPC socket', () => {
  it('refuses an upgrade without the token', async () => {
    await expect(connect('/ipc')).rejects.toThrow('refused with 401');
  });

  it('refuses an upgrade with a wrong token', async () => {
    await expect(connect('/ipc?token=wrong')).rejects.toThrow('refused with 401');
  });

  it('refuses an upgrade from another origin, even with the token', async () => {
    await expect(connect(validPath, 'http://evil.example')).rejects.toThrow('refused with 403');
    await expect(connect(validPath, null)).rejects.toThrow('refused with 403');
  });

  it('refuses an upgrade to another path', async () => {
    await expect(connect(`/other?token=${TOKEN}`)).rejects.toThrow('refused with 404');
  });

  it('answers an invoke frame with a result frame of the same id', async () => {
    const socket = await connect(validPath);
    const received = frames(socket);
    socket.send(
      JSON.stringify({
        type: 'invoke',
        id: 41,
        channel: 'app:openWindow',
        payload: { window: 'supervisor' },
      }),
    );
    expect(await received.next()).toEqual({
      type: 'result',
      id: 41,
      result: { ok: true, value: { opened: false, route: '#/supervisor' } },
    });
  });

  it('answers a call the dispatcher refuses with its typed error', async () => {
    const socket = await connect(validPath);
    const received = frames(socket);
    socket.send(
      JSON.stringify({
        type: 'invoke',
        id: 1,
        channel: 'app:openWindow',
        payload: { window: 'root' },
      }),
    );
    expect(await received.next()).toMatchObject({
      type: 'result',
      id: 1,
      result: { ok: false, error: { code: 'invalid-payload' } },
    });
  });

  it('ignores frames that are not JSON or of the wrong shape, and stays usable', async () => {
    const socket = await connect(validPath);
    const received = frames(socket);
    socket.send('{not json');
    socket.send(JSON.stringify({ type: 'invoke', id: -1, channel: 'app:openWindow', payload: {} }));
    socket.send(
      JSON.stringify({ type: 'invoke', id: 2, channel: 'app:openWindow', payload: {}, extra: 1 }),
    );
    socket.send(JSON.stringify({ type: 'shutdown' }));
    socket.send(Buffer.from([1, 2, 3]), { binary: true });
    socket.send(
      JSON.stringify({
        type: 'invoke',
        id: 7,
        channel: 'app:windowLoaded',
        payload: { window: 'counter' },
      }),
    );
    // Frames are answered in order; the first answer is the valid call's, so none came before.
    expect(await received.next()).toEqual({
      type: 'result',
      id: 7,
      result: { ok: true, value: { recorded: true } },
    });
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });

  it('carries an event published on the hub to the connected page', async () => {
    const socket = await connect(validPath);
    const received = frames(socket);
    const status: CentralStatus = {
      mode: 'embedded',
      url: 'http://127.0.0.1:4100',
      reachable: true,
      checkedAt: '2025-03-03T08:00:00.000Z',
      problem: null,
    };
    hub.publish('central:statusChanged', status);
    expect(await received.next()).toEqual({
      type: 'event',
      event: 'central:statusChanged',
      payload: status,
    });
  });
});
