import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureWorkstation } from '../auth/workstations';
import type { ScryptCost } from '../auth/passwordHashing';
import { buildCentralServer, type CentralServerOptions } from '../buildCentralServer';
import type { Clock } from '../clock';
import type { CentralApp } from '../http/centralContext';
import { dropPostgresSchema, openCentralStore, type CentralStore } from '../store/openCentralStore';
import type { StoreConfig, StoreDialect } from '../store/storeConfig';

/** Every test suite of the server runs on both stores (`describe.each(storeKinds)`). */
export const storeKinds: readonly StoreDialect[] = ['sqlite', 'postgres'];

export const TEST_PG_URL =
  process.env.OKIENKO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** scrypt at a cost that keeps a test fast; production uses PRODUCTION_SCRYPT_COST. */
export const TEST_SCRYPT_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

/** A store of its own for one test: a SQLite file in a temp folder, or a PostgreSQL schema. */
export type TestStore = {
  kind: StoreDialect;
  config: StoreConfig;
  store: CentralStore;
  /** Another connection to the same data, as a second server process would have. */
  openAnother(): Promise<CentralStore>;
  dispose(): Promise<void>;
};

/** `poolSize`: the PostgreSQL pool's connections (concurrency tests want more than the default). */
export async function openTestStore(
  kind: StoreDialect,
  options: { poolSize?: number } = {},
): Promise<TestStore> {
  let config: StoreConfig;
  let cleanup: () => Promise<void>;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'okienko-central-'));
    config = { kind: 'sqlite', file: path.join(dir, 'central.sqlite') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    config = { kind: 'postgres', url: TEST_PG_URL, schema, poolSize: options.poolSize ?? 10 };
    cleanup = () => dropPostgresSchema(TEST_PG_URL, schema);
  }
  const store = await openCentralStore(config);
  const others: CentralStore[] = [];
  return {
    kind,
    config,
    store,
    async openAnother() {
      const other = await openCentralStore(config);
      others.push(other);
      return other;
    },
    async dispose() {
      for (const other of others) await other.close();
      await store.close();
      await cleanup();
    },
  };
}

/** A clock a test moves by hand. */
export function manualClock(start = '2026-03-02T09:00:00.000Z'): Clock & {
  advance(ms: number): void;
} {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(ms) {
      now += ms;
    },
  };
}

export function buildTestServer(
  store: CentralStore,
  options: Partial<CentralServerOptions> = {},
): Promise<CentralApp> {
  return buildCentralServer({
    version: 'test',
    demoData: true,
    passwordCost: TEST_SCRYPT_COST,
    ...options,
    store,
  });
}

/** Logs a demo user in (password `demo`) and answers the `Authorization` header. */
export async function loginAs(app: CentralApp, login: string): Promise<{ authorization: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login, password: 'demo' },
  });
  if (response.statusCode !== 200) {
    throw new Error(`login as ${login} answered ${response.statusCode}: ${response.body}`);
  }
  return { authorization: `Bearer ${(response.json() as { token: string }).token}` };
}

/** Registers a workstation at a site and answers its header. */
export async function workstationHeaders(
  store: CentralStore,
  id = 'pc-slaska-1',
  siteId = 'slaska',
  counterNumber: number | null = 1,
): Promise<{ 'x-okienko-workstation': string }> {
  const { token } = await ensureWorkstation(store, { id, siteId, counterNumber });
  return { 'x-okienko-workstation': token };
}
