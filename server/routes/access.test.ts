import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../common/contract/central/apiError';
import {
  createUserResponseSchema,
  createWorkstationResponseSchema,
} from '../../common/contract/central/admin';
import { sessionResponseSchema } from '../../common/contract/central/auth';
import type { CentralApp } from '../http/centralContext';
import {
  buildTestServer,
  loginAs,
  openTestStore,
  storeKinds,
  workstationHeaders,
  type TestStore,
} from '../testing/testStores';

const adminRoutes = [
  { method: 'POST', url: '/api/v1/admin/users', payload: {} },
  { method: 'POST', url: '/api/v1/admin/workstations', payload: {} },
  { method: 'PUT', url: '/api/v1/admin/reference/site/slaska', payload: {} },
  { method: 'DELETE', url: '/api/v1/admin/reference/department/so' },
] as const;

describe.each(storeKinds)('who may call what, on %s', (kind) => {
  let test: TestStore;
  let app: CentralApp;

  beforeAll(async () => {
    test = await openTestStore(kind);
    app = await buildTestServer(test.store);
  });
  afterAll(async () => {
    await app.close();
    await test.dispose();
  });

  it.each(['urzednik1', 'asystent', 'depozyty', 'kierownik'])(
    'answers 403 to %s on every admin route, before looking at the body',
    async (login) => {
      const headers = await loginAs(app, login);
      for (const route of adminRoutes) {
        const response = await app.inject({ ...route, headers });
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
        expect(apiErrorSchema.parse(response.json()).error.code).toBe('forbidden');
      }
    },
  );

  it('answers 401 to every route but login and health without credentials', async () => {
    for (const route of [
      ...adminRoutes,
      { method: 'GET', url: '/api/v1/reference/site' },
      { method: 'GET', url: '/api/v1/sync/pull' },
      { method: 'POST', url: '/api/v1/sync/push', payload: {} },
      { method: 'GET', url: '/api/v1/auth/session' },
      { method: 'POST', url: '/api/v1/auth/logout' },
    ] as const) {
      const response = await app.inject(route);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  });

  it('lets any logged-in user or workstation read the reference data', async () => {
    for (const headers of [await loginAs(app, 'depozyty'), await workstationHeaders(test.store)]) {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/reference/caseType',
        headers,
      });
      expect(response.statusCode).toBe(200);
    }
  });

  it('lets an admin add a user who can then log in, and refuses a taken login', async () => {
    const headers = await loginAs(app, 'admin');
    const body = {
      login: 'urzednik7',
      displayName: 'Jan Zieliński',
      roles: ['clerk', 'assistant'],
      siteId: 'waszyngtona',
      password: 'dlugie-haslo-123',
    };
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers,
      payload: body,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(createUserResponseSchema.parse(created.json()).user).toMatchObject({
      login: 'urzednik7',
      roles: ['clerk', 'assistant'],
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'urzednik7', password: 'dlugie-haslo-123' },
    });
    expect(login.statusCode).toBe(200);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers,
      payload: body,
    });
    expect(again.statusCode).toBe(409);
    const tooShort = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers,
      payload: { ...body, login: 'urzednik8', password: 'krotkie' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(apiErrorSchema.parse(tooShort.json()).error.issues?.[0]?.path).toBe('password');
  });

  it('lets an admin register a workstation whose token then works, once per id', async () => {
    const headers = await loginAs(app, 'admin');
    const payload = { id: 'pc-focha-1', siteId: 'focha', counterNumber: 1 };
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/workstations',
      headers,
      payload,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token } = createWorkstationResponseSchema.parse(created.json());
    const session = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { 'x-okienko-workstation': token },
    });
    expect(sessionResponseSchema.parse(session.json()).workstation?.id).toBe('pc-focha-1');
    const stored = await test.store.db.selectFrom('workstations').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(token);

    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/workstations',
      headers,
      payload,
    });
    expect(again.statusCode).toBe(409);
    const nowhere = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/workstations',
      headers,
      payload: { ...payload, id: 'pc-x', siteId: 'gdansk' },
    });
    expect(nowhere.statusCode).toBe(400);
    expect(apiErrorSchema.parse(nowhere.json()).error.issues?.[0]?.path).toBe('siteId');
  });

  it('answers 404 with the error body for a route it does not have', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing?token=secret' });
    expect(response.statusCode).toBe(404);
    const { error } = apiErrorSchema.parse(response.json());
    expect(error).toEqual({ code: 'not-found', message: 'No route GET /api/v1/nothing.' });
  });
});
