import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SupervisorView } from '../../common/contract';
import type { LiveEvent } from '../../common/contract/central/liveEvents';
import type { SupervisorOverview } from '../../common/contract/central/supervisor';
import { createIpcDispatcher, type ChannelHandlers } from '../ipc/ipcDispatcher';
import type { CentralResult } from '../sync/centralHttp';
import { counterMessageFor } from './counterMessageRelay';
import { supervisorChannelHandlers } from './supervisorChannelHandlers';
import type { SupervisorClient } from './supervisorClient';
import {
  createSupervisorService,
  type SupervisorServiceOptions,
  type SupervisorSession,
} from './supervisorService';

const NOW = new Date('2026-03-02T13:00:00.000Z');

/** An overview with nothing in it but what a test looks at. */
function overview(siteName = 'Śląska'): SupervisorOverview {
  return {
    siteId: 'slaska',
    siteName,
    now: NOW.toISOString(),
    day: '2026-03-02',
    hours: null,
    targetWaitMinutes: 20,
    counters: [],
    queues: [],
    waitingTickets: [],
    figures: {
      issued: 0,
      served: 0,
      noShows: 0,
      transfers: 0,
      wait: { count: 0, medianMinutes: null, p90Minutes: null },
      service: { count: 0, medianMinutes: null, p90Minutes: null },
      withinTarget: { targetMinutes: 20, within: 0, of: 0, share: null },
    },
    clerks: [],
    timeline: [],
    forecast: {
      status: 'closed',
      waiting: 0,
      openCounters: 0,
      serviceMinutes: 10,
      emptyAt: null,
      closesAt: null,
      marginMinutes: null,
      cutoff: '15:00',
      atRiskTickets: 0,
    },
    alerts: [],
    payments: {
      available: true,
      terminals: [],
      methods: [],
      totalGrosze: 0,
      reconciliation: 'not-run',
    },
    locker: { available: false, depositsToday: 0, expiringSoon: 0, expired: 0 },
    actions: [],
  };
}

const supervisor: SupervisorSession = {
  login: 'kierownik',
  roles: ['supervisor'],
  offline: false,
  token: 'session-token',
};
const clerk: SupervisorSession = { ...supervisor, login: 'urzednik1', roles: ['clerk'] };

/** Timers a test fires by hand. */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let next = 1;
  return {
    setTimeout(callback: () => void, ms: number) {
      const handle = next++;
      pending.set(handle, { callback, ms });
      return handle;
    },
    clearTimeout(handle: unknown) {
      pending.delete(handle as number);
    },
    /** Fires the timers of exactly this delay. */
    fire(ms: number) {
      for (const [handle, timer] of [...pending]) {
        if (timer.ms !== ms) continue;
        pending.delete(handle);
        timer.callback();
      }
    },
    count: (ms: number) => [...pending.values()].filter((timer) => timer.ms === ms).length,
  };
}

const ok = <T>(value: T): CentralResult<T> => ({ ok: true, value });
const action = ok({
  action: {
    id: 'a1',
    siteId: 'slaska',
    kind: 'message-sent' as const,
    actor: 'kierownik',
    at: NOW.toISOString(),
    counterId: 'slaska.1',
    ticketNumber: null,
    details: {},
  },
});

function setup(
  options: { session?: SupervisorSession | null; pickFolder?: () => Promise<string | null> } = {},
) {
  let session = options.session === undefined ? supervisor : options.session;
  const client = {
    overview: vi.fn(async () => ok(overview())),
    setCounterCategories: vi.fn(async () => action),
    setCounterState: vi.fn(async () => action),
    moveTicket: vi.fn(async () => action),
    sendMessage: vi.fn(async () => action),
    download: vi.fn<SupervisorClient['download']>(async (_site, what) =>
      ok({
        fileName: 'table' in what ? `okienko-slaska-2026-03-02-${what.table}.csv` : 'raport.pdf',
        mimeType: 'text/csv',
        bytes: Buffer.from('numer;kategoria\r\n', 'utf8'),
      }),
    ),
  };
  const views: SupervisorView[] = [];
  const timers = manualTimers();
  const serviceOptions: SupervisorServiceOptions = {
    client,
    siteId: 'slaska',
    session: () => session,
    clock: { now: () => NOW },
    publish: (view) => views.push(view),
    saver: options.pickFolder ? { pickFolder: options.pickFolder } : {},
    logger: { warn: () => undefined },
    timers,
  };
  const service = createSupervisorService(serviceOptions);
  return {
    service,
    client,
    views,
    timers,
    logIn(next: SupervisorSession | null) {
      session = next;
    },
  };
}

