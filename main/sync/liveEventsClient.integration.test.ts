import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../common/contract';
import type { LiveEvent } from '../../common/contract/central/liveEvents';
import type { Department, Site } from '../../common/contract/central/reference';
import { systemClock } from '../app/clock';
import { createEventHub } from '../app/eventHub';
import { openDatabase } from '../db';
import { createSilentLogger } from '../logging/logger';
import { createReferenceCache } from '../reference/referenceCache';
import { createCentralClient } from './centralClient';
import { createLiveEventsClient } from './liveEventsClient';
import { createSyncEngine } from './syncEngine';
import { createSyncServices } from './syncServices';
import { readSyncState, recordLiveEventCursor } from './syncStateQueries';
import { startRealCentral, type RealCentral } from '../../test/support/realCentral';

// Live events from the real central server (server/, on a SQLite file) to a counter PC's mirror:
// what an admin changes reaches the PC without waiting for its periodic pull. The periodic pull
// is set to 10 minutes here, so only the live path can bring a change within the deadline.

const NO_POLL = { intervalMs: 10 * 60_000 };
const FAST_RETRY = { backoff: { baseMs: 20, maxMs: 200 } };
/** "Within a second or two": the deadline a clerk would notice. */
const PROMPTLY = { timeout: 2000, interval: 10 };
/** For what the test waits on but does not claim a time for (a loaded CI machine is slow). */
const SOON = { timeout: 10_000, interval: 10 };

let dir: string;
let central: RealCentral;
let token: string | null;
const opened: Database.Database[] = [];
const stops: (() => Promise<void>)[] = [];
const logger = createSilentLogger();

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-live-it-'));
  central = await startRealCentral({ file: path.join(dir, 'central.sqlite') });
  token = await central.registerWorkstation('slaska', 3);
});

afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  await central.stop();
  for (const db of opened.splice(0)) if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function openPc(): Database.Database {
  const db = openDatabase(path.join(dir, 'okienko.sqlite')).db;
  opened.push(db);
  return db;
}

function centralClient() {
  return createCentralClient({
    baseUrl: central.url(),
    fetchFn: fetch,
    clock: systemClock,
    workstationToken: () => token,
  });
}

/** The sync engine and the live events client of one PC, wired as syncServices wires them. */
function startPc(db: Database.Database) {
  const pulls: string[] = [];
  const real = centralClient();
  let live: ReturnType<typeof createLiveEventsClient> | null = null;
  const engine = createSyncEngine({
    ...NO_POLL,
    db,
    client: {
      push: real.push,
      pull: (query, signal) => {
        pulls.push(query.after);
        return real.pull(query, signal);
      },
    },
    clock: systemClock,
    logger,
    publish: () => {},
    liveState: () => live?.state() ?? 'off',
    onFeedReplaced: () => live?.feedReplaced(),
  });
  const events: LiveEvent[] = [];
  live = createLiveEventsClient({
    ...FAST_RETRY,
    db,
    baseUrl: central.url(),
    workstationToken: () => token,
    logger,
    requestPull: () => void engine.syncNow(),
    pullDebounceMs: 20,
  });
  live.onEvent((event) => events.push(event));
  const liveClient = live;
  engine.start();
  liveClient.start();
  const stop = async () => {
    await liveClient.stop();
    await engine.stop();
  };
  stops.push(stop);
  return { engine, live: liveClient, events, pulls, stop };
}

async function adminHeaders(): Promise<Record<string, string>> {
  const admin = await centralClient().login({ login: 'admin', password: 'demo' });
  if (!admin.ok) throw new Error(admin.failure.message);
  return { authorization: `Bearer ${admin.value.token}`, 'content-type': 'application/json' };
}

