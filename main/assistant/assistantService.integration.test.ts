import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../common/contract';
import { startQueueCentral, type QueueCentral } from '../../test/support/queueCentral';
import { startQueueCounterPc } from '../../test/support/queueCounterPc';
import { systemClock } from '../app/clock';
import { createAssistantClient } from './assistantClient';
import { createAssistantService, type AssistantSession } from './assistantService';

// The desk's service against the real central server (server/, SQLite, demo data): the
// assistant `asystent` at ul. Śląska issues and redirects tickets with a checklist.

let dir: string;
let central: QueueCentral;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-assistant-it-'));
  central = await startQueueCentral({ file: path.join(dir, 'central.sqlite') });
});

afterEach(async () => {
  await central.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const checklist = {
  caseTypeId: 'dowod-osobisty',
  documents: [
    { documentId: 'zdjecie', state: 'present' as const },
    { documentId: 'stary-dowod', state: 'missing' as const },
  ],
};

function desk(session: () => AssistantSession | null, baseUrl = central.url) {
  const client = createAssistantClient({
    baseUrl,
    fetchFn: fetch,
    clock: systemClock,
    workstationToken: () => null,
    timeoutMs: 2_000,
  });
  return createAssistantService({ client, siteId: 'slaska', session });
}

describe("the Resident Assistant's desk on the central queue engine", () => {
  it('issues a priority ticket with the checklist, and says where it stands in the queue', async () => {
    const token = await central.logIn('asystent');
    const service = desk(() => ({ offline: false, token }));
    const answer = await service.issueTicket({
      categoryId: 'slaska.dowody',
      priority: true,
      checklist,
    });
    expect(answer).toMatchObject({
      outcome: 'issued',
      ticket: { number: 'A001', categoryId: 'slaska.dowody', priority: true, checklist },
      position: 1,
    });
    // What main answers, the channel's contract accepts (the dispatcher checks it too).
    expect(channels['assistant:issueTicket'].response.safeParse(answer).success).toBe(true);
  });

  it("redirects the resident's paper ticket typed loosely (`b 1`), keeping its time", async () => {
    const token = await central.logIn('asystent');
    const held = await central.takeTicket('slaska', 'slaska.meldunki');
    const service = desk(() => ({ offline: false, token }));
    const request = channels['assistant:redirectTicket'].request.parse({
      ticketNumber: 'b 1',
      toCategoryId: 'slaska.dowody',
      checklist,
    });
    expect(request.ticketNumber).toBe('B001');
    const moved = await service.redirectTicket(request);
    expect(moved.ticket).toMatchObject({
      ticketId: held.ticket.id,
      number: 'B001',
      categoryId: 'slaska.dowody',
      queuedAt: held.ticket.queuedAt,
      checklist,
    });

    await expect(
      service.redirectTicket({ ticketNumber: 'B042', toCategoryId: 'slaska.dowody', checklist }),
    ).rejects.toMatchObject({ code: 'unknown-ticket' });
  });

  it('the counter clerk who calls the redirected ticket sees the checklist on the panel', async () => {
    const token = await central.logIn('asystent');
    await central.takeTicket('slaska', 'slaska.meldunki');
    await desk(() => ({ offline: false, token })).redirectTicket({
      ticketNumber: 'B001',
      toCategoryId: 'slaska.dowody',
      checklist,
    });
    const counter = await startQueueCounterPc(central, 1, 'urzednik1');
    try {
      await counter.queue.open();
      const panel = await counter.queue.callNext();
      expect(panel.counter?.currentTicket).toMatchObject({ number: 'B001', checklist });
      // What crosses IPC to the counter window keeps it too.
      expect(
        channels['queue:callNext'].response.parse(panel).counter?.currentTicket?.checklist,
      ).toEqual(checklist);
    } finally {
      await counter.stop();
    }
  });

  it('needs an online session, and says so when the central server does not answer', async () => {
    const request = { categoryId: 'slaska.dowody', priority: false, checklist };
    await expect(desk(() => null).issueTicket(request)).rejects.toMatchObject({
      code: 'no-session',
    });
    await expect(
      desk(() => ({ offline: true, token: null })).issueTicket(request),
    ).rejects.toMatchObject({
      code: 'no-session',
    });
    await expect(
      desk(() => ({ offline: false, token: 'not-a-session' })).issueTicket(request),
    ).rejects.toMatchObject({ code: 'no-session' });
    await expect(
      desk(() => ({ offline: false, token: 'any' }), 'http://127.0.0.1:9').issueTicket(request),
    ).rejects.toMatchObject({ code: 'offline' });
  });

  it('passes on the engine’s other refusals with its words: another site’s category', async () => {
    const token = await central.logIn('asystent');
    const answer = await desk(() => ({ offline: false, token })).issueTicket({
      categoryId: 'waszyngtona.dowody',
      priority: false,
      checklist,
    });
    expect(answer).toMatchObject({ outcome: 'refused', refusal: { reason: 'unknown-category' } });
  });
});
