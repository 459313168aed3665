import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../common/contract';
import type { Change } from '../../common/contract/central/sync';
import type { Site } from '../../common/contract/central/reference';
import { openDatabase } from '../db';
import { createSilentLogger } from '../logging/logger';
import { listCachedReferences } from '../reference/referenceCacheQueries';
import type { CentralSyncClient } from './centralClient';
import { createOutbox } from './outbox';
import { countOutbox, listFailed, nextPendingBatch } from './outboxQueries';
import { createSyncEngine, type SyncEngineOptions } from './syncEngine';
import { readSyncState, recordLiveEventCursor } from './syncStateQueries';
import { createFakeCentral, type FakeCentral } from '../../test/support/fakeCentral';
import { createManualTime, settle, type ManualTime } from '../../test/support/manualTime';
import {
  enqueueVisits,
  manualVisit,
  mutationId,
  sequentialIds,
} from '../../test/support/syncFixtures';

const INTERVAL_MS = 30_000;
const DEBOUNCE_MS = 250;
const BACKOFF = { baseMs: 1000, maxMs: 60_000 };

let dir: string;
let file: string;
let db: Database.Database;
let time: ManualTime;
let central: FakeCentral;
let published: SyncStatus[];
const opened: Database.Database[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-sync-'));
  file = path.join(dir, 'okienko.sqlite');
  db = open();
  time = createManualTime();
  central = createFakeCentral();
  published = [];
});

