import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginResponseSchema } from '../../common/contract/central/auth';
import {
  referenceEntitySchemas,
  referenceListResponseSchemas,
  type ReferenceEntityKind,
} from '../../common/contract/central/reference';
import { serviceHoursOn } from '../../common/domain/timetable';
import type { CentralApp } from '../http/centralContext';
import { referencesOf } from '../reference/referenceIntegrity';
import {
  buildTestServer,
  loginAs,
  openTestStore,
  storeKinds,
  type TestStore,
} from '../testing/testStores';
import { demoReferenceWrites } from './demoReferenceData';
import { demoUsers } from './demoUsers';

describe('the demo reference data', () => {
  const writes = demoReferenceWrites();
  const byKind = (kind: ReferenceEntityKind) =>
    writes.filter((write) => write.entity === kind).map((write) => write.data);

  it('passes its own schemas, and every entity says it is demo data', () => {
    for (const write of writes) {
      expect(referenceEntitySchemas[write.entity].safeParse(write.data).success, write.id).toBe(
        true,
      );
      expect(write.data?.demo, write.id).toBe(true);
    }
    expect(new Set(writes.map((write) => `${write.entity}:${write.id}`)).size).toBe(writes.length);
  });

  it('points only at entities it contains, each written before what points at it', () => {
    const seen = new Set<string>();
    for (const write of writes) {
      if (!write.data) continue;
      for (const reference of referencesOf(write.entity, write.data)) {
        expect(
          seen.has(`${reference.entity}:${reference.id}`),
          `${write.id} → ${reference.id}`,
        ).toBe(true);
      }
      seen.add(`${write.entity}:${write.id}`);
    }
  });

  it('has the three sites of the article, the locker at ul. Focha only', () => {
    const sites = byKind('site') as { id: string; hasLocker: boolean; address: string }[];
    expect(sites.map((site) => [site.id, site.hasLocker])).toEqual([
      ['slaska', false],
      ['waszyngtona', false],
      ['focha', true],
    ]);
  });

  it('covers the six kinds of affairs, with prefixes unique per site and some daily caps', () => {
    const categories = byKind('category') as {
      siteId: string;
      departmentId: string;
      prefix: string;
      dailyCap: number | null;
    }[];
    const departments = new Set(categories.map((category) => category.departmentId));
    for (const department of ['so', 'km', 'lo', 'usc', 'ab', 'on']) {
      expect(departments, department).toContain(department);
    }
    for (const siteId of ['slaska', 'waszyngtona', 'focha']) {
      const prefixes = categories.filter((c) => c.siteId === siteId).map((c) => c.prefix);
      expect(new Set(prefixes).size, siteId).toBe(prefixes.length);
    }
    expect(categories.some((category) => category.dailyCap !== null)).toBe(true);
  });

  it('charges 17 zł with a power of attorney, and hands over ID cards but not building permits at the locker', () => {
    const caseTypes = byKind('caseType') as {
      id: string;
      lockerPickup: boolean;
      documents: { id: string; feeGrosze: number; condition: unknown }[];
    }[];
    expect(caseTypes.length).toBeGreaterThanOrEqual(12);
    const powers = caseTypes.flatMap((c) => c.documents.filter((d) => d.id === 'pelnomocnictwo'));
    expect(powers.length).toBeGreaterThan(3);
    for (const power of powers) {
      expect(power.feeGrosze).toBe(1700);
      expect(power.condition).not.toBeNull();
    }
    const locker = Object.fromEntries(caseTypes.map((c) => [c.id, c.lockerPickup]));
    expect(locker['dowod-osobisty']).toBe(true);
    expect(locker['prawo-jazdy']).toBe(true);
    expect(locker['pozwolenie-na-budowe']).toBe(false);
  });

  it('changes the hours on 1 September and closes on a public holiday and the exception days', () => {
    const [slaska] = byKind('site') as { schedule: Parameters<typeof serviceHoursOn>[0] }[];
    if (!slaska) throw new Error('no site');
    // Fridays: 15:30 before the change, 14:30 after it.
    expect(serviceHoursOn(slaska.schedule, '2025-08-29')).toMatchObject({ closes: '15:30' });
    expect(serviceHoursOn(slaska.schedule, '2025-09-05')).toMatchObject({ closes: '14:30' });
    expect(serviceHoursOn(slaska.schedule, '2025-09-01')).toMatchObject({ closes: '17:00' });
    expect(serviceHoursOn(slaska.schedule, '2026-11-11')).toMatchObject({ reason: 'holiday' });
    expect(serviceHoursOn(slaska.schedule, '2026-12-31')).toMatchObject({ reason: 'exception' });
  });
});

describe.each(storeKinds)('seeding the demo data on %s', (kind) => {
  let test: TestStore;
  const apps: CentralApp[] = [];

  beforeEach(async () => {
    test = await openTestStore(kind);
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await test.dispose();
  });

  it('seeds an empty store once, even when two servers start on it at the same time', async () => {
    // Two processes on one PostgreSQL; on SQLite, two servers over the embedded default's one store.
    const other = kind === 'postgres' ? await test.openAnother() : test.store;
    const [first, second] = await Promise.all([
      buildTestServer(test.store),
      buildTestServer(other),
    ]);
    apps.push(first, second);
    const again = await buildTestServer(test.store);
    apps.push(again);
    const rows = await test.store.db.selectFrom('reference_entities').select('id').execute();
    expect(rows).toHaveLength(demoReferenceWrites().length);
    const users = await test.store.db.selectFrom('users').select(['login', 'demo']).execute();
    expect(users.map((user) => user.login).sort()).toEqual(demoUsers.map((u) => u.login).sort());
    expect(users.every((user) => user.demo === true || user.demo === 1)).toBe(true);
  });

  it('lets every demo user log in with the password "demo" and serves the seed as stored', async () => {
    const app = await buildTestServer(test.store);
    apps.push(app);
    for (const user of demoUsers) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: user.login, password: 'demo' },
      });
      expect(loginResponseSchema.parse(response.json()).user.roles).toEqual(user.roles);
    }
    const headers = await loginAs(app, 'asystent');
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/reference/caseType',
      headers,
    });
    const served = referenceListResponseSchemas.caseType.parse(response.json()).items;
    const seeded = demoReferenceWrites().filter((write) => write.entity === 'caseType');
    expect(served).toHaveLength(seeded.length);
    expect(served.find((c) => c.id === 'dowod-osobisty')).toEqual(
      seeded.find((write) => write.id === 'dowod-osobisty')?.data,
    );
  });

  it('seeds nothing without demoData: no users, no reference data', async () => {
    const app = await buildTestServer(test.store, { demoData: false });
    apps.push(app);
    expect(await test.store.db.selectFrom('users').select('id').execute()).toEqual([]);
    expect(await test.store.db.selectFrom('reference_entities').select('id').execute()).toEqual([]);
  });
});
