import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { WebSocket } from 'ws';
import { defaultWorkstationConfig } from '../../common/contract';
import { createEventHub } from '../../main/app/eventHub';
import { startBrowserHostServer } from '../../main/browserHost/browserHostServer';
import { createIpcDispatcher } from '../../main/ipc/ipcDispatcher';
import { createSilentLogger } from '../../main/logging/logger';
import { withStubHandlers } from '../support/stubChannelHandlers';
import { ms, report, summarize } from './stats';

// What carrying IPC over the browser host's WebSocket costs, beside calling the dispatcher
// directly (the floor: zod parsing of request and response, and the handler).

const CALLS = 3000;
const info = {
  appName: 'Okienko',
  appVersion: 'bench',
  schemaVersion: 1,
  host: 'browser' as const,
  dataDir: '/tmp/bench',
  config: defaultWorkstationConfig,
  central: {
    mode: 'embedded' as const,
    url: null,
    reachable: true,
    checkedAt: null,
    problem: null,
  },
};
const dispatch = createIpcDispatcher(
  withStubHandlers({
    'app:info': () => info,
    'app:windowLoaded': () => ({ recorded: true as const }),
    'app:openWindow': () => ({ opened: false, route: '#/counter' }),
  }),
  createSilentLogger(),
);

let dir: string;
let server: Awaited<ReturnType<typeof startBrowserHostServer>>;
const token = 'bench-token';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-bench-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<html><head></head></html>');
  server = await startBrowserHostServer({
    rendererDir: dir,
    bridgeScriptFile: path.join(dir, 'bridge.js'),
    token,
    dispatch,
    hub: createEventHub(),
    logger: createSilentLogger(),
  });
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('IPC round trip: direct dispatch vs the browser host WebSocket', async () => {
  const direct: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const start = performance.now();
    await dispatch('app:info', {});
    direct.push(performance.now() - start);
  }

  const ws = new WebSocket(`${server.origin.replace('http', 'ws')}/ipc?token=${token}`, {
    origin: server.origin,
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const overSocket: number[] = [];
  for (let id = 0; id < CALLS; id++) {
    const start = performance.now();
    await new Promise<void>((resolve) => {
      ws.once('message', () => resolve());
      ws.send(JSON.stringify({ type: 'invoke', id, channel: 'app:info', payload: {} }));
    });
    overSocket.push(performance.now() - start);
  }
  ws.close();

  const a = summarize(direct);
  const b = summarize(overSocket);
  report(`IPC app:info, ${CALLS} sequential calls`, [
    {
      path: 'direct dispatch',
      p50: ms(a.p50),
      p95: ms(a.p95),
      p99: ms(a.p99),
      'calls/s': Math.round(1000 / a.mean),
    },
    {
      path: 'browser host WebSocket',
      p50: ms(b.p50),
      p95: ms(b.p95),
      p99: ms(b.p99),
      'calls/s': Math.round(1000 / b.mean),
    },
    {
      path: 'ratio (socket / direct)',
      p50: (b.p50 / a.p50).toFixed(1),
      p95: (b.p95 / a.p95).toFixed(1),
      p99: (b.p99 / a.p99).toFixed(1),
      'calls/s': (a.mean / b.mean).toFixed(2),
    },
  ]);
});
