import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../common/contract/central/auth';
import type { AuthService } from '../auth/authService';
import { openDatabase } from '../db';
import { createIpcDispatcher } from '../ipc/ipcDispatcher';
import { createSilentLogger } from '../logging/logger';
import { syncChannelHandlers } from './syncChannelHandlers';
import { createSyncEngine } from './syncEngine';
import { createFakeCentral } from '../../test/support/fakeCentral';
import { createManualTime } from '../../test/support/manualTime';
import { withStubHandlers } from '../../test/support/stubChannelHandlers';
import { enqueueVisits, sequentialIds } from '../../test/support/syncFixtures';

let db: Database.Database;
let user: User | null;

const auth = {
  user: () => user,
  hasAnyRole: (roles: readonly string[]) => !!user?.roles.some((role) => roles.includes(role)),
} as unknown as AuthService;

function person(roles: User['roles']): User {
  return { id: 'u', login: roles[0]!, displayName: 'Ktoś', roles, siteId: 'slaska' };
}

beforeEach(() => {
  db = openDatabase(':memory:').db;
  user = null;
});
afterEach(() => db.close());

async function setup() {
  const time = createManualTime();
  const central = createFakeCentral();
  central.state.refuse = () => 'Nie ma takiej kategorii.';
  const [id] = enqueueVisits(db, time.clock, sequentialIds(), 1);
  const engine = createSyncEngine({
    db,
    client: central.client,
    clock: time.clock,
    timers: time.timers,
    logger: createSilentLogger(),
    publish: () => {},
  });
  await engine.syncNow();
  const dispatch = createIpcDispatcher(
    withStubHandlers(syncChannelHandlers(engine, auth)),
    createSilentLogger(),
  );
  return { dispatch, id: id! };
}

describe('the sync channels', () => {
  it('show the failed mutations with the server’s reason to anyone', async () => {
    const { dispatch, id } = await setup();
    expect(await dispatch('sync:status', {})).toMatchObject({ ok: true, value: { failed: 1 } });
    expect(await dispatch('sync:failedMutations', {})).toMatchObject({
      ok: true,
      value: { mutations: [{ id, reason: 'Nie ma takiej kategorii.' }] },
    });
  });

  it('let a logged-in clerk retry, but not someone logged out', async () => {
    const { dispatch, id } = await setup();
    expect(await dispatch('sync:retryFailed', { id })).toMatchObject({
      ok: false,
      error: { code: 'not-logged-in' },
    });
    user = person(['clerk']);
    expect(await dispatch('sync:retryFailed', { id })).toMatchObject({ ok: true });
  });

  it('let only a supervisor or an admin discard', async () => {
    const { dispatch, id } = await setup();
    user = person(['clerk', 'assistant']);
    expect(await dispatch('sync:discardFailed', { id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    user = person(['supervisor']);
    expect(await dispatch('sync:discardFailed', { id })).toMatchObject({
      ok: true,
      value: { failed: 0, pending: 0 },
    });
    expect(await dispatch('sync:discardFailed', { id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
