import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CounterMessage } from '../../common/contract/central/supervisor';
import type { SupervisorView } from '../../common/contract';
import { systemClock } from '../app/clock';
import { openDatabase } from '../db';
import { createSilentLogger } from '../logging/logger';
import { createLiveEventsClient } from '../sync/liveEventsClient';
import { startQueueCentral, type QueueCentral } from '../../test/support/queueCentral';
import { startQueueCounterPc, type QueueCounterPc } from '../../test/support/queueCounterPc';
import { counterMessageFor } from './counterMessageRelay';
import { createSupervisorClient } from './supervisorClient';
import { createSupervisorService, type SupervisorService } from './supervisorService';

// The supervisor's PC against the real central server and its live events: a resident takes a
// ticket, a clerk calls it at counter 1, and the supervisor's window follows each step without
// asking; then a message to counter 1 and the day's exports.

describe('the supervisor’s window over the real central server', () => {
  let dir: string;
  let central: QueueCentral;
  let counter: QueueCounterPc;
  let supervisor: SupervisorService;
  let stopLive: () => Promise<void>;
  const views: SupervisorView[] = [];
  const messagesForCounter1: CounterMessage[] = [];
  let client: ReturnType<typeof createSupervisorClient>;
  let workstationToken: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-supervisor-it-'));
    central = await startQueueCentral({ file: path.join(dir, 'central.sqlite') });
    counter = await startQueueCounterPc(central, 1, 'urzednik1');
    workstationToken = await central.registerWorkstation('slaska', 8);
    const sessionToken = await central.logIn('kierownik');
    const db = openDatabase(':memory:').db;
    const logger = createSilentLogger();
    const live = createLiveEventsClient({
      db,
      baseUrl: central.url,
      workstationToken: () => workstationToken,
      logger,
      requestPull: () => {},
    });
    client = createSupervisorClient({
      baseUrl: central.url,
      fetchFn: fetch,
      clock: systemClock,
      workstationToken: () => workstationToken,
    });
    supervisor = createSupervisorService({
      client,
      siteId: 'slaska',
      session: () => ({
        login: 'kierownik',
        roles: ['supervisor'],
        offline: false,
        token: sessionToken,
      }),
      clock: systemClock,
      publish: (view) => views.push(view),
      saver: {},
      logger,
      pollMs: 10 * 60_000,
    });
    live.onEvent((event) => {
      supervisor.liveEvent(event);
      const message = counterMessageFor(event, { siteId: 'slaska', counterNumber: 1 });
      if (message) messagesForCounter1.push(message);
    });
    live.start();
    await vi.waitFor(() => {
      if (live.state() !== 'connected') throw new Error('live events not connected yet');
    }, 10_000);
    stopLive = async () => {
      await live.stop();
      db.close();
    };
  });
  afterAll(async () => {
    supervisor?.stop();
    await stopLive?.();
    await counter?.stop();
    await central?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const latest = () => views.at(-1)?.overview;

  it('follows a ticket taken and called, from the live events alone', async () => {
    expect((await supervisor.overview()).link).toBe('online');
    const { ticket } = await central.takeTicket('slaska', 'slaska.dowody');
    await vi.waitFor(() => {
      const dowody = latest()?.queues.find((queue) => queue.categoryId === 'slaska.dowody');
      expect(dowody?.waiting).toBe(1);
      expect(latest()?.figures.issued).toBe(1);
    }, 5_000);

    await counter.queue.open();
    await counter.queue.callNext();
    await vi.waitFor(() => {
      const first = latest()?.counters.find((entry) => entry.number === 1);
      expect(first).toMatchObject({
        activity: 'calling',
        clerk: { login: 'urzednik1' },
        ticket: { number: ticket.number },
      });
    }, 5_000);
  });

  it('sends a message that reaches counter 1 as a live event', async () => {
    const view = await supervisor.sendMessage({ counterId: 'slaska.1', text: 'Proszę o telefon' });
    expect(view.overview?.actions[0]).toMatchObject({ kind: 'message-sent', actor: 'kierownik' });
    await vi.waitFor(
      () => expect(messagesForCounter1.at(-1)?.text).toBe('Proszę o telefon'),
      5_000,
    );
  });

  it('exports the day: seven CSV tables, or the PDF report', async () => {
    const csv = await supervisor.export({ format: 'csv' });
    expect(csv.outcome).toBe('download');
    if (csv.outcome !== 'download') return;
    expect(csv.files).toHaveLength(7);
    const tickets = csv.files.find((file) => file.fileName.endsWith('-tickets.csv'))!;
    expect(Buffer.from(tickets.contentBase64, 'base64').toString('utf8')).toMatch(/^\uFEFFnumer;/);

    const pdf = await supervisor.export({ format: 'pdf' });
    if (pdf.outcome !== 'download') throw new Error('expected a download');
    expect(Buffer.from(pdf.files[0]!.contentBase64, 'base64').subarray(0, 5).toString()).toBe(
      '%PDF-',
    );
  });

  it('is refused by the server for a clerk’s session too', async () => {
    const clerkSession = await central.logIn('urzednik2');
    const answer = await client.overview('slaska', clerkSession);
    expect(answer).toMatchObject({ ok: false, failure: { kind: 'rejected', status: 403 } });
  });
});
