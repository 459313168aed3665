import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../../common/contract/central/reference';
import { systemClock } from '../app/clock';
import { createAuthService } from '../auth/authService';
import { openDatabase } from '../db';
import { ServiceError } from '../ipc/serviceError';
import { createSilentLogger } from '../logging/logger';
import { createReferenceCache } from '../reference/referenceCache';
import { createCentralClient, type CentralClient, type CentralSyncClient } from './centralClient';
import { createOutbox } from './outbox';
import { countOutbox, listFailed } from './outboxQueries';
import { createSyncEngine, type SyncEngineOptions } from './syncEngine';
import { readSyncState } from './syncStateQueries';
import { bundleForNode } from '../../test/support/bundleForNode';
import { startHoldingProxy } from '../../test/support/holdingProxy';
import { createManualTime, settle } from '../../test/support/manualTime';
import { startRealCentral, type RealCentral } from '../../test/support/realCentral';
import { enqueueVisits, manualVisit } from '../../test/support/syncFixtures';

// The workstation's sync against the real central server (server/), on SQLite files in a
// temporary folder: what reaches the server, how often, and what the PC keeps.

let dir: string;
let central: RealCentral;
let token: string | null;
const opened: Database.Database[] = [];
const logger = createSilentLogger();

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-sync-it-'));
  central = await startRealCentral({ file: path.join(dir, 'central.sqlite') });
  token = await central.registerWorkstation('slaska', 3);
});