const queueChanged = (siteId: string): LiveEvent => ({
  id: '1',
  type: 'queue.changed',
  at: NOW.toISOString(),
  data: {
    siteId,
    change: 'ticket-called',
    ticketId: null,
    ticketNumber: null,
    counterId: null,
    counterNumber: null,
  },
});

describe('the supervisor service in main', () => {
  it('refuses a clerk on every channel without asking the server', async () => {
    const { service, client } = setup({ session: clerk });
    const handlers = supervisorChannelHandlers(service) as unknown as ChannelHandlers;
    const dispatch = createIpcDispatcher(handlers, {
      error: () => undefined,
      warn: () => undefined,
    });
    const calls = [
      ['supervisor:overview', {}],
      ['supervisor:sendMessage', { counterId: 'slaska.1', text: 'hej' }],
      ['supervisor:setCounterState', { counterId: 'slaska.1', state: 'closed' }],
      ['supervisor:export', { format: 'csv' }],
    ] as const;
    for (const [channel, payload] of calls) {
      const answer = await dispatch(channel, payload);
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(client.overview).not.toHaveBeenCalled();
    expect(client.sendMessage).not.toHaveBeenCalled();
  });

  it('asks nobody logged in, and an offline session, to log in', async () => {
    await expect(setup({ session: null }).service.overview()).rejects.toMatchObject({
      code: 'not-logged-in',
    });
    await expect(
      setup({ session: { ...supervisor, offline: true, token: null } }).service.overview(),
    ).rejects.toMatchObject({ code: 'offline-session' });
  });

  it('asks again once for a burst of live events of its site, and pushes the view', async () => {
    const { service, client, views, timers } = setup();
    expect((await service.overview()).link).toBe('online');
    expect(client.overview).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i += 1) service.liveEvent(queueChanged('slaska'));
    service.liveEvent(queueChanged('focha'));
    expect(timers.count(200)).toBe(1);
    timers.fire(200);
    await vi.waitFor(() => expect(client.overview).toHaveBeenCalledTimes(2));
    expect(views.at(-1)).toMatchObject({ link: 'online', overview: { siteId: 'slaska' } });

    // Another site's event asks nothing.
    service.liveEvent(queueChanged('focha'));
    expect(timers.count(200)).toBe(0);
  });

  it('asks again when a counter PC of its site reports a device change', async () => {
    const { service, client, timers } = setup();
    await service.overview();
    const deviceChanged = (siteId: string): LiveEvent => ({
      id: '2',
      type: 'workstation.status',
      at: NOW.toISOString(),
      data: { workstationId: 'pc-1', siteId, counterNumber: 1 },
    });
    service.liveEvent(deviceChanged('focha'));
    expect(timers.count(200)).toBe(0);
    service.liveEvent(deviceChanged('slaska'));
    timers.fire(200);
    await vi.waitFor(() => expect(client.overview).toHaveBeenCalledTimes(2));
  });

  it('keeps the last overview when the server stops answering, and says so', async () => {
    const { service, client } = setup();
    await service.overview();
    client.overview.mockResolvedValueOnce({
      ok: false,
      failure: { kind: 'unreachable', message: 'ECONNREFUSED', status: null },
    });
    const view = await service.overview();
    expect(view).toMatchObject({
      link: 'offline',
      problemCode: 'central-unreachable',
      overview: { siteName: 'Śląska' },
    });
  });

  it('runs an action, then answers the overview after it', async () => {
    const { service, client } = setup();
    const view = await service.sendMessage({ counterId: 'slaska.1', text: 'Proszę o przerwę' });
    expect(client.sendMessage).toHaveBeenCalledWith(
      'slaska',
      'slaska.1',
      { text: 'Proszę o przerwę' },
      'session-token',
    );
    expect(view.link).toBe('online');
    client.moveTicket.mockResolvedValueOnce({
      ok: false,
      failure: {
        kind: 'rejected',
        status: 409,
        code: 'conflict',
        message: 'The ticket is at a counter',
        issues: [],
        reason: 'ticket-not-waiting',
      },
    });
    await expect(
      service.moveTicket({ ticketId: '0b9e3d3c-4b0f-4a53-9d0e-111111111111', toCategoryId: 'x' }),
    ).rejects.toMatchObject({ code: 'refused', message: 'The ticket is at a counter' });
  });

  it('empties the window when the supervisor logs out', async () => {
    const { service, views, logIn } = setup();
    await service.overview();
    logIn(null);
    service.sessionChanged();
    expect(views.at(-1)).toEqual({
      link: 'refused',
      problemCode: 'not-logged-in',
      overview: null,
      updatedAt: null,
    });
  });

  describe('exports', () => {
    let folder: string | null = null;
    afterEach(() => {
      if (folder) rmSync(folder, { recursive: true, force: true });
      folder = null;
    });

    it('hands the browser host the files to download: every table as CSV', async () => {
      const { service } = setup();
      const result = await service.export({ format: 'csv' });
      expect(result.outcome).toBe('download');
      if (result.outcome !== 'download') return;
      expect(result.files.map((file) => file.fileName)).toEqual(
        ['tickets', 'counters', 'clerks', 'categories', 'timeline', 'payments', 'actions'].map(
          (table) => `okienko-slaska-2026-03-02-${table}.csv`,
        ),
      );
      expect(Buffer.from(result.files[0]!.contentBase64, 'base64').toString('utf8')).toContain(
        'numer;kategoria',
      );
    });

    it('hands over the shift report as one PDF', async () => {
      const { service, client } = setup();
      const result = await service.export({ format: 'pdf', day: '2026-02-27' });
      expect(client.download).toHaveBeenCalledWith(
        'slaska',
        { report: true },
        '2026-02-27',
        'session-token',
      );
      expect(result).toMatchObject({
        outcome: 'download',
        files: [{ fileName: 'raport.pdf', mimeType: 'application/pdf' }],
      });
    });

    it('saves into the folder the supervisor picks, and does nothing when cancelled', async () => {
      folder = mkdtempSync(path.join(tmpdir(), 'okienko-export-'));
      const picked = folder;
      const { service } = setup({ pickFolder: async () => picked });
      const saved = await service.export({ format: 'csv', day: '2026-03-02' });
      expect(saved).toMatchObject({ outcome: 'saved', folder: picked });
      expect(readdirSync(picked)).toHaveLength(7);
      expect(
        readFileSync(path.join(picked, 'okienko-slaska-2026-03-02-tickets.csv'), 'utf8'),
      ).toContain('numer');
      const cancelled = setup({ pickFolder: async () => null });
      expect(await cancelled.service.export({ format: 'pdf' })).toEqual({ outcome: 'cancelled' });
      expect(cancelled.client.download).not.toHaveBeenCalled();
    });
  });
});

describe('a message to a counter', () => {
  const message = (counterNumber: number, siteId = 'slaska'): LiveEvent => ({
    id: '7',
    type: 'counter.message',
    at: NOW.toISOString(),
    data: {
      messageId: '0b9e3d3c-4b0f-4a53-9d0e-222222222222',
      siteId,
      counterId: `${siteId}.${counterNumber}`,
      counterNumber,
      text: 'Proszę przejąć kolejkę B.',
      from: 'Kierownik Zmiany',
      at: NOW.toISOString(),
    },
  });
  const here = { siteId: 'slaska', counterNumber: 2 };

  it('reaches only the PC at that counter of that site', () => {
    expect(counterMessageFor(message(2), here)?.text).toBe('Proszę przejąć kolejkę B.');
    expect(counterMessageFor(message(3), here)).toBeNull();
    expect(counterMessageFor(message(2, 'focha'), here)).toBeNull();
    expect(counterMessageFor(queueChanged('slaska'), here)).toBeNull();
  });
});