afterEach(() => {
  for (const handle of opened.splice(0)) if (handle.open) handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(): Database.Database {
  const handle = openDatabase(file).db;
  opened.push(handle);
  return handle;
}

function engineFor(
  handle: Database.Database,
  client: CentralSyncClient = central.client,
  overrides: Partial<SyncEngineOptions> = {},
) {
  return createSyncEngine({
    db: handle,
    client,
    clock: time.clock,
    timers: time.timers,
    logger: createSilentLogger(),
    publish: (status) => published.push(status),
    random: () => 0,
    intervalMs: INTERVAL_MS,
    debounceMs: DEBOUNCE_MS,
    backoff: BACKOFF,
    ...overrides,
  });
}

function site(id: string, name: string): Site {
  return {
    id,
    name,
    address: `ul. ${name} 1, Bytom`,
    hasLocker: false,
    targetWaitMinutes: 20,
    schedule: { timetables: [], exceptions: [] },
    demo: true,
  };
}

function siteChange(seq: number, id: string, name: string): Change {
  return { entity: 'site', id, seq: String(seq), deleted: false, data: site(id, name) };
}

describe('push', () => {
  it('drains the outbox oldest first, in batches, and deletes each mutation only once the server answered', async () => {
    const ids = enqueueVisits(db, time.clock, sequentialIds(), 5);
    const engine = engineFor(db, central.client, { pushBatchLimit: 2 });

    const status = await engine.syncNow();

    expect(central.pushes).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
    expect(central.applied.map((mutation) => mutation.id)).toEqual(ids);
    expect(central.applied.map((mutation) => mutation.payload)).toEqual(
      [1, 2, 3, 4, 5].map((n) => manualVisit(n)),
    );
    expect(countOutbox(db)).toEqual({ pending: 0, failed: 0 });
    expect(status).toMatchObject({
      online: true,
      pending: 0,
      failed: 0,
      lastPushAt: time.now().toISOString(),
      lastError: null,
    });
  });

  it('keeps a mutation in the outbox while the server has not answered for it', async () => {
    const [id] = enqueueVisits(db, time.clock, sequentialIds(), 1);
    let answer: (() => void) | null = null;
    const slow: CentralSyncClient = {
      push: (mutations) =>
        new Promise((resolve) => {
          answer = () => void central.client.push(mutations).then(resolve);
        }),
      pull: central.client.pull,
    };
    const engine = engineFor(db, slow);

    const round = engine.syncNow();
    await settle();
    expect(answer).not.toBeNull();
    expect(nextPendingBatch(db, 10).map((entry) => entry.id)).toEqual([id]);

    answer!();
    await round;
    expect(countOutbox(db).pending).toBe(0);
  });

  it('marks a mutation the server rejects as failed with its reason, and sends the others', async () => {
    const ids = enqueueVisits(db, time.clock, sequentialIds(), 3);
    central.state.refuse = (mutation) =>
      mutation.id === ids[1] ? 'Stanowisko 3 nie istnieje w lokalizacji slaska.' : null;
    const engine = engineFor(db);

    const status = await engine.syncNow();

    expect(central.applied.map((mutation) => mutation.id)).toEqual([ids[0], ids[2]]);
    expect(status).toMatchObject({ pending: 0, failed: 1, lastError: null });
    expect(engine.failedMutations()).toEqual([
      {
        id: ids[1],
        type: 'visit.recordManual',
        createdAt: time.now().toISOString(),
        attempts: 1,
        reason: 'Stanowisko 3 nie istnieje w lokalizacji slaska.',
        payload: manualVisit(2),
      },
    ]);
    // Not sent again by itself: it waits for a person.
    await engine.syncNow();
    expect(central.pushes.flat().filter((id) => id === ids[1])).toHaveLength(1);
  });

  it('sends a failed mutation again when a person retries it, and forgets it when one discards it', async () => {
    const ids = enqueueVisits(db, time.clock, sequentialIds(), 2);
    central.state.refuse = () => 'Kategoria B jest zamknięta.';
    const engine = engineFor(db, central.client, { newId: () => mutationId(101) });
    await engine.syncNow();
    expect(engine.status().failed).toBe(2);

    central.state.refuse = () => null;
    expect(engine.retryFailed(ids[0]!, 'urzednik1')).toBe(true);
    expect(engine.status()).toMatchObject({ pending: 1, failed: 1 });
    await engine.syncNow();
    // Under a new id: the server answers the old one with its first answer, the rejection.
    expect(central.applied.map((mutation) => mutation.payload)).toEqual([manualVisit(1)]);
    expect(central.applied[0]?.id).toBe(mutationId(101));

    expect(engine.discardFailed(ids[1]!, 'kierownik')).toBe(true);
    expect(engine.status()).toMatchObject({ pending: 0, failed: 0 });
    expect(engine.retryFailed(ids[1]!, 'urzednik1')).toBe(false);
    expect(engine.discardFailed(mutationId(999), 'kierownik')).toBe(false);
  });

  it('finds the one mutation in a batch that the server refuses as a whole (400), fails it, and sends the rest', async () => {
    const ids = enqueueVisits(db, time.clock, sequentialIds(), 7);
    const bad = ids[4]!;
    central.state.refuseBatch = (mutations) =>
      mutations.some((mutation) => mutation.id === bad)
        ? {
            kind: 'rejected',
            status: 400,
            code: 'invalid-request',
            message: 'Invalid request',
            issues: [{ path: 'mutations[0].type', message: 'unknown mutation type' }],
          }
        : null;
    const engine = engineFor(db);

    const status = await engine.syncNow();

    expect(central.applied.map((mutation) => mutation.id)).toEqual(ids.filter((id) => id !== bad));
    expect(status).toMatchObject({ pending: 0, failed: 1 });
    expect(listFailed(db)[0]).toMatchObject({
      id: bad,
      lastError: 'Invalid request (mutations[0].type: unknown mutation type)',
    });
  });

  it('resends after a crash between the server applying and the PC recording: the server has each mutation once', async () => {
    const ids = enqueueVisits(db, time.clock, sequentialIds(), 6);
    // The first life of the app: the server applies the batch, then the PC dies before it
    // records the answer (the answer never arrives).
    const dying: CentralSyncClient = {
      push: async (mutations) => {
        await central.client.push(mutations);
        return new Promise(() => {});
      },
      pull: central.client.pull,
    };
    void engineFor(db, dying, { pushBatchLimit: 4 }).syncNow();
    await settle();
    expect(central.applied).toHaveLength(4);
    db.close();

    // The second life: the same file, the same mutation ids, sent again.
    const reopened = open();
    expect(countOutbox(reopened).pending).toBe(6);
    const status = await engineFor(reopened, central.client, { pushBatchLimit: 4 }).syncNow();

    expect(central.pushes).toEqual([ids.slice(0, 4), ids.slice(0, 4), ids.slice(4)]);
    expect(central.applied.map((mutation) => mutation.id)).toEqual(ids);
    expect(status).toMatchObject({ pending: 0, failed: 0 });
  });

  it('keeps the mutations the server did not answer for, and says so', async () => {
    const ids = enqueueVisits(db, time.clock, sequentialIds(), 3);
    const forgetful: CentralSyncClient = {
      push: async (mutations) => {
        const answer = await central.client.push(mutations);
        return answer.ok
          ? { ok: true, value: { results: answer.value.results.slice(0, 1) } }
          : answer;
      },
      pull: central.client.pull,
    };

    const status = await engineFor(db, forgetful).syncNow();

    expect(nextPendingBatch(db, 10).map((entry) => entry.id)).toEqual(ids.slice(1));
    expect(status.lastError).toMatch(/did not answer for 2 of 3/);
  });
});

describe('when the central server is unreachable', () => {
  it('keeps everything, says offline, and backs off exponentially with jitter', async () => {
    enqueueVisits(db, time.clock, sequentialIds(), 2);
    central.goDown();
    const engine = engineFor(db);

    engine.start();
    await settle();

    expect(engine.status()).toMatchObject({
      online: false,
      pending: 2,
      lastError: 'connect ECONNREFUSED 127.0.0.1:8420',
    });
    expect(nextPendingBatch(db, 10)[0]).toMatchObject({
      attempts: 1,
      lastError: 'connect ECONNREFUSED 127.0.0.1:8420',
      nextAttemptAt: new Date(time.now().getTime() + 1000).toISOString(),
    });
    // random() = 0 gives the top of each jitter range: 1 s, 2 s, 4 s, 8 s …
    const waits: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const [wait] = time.scheduled();
      waits.push(wait!);
      await time.advance(wait!);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000]);
    expect(central.pushes).toHaveLength(6);
    await engine.stop();
  });

  it('spreads the retries of many PCs: jitter takes up to half of the wait off', async () => {
    enqueueVisits(db, time.clock, sequentialIds(), 1);
    central.goDown();
    const engine = engineFor(db, central.client, { random: () => 1 });
    engine.start();
    await settle();
    expect(time.scheduled()).toEqual([500]);
    await engine.stop();
  });

  it('does not push on each new change while backing off, but counts it at once', async () => {
    central.goDown();
    const engine = engineFor(db);
    const outbox = createOutbox({
      db,
      clock: time.clock,
      newId: sequentialIds(),
      onEnqueued: engine.notifyEnqueued,
    });
    engine.start();
    await settle();
    const pushesBefore = central.pushes.length;

    db.transaction(() => outbox.enqueue({ type: 'visit.recordManual', payload: manualVisit(1) }))();
    await settle();

    expect(published.at(-1)).toMatchObject({ pending: 1, online: false });
    await time.advance(DEBOUNCE_MS);
    expect(central.pushes.length).toBe(pushesBefore);
    await engine.stop();
  });

  it('recovers as soon as the central monitor reports the server reachable again', async () => {
    const ids = enqueueVisits(db, time.clock, sequentialIds(), 3);
    central.goDown();
    const engine = engineFor(db);
    engine.start();
    await settle();
    await time.advance(1000);
    await time.advance(2000);
    expect(time.scheduled()).toEqual([4000]);

    central.comeBack();
    engine.centralReachable();
    await settle();

    expect(central.applied.map((mutation) => mutation.id)).toEqual(ids);
    expect(engine.status()).toMatchObject({ online: true, pending: 0, lastError: null });
    // Back to the ordinary rhythm.
    expect(time.scheduled()).toEqual([INTERVAL_MS]);
    await engine.stop();
  });

  it('recovers by itself on the next backed-off try', async () => {
    enqueueVisits(db, time.clock, sequentialIds(), 1);
    central.goDown();
    const engine = engineFor(db);
    engine.start();
    await settle();
    central.comeBack();

    await time.advance(1000);

    expect(engine.status()).toMatchObject({ online: true, pending: 0, lastError: null });
    await engine.stop();
  });

  it('waits as long as the server asks when it is rate-limited', async () => {
    enqueueVisits(db, time.clock, sequentialIds(), 1);
    central.state.failure = {
      kind: 'rate-limited',
      status: 429,
      message: 'Too many requests',
      retryAfterMs: 45_000,
    };
    const engine = engineFor(db);
    engine.start();
    await settle();

    expect(engine.status()).toMatchObject({
      online: true,
      pending: 1,
      lastError: 'Too many requests',
    });
    expect(time.scheduled()).toEqual([45_000]);
    await engine.stop();
  });

  it('says why when the server does not accept this workstation (401), and keeps the mutations', async () => {
    enqueueVisits(db, time.clock, sequentialIds(), 1);
    central.state.failure = {
      kind: 'unauthorized',
      status: 401,
      message: 'Unknown workstation token',
    };
    const status = await engineFor(db).syncNow();
    expect(status).toMatchObject({
      online: true,
      pending: 1,
      failed: 0,
      lastError: 'Unknown workstation token',
    });
  });
});