afterEach(async () => {
  await central.stop();
  for (const db of opened.splice(0)) if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function openPc(): Database.Database {
  const db = openDatabase(path.join(dir, 'okienko.sqlite')).db;
  opened.push(db);
  return db;
}

function client(): CentralClient {
  return createCentralClient({
    baseUrl: central.url(),
    fetchFn: fetch,
    clock: systemClock,
    workstationToken: () => token,
  });
}

function engineFor(
  db: Database.Database,
  syncClient: CentralSyncClient = client(),
  overrides: Partial<SyncEngineOptions> = {},
) {
  return createSyncEngine({
    db,
    client: syncClient,
    clock: systemClock,
    logger,
    publish: () => {},
    ...overrides,
  });
}

function countIn<T>(list: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of list) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

describe('push against the real central server', () => {
  it('delivers 1,200 mutations in batches of 500; the server keeps each once', async () => {
    const db = openPc();
    const ids = enqueueVisits(db, systemClock, () => crypto.randomUUID(), 1200);

    const status = await engineFor(db).syncNow();

    expect(status).toMatchObject({ online: true, pending: 0, failed: 0, lastError: null });
    const kept = await central.manualVisitIds();
    expect(kept).toHaveLength(1200);
    expect(new Set(kept)).toEqual(new Set(ids));
  });

  it('keeps a mutation the server refuses as failed, with the server’s reason, and delivers the others', async () => {
    const db = openPc();
    const newId = () => crypto.randomUUID();
    const [first] = enqueueVisits(db, systemClock, newId, 1);
    const wrongSite = db.transaction(() =>
      createOutbox({ db, clock: systemClock, newId, onEnqueued: () => {} }).enqueue({
        type: 'visit.recordManual',
        payload: manualVisit(2, { siteId: 'focha' }),
      }),
    )();
    const [third] = enqueueVisits(db, systemClock, newId, 1, 3);
    const engine = engineFor(db);

    const status = await engine.syncNow();

    expect(status).toMatchObject({ pending: 0, failed: 1 });
    expect(new Set(await central.manualVisitIds())).toEqual(new Set([first, third]));
    const [failed] = engine.failedMutations();
    expect(failed?.id).toBe(wrongSite);
    expect(failed?.reason).toMatch(/site "focha".*site "slaska"/);

    // Sent again as it is, it is refused again (under its new id), and stays visible.
    expect(engine.retryFailed(wrongSite, 'urzednik1')).toBe(true);
    expect(await engine.syncNow()).toMatchObject({ pending: 0, failed: 1 });
    const [again] = engine.failedMutations();
    expect(again?.id).not.toBe(wrongSite);
    expect(again?.attempts).toBe(2);
    expect(engine.discardFailed(again!.id, 'kierownik')).toBe(true);
    expect(engine.status()).toMatchObject({ pending: 0, failed: 0 });
  });

  it('after a crash between the server applying a batch and the PC recording it, resends it: each mutation once', async () => {
    const db = openPc();
    const ids = enqueueVisits(db, systemClock, () => crypto.randomUUID(), 700);
    const real = client();
    let applied!: () => void;
    const batchApplied = new Promise<void>((resolve) => (applied = resolve));
    // The PC's first life ends while the answer to its first batch is on its way.
    const dying: CentralSyncClient = {
      pull: real.pull,
      push: async (mutations) => {
        await real.push(mutations);
        applied();
        return new Promise(() => {});
      },
    };
    void engineFor(db, dying).syncNow();
    await batchApplied;
    expect(await central.manualVisitIds()).toHaveLength(500);
    db.close();

    const reopened = openPc();
    expect(countOutbox(reopened).pending).toBe(700);
    const status = await engineFor(reopened).syncNow();

    expect(status).toMatchObject({ pending: 0, failed: 0 });
    const kept = await central.manualVisitIds();
    expect(kept).toHaveLength(700);
    expect(new Set(kept)).toEqual(new Set(ids));
    const answers = await central.mutationAnswers();
    expect([...countIn(answers.map((answer) => answer.id)).values()].every((n) => n === 1)).toBe(
      true,
    );
  });

  it('keeps writing 10,000 mutations while the server is down, and delivers each exactly once when it is back', async () => {
    const db = openPc();
    const time = createManualTime();
    const engine = engineFor(db, client(), {
      timers: time.timers,
      debounceMs: 10,
      backoff: { baseMs: 100, maxMs: 1000 },
    });
    const outbox = createOutbox({
      db,
      clock: systemClock,
      newId: () => crypto.randomUUID(),
      onEnqueued: engine.notifyEnqueued,
    });
    engine.start();
    const ids: string[] = [];
    const write = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        const n = ids.length + 1;
        ids.push(
          db.transaction(() =>
            outbox.enqueue({ type: 'visit.recordManual', payload: manualVisit(n) }),
          )(),
        );
        // Each hundred: let the engine's debounced push start, as the clerk's pace would.
        if (n % 100 === 0) await time.advance(10);
      }
    };

    await write(3000);
    expect((await central.manualVisitIds()).length).toBeGreaterThan(0);
    await central.stop();
    await write(4000);
    await time.advance(2000);
    expect(engine.status()).toMatchObject({ online: false });
    await central.start();
    await write(3000);
    engine.centralReachable();
    await engine.syncNow();
    await engine.stop();

    expect(countOutbox(db)).toEqual({ pending: 0, failed: 0 });
    const kept = await central.manualVisitIds();
    expect(kept).toHaveLength(10_000);
    expect(new Set(kept)).toEqual(new Set(ids));
  });

  it('changes nothing and loses nothing when the server does not know this workstation', async () => {
    const db = openPc();
    enqueueVisits(db, systemClock, () => crypto.randomUUID(), 3);
    token = 'not-a-token-the-server-issued';

    const status = await engineFor(db).syncNow();

    expect(status).toMatchObject({ online: true, pending: 3, failed: 0 });
    expect(status.lastError).not.toBeNull();
    expect(listFailed(db)).toEqual([]);
    expect(await central.manualVisitIds()).toEqual([]);
  });
});

