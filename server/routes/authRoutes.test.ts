import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../common/contract/central/apiError';
import { loginResponseSchema, sessionResponseSchema } from '../../common/contract/central/auth';
import type { CentralApp } from '../http/centralContext';
import {
  buildTestServer,
  loginAs,
  manualClock,
  openTestStore,
  storeKinds,
  workstationHeaders,
  type TestStore,
} from '../testing/testStores';

const login = (app: CentralApp, body: unknown, remoteAddress = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body as object, remoteAddress });

describe.each(storeKinds)('auth on %s', (kind) => {
  let test: TestStore;
  const apps: CentralApp[] = [];
  const build = async (...args: Parameters<typeof buildTestServer>) => {
    const app = await buildTestServer(...args);
    apps.push(app);
    return app;
  };

  beforeEach(async () => {
    test = await openTestStore(kind);
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await test.dispose();
  });

  it('logs a demo user in and answers an expiring session with the user', async () => {
    const clock = manualClock('2026-03-02T09:00:00.000Z');
    const app = await build(test.store, { clock });
    const response = await login(app, { login: 'Urzednik1 ', password: 'demo' });
    expect(response.statusCode).toBe(200);
    const body = loginResponseSchema.parse(response.json());
    expect(body.user).toMatchObject({ login: 'urzednik1', roles: ['clerk'], siteId: 'slaska' });
    expect(body.expiresAt).toBe('2026-03-02T21:00:00.000Z');
    expect(Buffer.from(body.token, 'base64url')).toHaveLength(32);

    const stored = await test.store.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(body.token);
  });

  it('refuses a wrong password with 401 and logs the failure without the password', async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const app = await build(test.store, { logger });
    const response = await login(app, { login: 'urzednik1', password: 'Sekret-Haslo-123' });
    expect(response.statusCode).toBe(401);
    expect(apiErrorSchema.parse(response.json()).error.code).toBe('unauthenticated');
    const log = lines.join('');
    expect(log).toContain('login failed');
    expect(log).toContain('urzednik1');
    expect(log).not.toContain('Sekret-Haslo-123');
  });

  it('answers an unknown login exactly like a wrong password', async () => {
    const app = await build(test.store);
    const unknown = await login(app, { login: 'nikt', password: 'demo' });
    const wrong = await login(app, { login: 'urzednik1', password: 'nie-demo' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('blocks a login after 5 failures with 429 and Retry-After, counted across two server instances', async () => {
    const clock = manualClock('2026-03-02T09:00:00.000Z');
    const first = await build(test.store, { clock });
    const second = await build(await test.openAnother(), { clock, demoData: false });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const app = attempt % 2 === 0 ? first : second;
      expect((await login(app, { login: 'urzednik1', password: 'zle' })).statusCode).toBe(401);
      clock.advance(60_000);
    }
    // Even the right password waits now, on either instance.
    const blocked = await login(second, { login: 'urzednik1', password: 'demo' });
    expect(blocked.statusCode).toBe(429);
    expect(apiErrorSchema.parse(blocked.json()).error.code).toBe('too-many-requests');
    // The first failure (at 09:00) leaves the 15-minute window at 09:15; it is 09:05 now.
    expect(blocked.headers['retry-after']).toBe('600');
    expect((await login(first, { login: 'urzednik2', password: 'demo' })).statusCode).toBe(200);

    clock.advance(600_000);
    expect((await login(first, { login: 'urzednik1', password: 'demo' })).statusCode).toBe(200);
  });

  it('blocks an address after 30 failures whatever the logins', async () => {
    const clock = manualClock();
    const app = await build(test.store, { clock });
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const response = await login(app, { login: `proba${attempt}`, password: 'x' }, '10.9.9.9');
      expect(response.statusCode).toBe(401);
    }
    const blocked = await login(app, { login: 'urzednik1', password: 'demo' }, '10.9.9.9');
    expect(blocked.statusCode).toBe(429);
    const elsewhere = await login(app, { login: 'urzednik1', password: 'demo' }, '10.1.1.1');
    expect(elsewhere.statusCode).toBe(200);
  });

  it('ends a session when it expires and on logout', async () => {
    const clock = manualClock();
    const app = await build(test.store, { clock, sessionTtlMs: 60 * 60 * 1000 });
    const headers = await loginAs(app, 'kierownik');
    const session = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
    expect(session.statusCode).toBe(200);
    expect(sessionResponseSchema.parse(session.json()).user?.login).toBe('kierownik');

    clock.advance(60 * 60 * 1000);
    const expired = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
    expect(expired.statusCode).toBe(401);
    expect(apiErrorSchema.parse(expired.json()).error.message).toMatch(/expired/);

    const again = await loginAs(app, 'kierownik');
    const logout = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: again });
    expect(logout.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: again });
    expect(after.statusCode).toBe(401);
  });

  it('tells a workstation who it is', async () => {
    const app = await build(test.store);
    const headers = await workstationHeaders(test.store, 'pc-waszyngtona-2', 'waszyngtona', 2);
    const response = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
    expect(response.statusCode).toBe(200);
    expect(sessionResponseSchema.parse(response.json())).toEqual({
      user: null,
      workstation: { id: 'pc-waszyngtona-2', siteId: 'waszyngtona', counterNumber: 2 },
      expiresAt: null,
    });
  });
});
