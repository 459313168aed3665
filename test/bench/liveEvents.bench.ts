import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, it } from 'vitest';
import { WebSocket } from 'ws';
import { LIVE_EVENTS_PATH } from '../../common/contract/central/liveEvents';
import { systemClock } from '../../server/clock';
import { createLiveEvents, type LiveEvents } from '../../server/events/createLiveEvents';
import { registerLiveEventsRoute } from '../../server/events/liveEventsRoute';
import { recordingLogger, TEST_PG_URL } from '../../server/events/testing/liveEventsTesting';
import {
  dropPostgresSchema,
  openCentralStore,
  type CentralStore,
} from '../../server/store/openCentralStore';
import { ms, report, summarize } from './stats';

// Publish → receive latency of live events, beside what a bare INSERT into the same table costs
// in the same run: the difference is the price of ordering (PostgreSQL's advisory lock), NOTIFY,
// the read-back and the fan-out. Sequential: one event in flight at a time.

const ROUNDS = { sqlite: 2000, postgres: 1000 };
const WARM_UP = 50;
const logger = recordingLogger().logger;
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Row = Record<string, string | number>;

function row(name: string, samples: number[], floor?: number): Row {
  const s = summarize(samples);
  return {
    path: name,
    p50: ms(s.p50),
    p99: ms(s.p99),
    'per s': Math.round(1000 / s.mean),
    'p50 / bare INSERT': floor === undefined ? '1.0' : (s.p50 / floor).toFixed(1),
  };
}

async function bareInserts(store: CentralStore, rounds: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < rounds + WARM_UP; i++) {
    const start = performance.now();
    await store.db
      .insertInto('live_events')
      .values({
        type: 'mutation.applied',
        data: JSON.stringify({ i }),
        at: new Date().toISOString(),
      })
      .execute();
    if (i >= WARM_UP) samples.push(performance.now() - start);
  }
  return samples;
}

/** Publishes on one instance and times until `arrives` has seen that very event. */
async function publishToReceive(
  publisher: LiveEvents,
  rounds: number,
  subscribe: (onData: (data: Record<string, unknown>) => void) => Promise<void> | void,
): Promise<number[]> {
  let waiting: { seq: number; resolve: () => void } | null = null;
  await subscribe((data) => {
    if (waiting && data.seq === waiting.seq) waiting.resolve();
  });
  const samples: number[] = [];
  for (let seq = 0; seq < rounds + WARM_UP; seq++) {
    const start = performance.now();
    const arrived = new Promise<void>((resolve) => (waiting = { seq, resolve }));
    await publisher.publisher.publish('mutation.applied', { seq });
    await arrived;
    if (seq >= WARM_UP) samples.push(performance.now() - start);
  }
  return samples;
}

const inProcess = (liveEvents: LiveEvents) => (onData: (data: Record<string, unknown>) => void) => {
  liveEvents.subscribe(null, { onEvent: (event) => onData(event.data), onEnd() {} });
};

it('live events on SQLite: publish → receive, in-process and over the WebSocket', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-live-bench-'));
  const store = await openCentralStore({ kind: 'sqlite', file: path.join(dir, 'central.db') });
  const liveEvents = await createLiveEvents(store, { clock: systemClock, logger });
  const app = Fastify();
  registerLiveEventsRoute(app, { liveEvents, authorize: async () => true });
  await app.listen({ host: '127.0.0.1', port: 0 });
  cleanups.push(async () => {
    await app.close();
    await liveEvents.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const rounds = ROUNDS.sqlite;

  const bare = await bareInserts(store, rounds);
  const local = await publishToReceive(liveEvents, rounds, inProcess(liveEvents));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const overSocket = await publishToReceive(liveEvents, rounds, async (onData) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${LIVE_EVENTS_PATH}`);
    socket.on('message', (text) =>
      onData((JSON.parse(String(text)) as { data: Record<string, unknown> }).data),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    cleanups.push(async () => socket.close());
  });

  const floor = summarize(bare).p50;
  report(`Live events on SQLite (file, WAL), ${rounds} sequential events`, [
    row('bare INSERT into live_events', bare),
    row('publish → in-process subscriber', local, floor),
    row('publish → WebSocket client', overSocket, floor),
  ]);
});

it('live events on PostgreSQL: publish → receive, in-process and across two server processes', async () => {
  const schema = `live_events_bench_${process.pid}`;
  const open = () => openCentralStore({ kind: 'postgres', url: TEST_PG_URL, schema, poolSize: 4 });
  const storeA = await open();
  const storeB = await open();
  const a = await createLiveEvents(storeA, { clock: systemClock, logger });
  const b = await createLiveEvents(storeB, { clock: systemClock, logger });
  cleanups.push(async () => {
    await Promise.all([a.close(), b.close()]);
    await Promise.all([storeA.close(), storeB.close()]);
    await dropPostgresSchema(TEST_PG_URL, schema);
  });
  const rounds = ROUNDS.postgres;

  const bare = await bareInserts(storeA, rounds);
  const local = await publishToReceive(a, rounds, inProcess(a));
  const across = await publishToReceive(a, rounds, inProcess(b));

  const floor = summarize(bare).p50;
  report(`Live events on PostgreSQL, ${rounds} sequential events`, [
    row('bare INSERT into live_events', bare),
    row('publish → subscriber in the same process', local, floor),
    row('publish → subscriber in another process (NOTIFY)', across, floor),
  ]);
});