describe('triggers', () => {
  it('pushes shortly after a local change, with the changes made meanwhile in the same batch', async () => {
    const engine = engineFor(db);
    const outbox = createOutbox({
      db,
      clock: time.clock,
      newId: sequentialIds(),
      onEnqueued: engine.notifyEnqueued,
    });
    engine.start();
    await settle();
    expect(central.pushes).toEqual([]);

    for (const n of [1, 2, 3]) {
      db.transaction(() =>
        outbox.enqueue({ type: 'visit.recordManual', payload: manualVisit(n) }),
      )();
    }
    await settle();
    expect(published.at(-1)).toMatchObject({ pending: 3 });
    expect(central.pushes).toEqual([]);

    await time.advance(DEBOUNCE_MS);
    expect(central.pushes).toEqual([[mutationId(1), mutationId(2), mutationId(3)]]);
    expect(published.at(-1)).toMatchObject({ pending: 0 });
    await engine.stop();
  });

  it('syncs periodically while all is well, and stops when told', async () => {
    const engine = engineFor(db);
    engine.start();
    await settle();
    expect(central.pulls).toHaveLength(1);

    await time.advance(INTERVAL_MS);
    await time.advance(INTERVAL_MS);
    expect(central.pulls).toHaveLength(3);

    await engine.stop();
    expect(time.scheduled()).toEqual([]);
    await time.advance(INTERVAL_MS * 3);
    expect(central.pulls).toHaveLength(3);
  });

  it('publishes each change of status once', async () => {
    enqueueVisits(db, time.clock, sequentialIds(), 2);
    const engine = engineFor(db);
    await engine.syncNow();
    await engine.syncNow();
    const keys = published.map((status) => JSON.stringify(status));
    expect(new Set(keys).size).toBe(keys.length);
    expect(published.at(-1)).toMatchObject({ online: true, pending: 0 });
  });
});

