import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, it } from 'vitest';
import { startQueueCentral, type QueueCentral } from '../support/queueCentral';
import { startQueueCounterPc, waitingIn, type QueueCounterPc } from '../support/queueCounterPc';
import { ms, report, summarize } from './stats';

// The counter panel over the real central server (SQLite) and the live events: how long a clerk
// waits for "call next" to answer with the new panel (the command, then the panel read again),
// and how long until ANOTHER counter's panel shows the queue one shorter (the engine's
// queue.changed event → that PC reads the engine again → publishes). Beside them, in the same
// run, the same server's trivial route (GET /api/v1/health) as the floor. One call at a time.

const ROUNDS = 200;
const WARM_UP = 10;
const CATEGORY = 'slaska.dowody';

let dir: string | null = null;
let central: QueueCentral | null = null;
const pcs: QueueCounterPc[] = [];

afterAll(async () => {
  for (const pc of pcs) await pc.stop();
  await central?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('call next at one counter, and the other counter’s panel following it', async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-queue-bench-'));
  central = await startQueueCentral({ file: path.join(dir, 'central.sqlite') });
  const a = await startQueueCounterPc(central, 1, 'urzednik1');
  const b = await startQueueCounterPc(central, 2, 'urzednik2');
  pcs.push(a, b);
  await a.queue.open();
  await b.queue.open();

  const health: number[] = [];
  const callNext: number[] = [];
  const otherPanel: number[] = [];
  for (let round = 0; round < ROUNDS + WARM_UP; round += 1) {
    await central.takeTicket('slaska', CATEGORY);
    await b.waitFor((panel) => waitingIn(panel, CATEGORY) === 1);

    const healthStart = performance.now();
    const answer = await fetch(`${central.url}/api/v1/health`);
    await answer.arrayBuffer();
    const healthMs = performance.now() - healthStart;

    const start = performance.now();
    // Timed when B publishes it, not when A's own answer is in.
    const seenByB = b
      .waitFor((panel) => waitingIn(panel, CATEGORY) === 0)
      .then(() => performance.now() - start);
    await a.queue.callNext();
    const calledMs = performance.now() - start;
    const seenMs = await seenByB;
    await a.queue.finish({ services: [], outcome: 'information' });

    if (round >= WARM_UP) {
      health.push(healthMs);
      callNext.push(calledMs);
      otherPanel.push(seenMs);
    }
  }

  const floor = summarize(health).p50;
  const row = (name: string, samples: number[]) => {
    const s = summarize(samples);
    return {
      what: name,
      p50: ms(s.p50),
      p95: ms(s.p95),
      p99: ms(s.p99),
      max: ms(Math.max(...samples)),
      'p50 / health': (s.p50 / floor).toFixed(1),
    };
  };
  report(`Counter panel, SQLite, ${ROUNDS} calls one at a time`, [
    row('GET /api/v1/health (floor)', health),
    row('queue:callNext → new panel (clerk A)', callNext),
    row('A calls → B’s panel one shorter (live event)', otherPanel),
  ]);
});
