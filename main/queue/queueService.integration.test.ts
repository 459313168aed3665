import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startQueueCentral, type QueueCentral } from '../../test/support/queueCentral';
import { startQueueCounterPc, waitingIn } from '../../test/support/queueCounterPc';

// Two counter PCs on one real central server (server/, SQLite): what one clerk does reaches the
// other's panel through the live events, not through polling (set to 10 minutes here).

/** "Within a second or two", with room for a loaded CI machine. */
const PROMPTLY = { timeout: 2000, interval: 10 };

let dir: string;
let central: QueueCentral;
const stops: (() => Promise<void>)[] = [];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-queue-it-'));
  central = await startQueueCentral({ file: path.join(dir, 'central.sqlite') });
});

afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  await central.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function counterPc(counterNumber: number, login: string) {
  const pc = await startQueueCounterPc(central, counterNumber, login);
  stops.push(() => pc.stop());
  return pc;
}

describe('two counters on one central queue engine', () => {
  it("clerk A calls the next ticket; clerk B's panel shows one fewer waiting, from the live event", async () => {
    const a = await counterPc(1, 'urzednik1');
    const b = await counterPc(2, 'urzednik2');
    expect((await a.queue.open()).counter).toMatchObject({ state: 'open', number: 1 });
    await b.queue.open();

    const first = await central.takeTicket('slaska', 'slaska.dowody');
    await central.takeTicket('slaska', 'slaska.dowody');
    await central.takeTicket('slaska', 'slaska.meldunki');
    // The kiosk's tickets reach both panels by the live events alone.
    await vi.waitFor(() => expect(waitingIn(b.latest(), 'slaska.dowody')).toBe(2), PROMPTLY);
    await vi.waitFor(() => expect(waitingIn(a.latest(), 'slaska.dowody')).toBe(2), PROMPTLY);

    const called = await a.queue.callNext();
    expect(called.counter?.currentTicket).toMatchObject({
      number: first.ticket.number,
      categoryId: 'slaska.dowody',
      status: 'called',
    });
    expect(waitingIn(called, 'slaska.dowody')).toBe(1);

    await vi.waitFor(() => expect(waitingIn(b.latest(), 'slaska.dowody')).toBe(1), PROMPTLY);
    expect(waitingIn(b.latest(), 'slaska.meldunki')).toBe(1);
    // B sees A's counter with the ticket at it, for a transfer, and never a resident's name.
    expect(b.latest()?.counters.find((c) => c.number === 1)).toMatchObject({ state: 'open' });
    expect(JSON.stringify(b.latest())).not.toMatch(/Kowalska/);
  });

  it("the engine's refusals come back typed: a no-show too early, a closed counter", async () => {
    const a = await counterPc(1, 'urzednik1');
    await expect(a.queue.callNext()).rejects.toMatchObject({ code: 'counter-closed' });
    await a.queue.open();
    await central.takeTicket('slaska', 'slaska.dowody');
    await a.queue.callNext();
    await expect(a.queue.noShow()).rejects.toMatchObject({ code: 'no-show-too-early' });
    const finished = await a.queue.finish({ services: [], outcome: 'information' });
    expect(finished.counter).toMatchObject({ currentTicket: null, servedToday: 1 });
  });
});