describe('pull against the real central server', () => {
  it('mirrors the demo reference data page by page, keeps the cursor across a restart, and later brings only what changed', async () => {
    const db = openPc();
    await engineFor(db, client(), { pullPageLimit: 7 }).syncNow();
    const cache = createReferenceCache(db, logger);
    const sites = cache.list('site');
    expect(sites.map((site) => site.id)).toEqual(
      expect.arrayContaining(['slaska', 'waszyngtona', 'focha']),
    );
    expect(cache.list('caseType').length).toBeGreaterThan(0);
    const cursor = readSyncState(db).pullCursor;
    expect(BigInt(cursor)).toBeGreaterThan(0n);
    db.close();

    // An admin renames a site on the server while the PC is off.
    const admin = await client().login({ login: 'admin', password: 'demo' });
    if (!admin.ok) throw new Error(admin.failure.message);
    const focha = sites.find((site) => site.id === 'focha')!;
    const renamed: Site = { ...focha, name: 'Urzędomat, ul. Focha' };
    const put = await fetch(`${central.url()}/api/v1/admin/reference/site/focha`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin.value.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(renamed),
    });
    expect(put.status).toBe(200);

    const reopened = openPc();
    expect(readSyncState(reopened).pullCursor).toBe(cursor);
    const asked: string[] = [];
    const real = client();
    const watching: CentralSyncClient = {
      push: real.push,
      pull: (query, signal) => {
        asked.push(query.after);
        return real.pull(query, signal);
      },
    };
    await engineFor(reopened, watching).syncNow();

    expect(asked).toEqual([cursor]);
    expect(createReferenceCache(reopened, logger).get('site', 'focha')).toEqual(renamed);
  });
});

describe('login against the real central server', () => {
  it('works online, then offline for the same clerk only, with the right password only', async () => {
    const db = openPc();
    const auth = createAuthService({
      db,
      client: client(),
      clock: systemClock,
      logger,
      publish: () => {},
      demo: true,
    });

    expect(await auth.login({ login: 'urzednik1', password: 'demo' })).toMatchObject({
      offline: false,
      user: { login: 'urzednik1', roles: ['clerk'] },
    });
    await auth.logout();
    await central.stop();

    expect(await auth.login({ login: 'urzednik1', password: 'demo' })).toMatchObject({
      offline: true,
      user: { login: 'urzednik1' },
    });
    await auth.logout();
    const codeOf = async (login: string, password: string) => {
      try {
        await auth.login({ login, password });
        return 'accepted';
      } catch (error) {
        return error instanceof ServiceError ? error.code : String(error);
      }
    };
    expect(await codeOf('urzednik1', 'zle-haslo')).toBe('wrong-credentials');
    expect(await codeOf('kierownik', 'demo')).toBe('offline-unknown-user');
    await settle();
  });
});

describe('a counter PC killed in the middle of a push', () => {
  /** Runs the sync in a process of its own; resolves with its exit, and says when it is syncing. */
  function runWorker(worker: string, url: string) {
    const child = spawn(
      process.execPath,
      [worker, '--db', path.join(dir, 'okienko.sqlite'), '--url', url, '--token', token!],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    return { child, exited, output: () => output };
  }

  it('is restarted and resends: the server still has each mutation exactly once', async () => {
    const worker = await bundleForNode('test/support/pushWorker.ts', 'pushWorker');
    const db = openPc();
    const ids = enqueueVisits(db, systemClock, () => crypto.randomUUID(), 1200);
    db.close();
    const proxy = await startHoldingProxy(() => central.url());
    try {
      proxy.holdPushAnswers();
      const first = runWorker(worker, proxy.url);
      await Promise.race([
        proxy.pushHeld(),
        first.exited.then(() => {
          throw new Error(`the worker ended before its first push: ${first.output()}`);
        }),
      ]);
      // The server has applied the first batch; its answer is still on the way. Kill the PC.
      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      expect(await central.manualVisitIds()).toHaveLength(500);

      const second = runWorker(worker, central.url());
      expect((await second.exited).code, second.output()).toBe(0);
      expect(second.output()).toMatch(/okienko-worker:done .*"pending":0/);
    } finally {
      await proxy.close();
    }

    const kept = await central.manualVisitIds();
    expect(kept).toHaveLength(1200);
    expect(new Set(kept)).toEqual(new Set(ids));
    const reopened = openPc();
    expect(countOutbox(reopened)).toEqual({ pending: 0, failed: 0 });
  });
});