/** What an admin does in the central server's admin screens: PUT one reference entity. */
async function adminPut(entity: 'site' | 'department', id: string, data: Site | Department) {
  const response = await fetch(`${central.url()}/api/v1/admin/reference/${entity}/${id}`, {
    method: 'PUT',
    headers: await adminHeaders(),
    body: JSON.stringify(data),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

const department = (id: string, name: string): Department => ({
  id,
  name,
  unitSymbol: 'TST',
  demo: false,
});

describe('live events from the real central server', () => {
  it('bring an admin’s reference change into the PC’s mirror within seconds, without the periodic pull', async () => {
    const db = openPc();
    const hub = createEventHub();
    const statuses: unknown[] = [];
    hub.subscribe((event: EventName, payload) => {
      if (event === 'sync:statusChanged') statuses.push(payload);
    });
    const services = createSyncServices({
      db,
      clock: systemClock,
      logger,
      hub,
      fetchFn: fetch,
      baseUrl: central.url(),
      workstationToken: token,
      demo: true,
      engine: NO_POLL,
      live: FAST_RETRY,
    });
    const heard: LiveEvent[] = [];
    services.onLiveEvent((event) => heard.push(event));
    services.start();
    stops.push(() => services.stop());
    const cache = createReferenceCache(db, logger);
    await vi.waitFor(() => expect(cache.get('site', 'focha')).not.toBeNull(), SOON);
    await vi.waitFor(() => expect(services.engine.status().live).toBe('connected'), SOON);
    expect(statuses.at(-1)).toMatchObject({ live: 'connected' });

    const focha = cache.get('site', 'focha') as Site;
    const renamed: Site = { ...focha, name: 'Urzędomat, ul. Focha (na żywo)' };
    await adminPut('site', 'focha', renamed);

    await vi.waitFor(() => expect(cache.get('site', 'focha')).toEqual(renamed), PROMPTLY);
    expect(heard).toMatchObject([
      { type: 'reference.changed', data: { entity: 'site', id: 'focha' } },
    ]);
    expect(readSyncState(db).liveEventCursor).toBe(heard[0]?.id);
  });

  it('after a restart of the PC, resume after the last event handled: nothing twice, nothing missed', async () => {
    const db = openPc();
    const first = startPc(db);
    await vi.waitFor(() => expect(first.live.state()).toBe('connected'), SOON);
    await adminPut('department', 'live-1', department('live-1', 'Pierwszy'));
    await adminPut('department', 'live-2', department('live-2', 'Drugi'));
    await vi.waitFor(() => expect(first.events).toHaveLength(2), SOON);
    await first.stop();
    const lastHandled = readSyncState(db).liveEventCursor;
    expect(lastHandled).toBe(first.events.at(-1)?.id);

    // Written while the PC is off: the resumed stream replays it.
    await adminPut('department', 'live-3', department('live-3', 'Trzeci'));
    const second = startPc(db);
    await vi.waitFor(() => expect(second.events).toHaveLength(1), SOON);
    await adminPut('department', 'live-4', department('live-4', 'Czwarty'));
    await vi.waitFor(() => expect(second.events).toHaveLength(2), SOON);

    const ids = [...first.events, ...second.events].map((event) => event.id);
    expect(new Set(ids).size).toBe(4);
    expect(second.events.every((event) => BigInt(event.id) > BigInt(lastHandled!))).toBe(true);
    expect(second.events.map((event) => event.data.id)).toEqual(['live-3', 'live-4']);
    await vi.waitFor(
      () => expect(createReferenceCache(db, logger).get('department', 'live-4')).not.toBeNull(),
      SOON,
    );
  });

  it('when the server cannot resume (4410, an id it never issued), reconnect without after and pull', async () => {
    const db = openPc();
    recordLiveEventCursor(db, '999999');
    const pc = startPc(db);
    // The engine's own first round, then the pull the reconnection without `after` asks for.
    await vi.waitFor(() => expect(pc.pulls.length).toBeGreaterThanOrEqual(2), SOON);
    await vi.waitFor(() => expect(pc.live.state()).toBe('connected'), SOON);
    expect(readSyncState(db).liveEventCursor).toBeNull();

    await adminPut('department', 'after-4410', department('after-4410', 'Po 4410'));
    await vi.waitFor(() => expect(pc.events).toHaveLength(1), SOON);
    expect(BigInt(pc.events[0]!.id)).toBeLessThan(999999n);
    expect(readSyncState(db).liveEventCursor).toBe(pc.events[0]!.id);
  });

  it('when the server comes back on a fresh store (a new feed), drop the mirror and pull the new one', async () => {
    const db = openPc();
    const pc = startPc(db);
    const cache = createReferenceCache(db, logger);
    await vi.waitFor(() => expect(pc.live.state()).toBe('connected'), SOON);
    // Enough writes that the old feed's cursor is past the end of the new one.
    for (let n = 1; n <= 5; n += 1) {
      await adminPut('department', `old-${n}`, department(`old-${n}`, `Stary ${n}`));
    }
    await vi.waitFor(() => expect(cache.get('department', 'old-5')).not.toBeNull(), SOON);
    const old = readSyncState(db);
    expect(old.feedId).not.toBeNull();

    await central.stop();
    for (const suffix of ['', '-wal', '-shm'])
      fs.rmSync(path.join(dir, `central.sqlite${suffix}`), { force: true });
    await central.start();
    token = await central.registerWorkstation('slaska', 3);

    // No periodic pull: the live link's reconnection finds the new store and the pull follows.
    await vi.waitFor(() => {
      const now = readSyncState(db);
      expect(now.feedId).not.toBe(old.feedId);
      expect(now.feedId).not.toBeNull();
      expect(cache.get('department', 'old-1')).toBeNull();
    }, SOON);
    expect(cache.get('site', 'focha')).not.toBeNull();
    expect(BigInt(readSyncState(db).pullCursor)).toBeLessThan(BigInt(old.pullCursor));
    expect(pc.pulls).toContain('0');

    // And the new store's changes come live, as before.
    await vi.waitFor(() => expect(pc.live.state()).toBe('connected'), SOON);
    await adminPut('department', 'new-1', department('new-1', 'Nowy'));
    await vi.waitFor(() => expect(cache.get('department', 'new-1')).not.toBeNull(), SOON);
  });
});