describe('pull', () => {
  it('brings reference changes page by page into the mirror, with tombstones for deletions', async () => {
    central.feed.push(
      siteChange(1, 'slaska', 'Śląska'),
      siteChange(2, 'waszyngtona', 'Waszyngtona'),
      siteChange(3, 'focha', 'Focha'),
      { entity: 'site', id: 'waszyngtona', seq: '4', deleted: true, data: null },
      siteChange(5, 'slaska', 'Śląska (budynek główny)'),
    );
    const engine = engineFor(db, central.client, { pullPageLimit: 2 });

    const status = await engine.syncNow();

    expect(central.pulls).toEqual([
      { after: '0', limit: 2 },
      { after: '2', limit: 2 },
      { after: '4', limit: 2 },
    ]);
    expect(
      listCachedReferences(db, 'site').map((row) => [row.id, (row.data as Site).name]),
    ).toEqual([
      ['focha', 'Focha'],
      ['slaska', 'Śląska (budynek główny)'],
    ]);
    expect(readSyncState(db).pullCursor).toBe('5');
    expect(status.lastPullAt).toBe(time.now().toISOString());
  });

  it('keeps the cursor across a restart and asks only for what came after it', async () => {
    central.feed.push(siteChange(1, 'slaska', 'Śląska'), siteChange(2, 'focha', 'Focha'));
    await engineFor(db).syncNow();
    db.close();

    central.feed.push(siteChange(3, 'waszyngtona', 'Waszyngtona'));
    central.pulls.length = 0;
    const reopened = open();
    expect(readSyncState(reopened).pullCursor).toBe('2');
    await engineFor(reopened).syncNow();

    expect(central.pulls).toEqual([{ after: '2', limit: 1000 }]);
    expect(listCachedReferences(reopened, 'site').map((row) => row.id)).toEqual([
      'focha',
      'slaska',
      'waszyngtona',
    ]);
  });

  it('keeps the page and the cursor together: a page that cannot be written moves nothing', async () => {
    central.feed.push(siteChange(1, 'slaska', 'Śląska'), siteChange(2, 'focha', 'Focha'));
    // Writing the second change fails (as a full disk would), after the first was written.
    db.exec(`CREATE TRIGGER no_focha BEFORE INSERT ON reference_cache WHEN NEW.id = 'focha'
             BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const engine = engineFor(db);

    const status = await engine.syncNow();

    expect(listCachedReferences(db, 'site')).toEqual([]);
    expect(readSyncState(db).pullCursor).toBe('0');
    expect(status.lastError).toMatch(/disk full/);
  });

  it('does not pull while the push is failing (the server is down for both)', async () => {
    enqueueVisits(db, time.clock, sequentialIds(), 1);
    central.goDown();
    await engineFor(db).syncNow();
    expect(central.pulls).toEqual([]);
  });
});

describe('a central store replaced (another feed id)', () => {
  function siteNames(handle: Database.Database): string[] {
    return listCachedReferences(handle, 'site').map((row) => (row.data as Site).name);
  }

  it('drops the mirror and pulls the new feed from 0 in one go; the old mirror stays whole until the first new page; the live cursor goes too', async () => {
    central.feed.push(
      siteChange(1, 'slaska', 'Śląska'),
      siteChange(2, 'waszyngtona', 'Waszyngtona'),
      siteChange(3, 'focha', 'Focha'),
      siteChange(4, 'stara', 'Stara siedziba'),
    );
    await engineFor(db).syncNow();
    expect(readSyncState(db)).toMatchObject({ pullCursor: '4', feedId: 'fake-feed-1' });
    recordLiveEventCursor(db, '77');

    // The server comes back on another store: fewer changes, so the PC's cursor (4) is past its
    // end, and a pull after it alone would bring nothing.
    central.feed.splice(0);
    central.feed.push(
      siteChange(1, 'slaska', 'Śląska'),
      siteChange(2, 'nowa', 'Nowa siedziba'),
      siteChange(3, 'focha', 'Focha'),
    );
    central.state.feedId = 'fake-feed-2';
    central.pulls.length = 0;
    const mirrorWhenAskedFromZero: string[][] = [];
    let feedReplaced = 0;
    const watching: CentralSyncClient = {
      push: central.client.push,
      pull: (query, signal) => {
        if (query.after === '0') mirrorWhenAskedFromZero.push(siteNames(db));
        return central.client.pull(query, signal);
      },
    };
    const engine = engineFor(db, watching, {
      pullPageLimit: 2,
      onFeedReplaced: () => (feedReplaced += 1),
    });

    const status = await engine.syncNow();

    expect(central.pulls.map((pull) => pull.after)).toEqual(['4', '0', '2']);
    expect(mirrorWhenAskedFromZero).toEqual([['Focha', 'Śląska', 'Stara siedziba', 'Waszyngtona']]);
    expect(siteNames(db)).toEqual(['Focha', 'Nowa siedziba', 'Śląska']);
    expect(readSyncState(db)).toMatchObject({
      pullCursor: '3',
      feedId: 'fake-feed-2',
      liveEventCursor: null,
    });
    expect(feedReplaced).toBe(1);
    expect(status).toMatchObject({ online: true, lastError: null });

    // From now on the new feed is the PC's: the next pull asks after its cursor, no restart.
    central.pulls.length = 0;
    await engine.syncNow();
    expect(central.pulls.map((pull) => pull.after)).toEqual(['3']);
    expect(feedReplaced).toBe(1);
  });

  it('pulls everything again once on a PC whose cursor predates feed ids', async () => {
    central.feed.push(siteChange(1, 'slaska', 'Śląska'), siteChange(2, 'focha', 'Focha'));
    db.prepare(`UPDATE sync_state SET pull_cursor = '2', feed_id = NULL`).run();

    await engineFor(db).syncNow();

    expect(central.pulls.map((pull) => pull.after)).toEqual(['2', '0']);
    expect(siteNames(db)).toEqual(['Focha', 'Śląska']);
    expect(readSyncState(db).feedId).toBe('fake-feed-1');
  });

  it('refuses a feed that changes again within one pull (two stores behind one address), keeping what it has', async () => {
    central.feed.push(
      siteChange(1, 'slaska', 'Śląska'),
      siteChange(2, 'focha', 'Focha'),
      siteChange(3, 'waszyngtona', 'Waszyngtona'),
    );
    await engineFor(db).syncNow();
    let answers = 0;
    const flapping: CentralSyncClient = {
      push: central.client.push,
      pull: async (query, signal) => {
        answers += 1;
        central.state.feedId = `fake-feed-${answers % 2 === 0 ? 'a' : 'b'}`;
        return central.client.pull(query, signal);
      },
    };

    const status = await engineFor(db, flapping, { pullPageLimit: 1 }).syncNow();

    expect(status.lastError).toMatch(/changed twice during one pull/);
    expect(answers).toBe(3);
    // The one page of the feed it took is whole, with its cursor; the next round goes on from it.
    expect(readSyncState(db)).toMatchObject({ pullCursor: '1', feedId: 'fake-feed-a' });
    expect(siteNames(db)).toEqual(['Śląska']);
  });
});
