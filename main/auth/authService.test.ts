import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../common/contract';
import type { User } from '../../common/contract/central/auth';
import { openDatabase } from '../db';
import { ServiceError } from '../ipc/serviceError';
import { createSilentLogger } from '../logging/logger';
import type { CentralAuthClient, CentralFailure, CentralResult } from '../sync/centralClient';
import { createAuthService } from './authService';
import { findCachedLogin } from './cachedLoginQueries';
import { createLoginThrottle } from './loginThrottle';

const PASSWORD = 'Tajne-Hasło-123';
const TOKEN = 'session-token-that-must-stay-in-memory';
const DAY = 24 * 60 * 60 * 1000;

const anna: User = {
  id: 'u-anna',
  login: 'urzednik1',
  displayName: 'Anna Nowak',
  roles: ['clerk'],
  siteId: 'slaska',
};

let dir: string;
let db: Database.Database;
let now: number;
let server: {
  answer: CentralResult<unknown> | null;
  logins: { login: string; password: string }[];
};
let published: SessionState[];

const down: CentralFailure = { kind: 'unreachable', status: null, message: 'ECONNREFUSED' };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-auth-'));
  db = openDatabase(path.join(dir, 'okienko.sqlite')).db;
  now = Date.parse('2025-03-03T07:45:00.000Z');
  server = { answer: null, logins: [] };
  published = [];
});

afterEach(() => {
  if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const client: CentralAuthClient = {
  login: vi.fn<CentralAuthClient['login']>(async (credentials) => {
    server.logins.push(credentials);
    if (server.answer) return server.answer as never;
    const right = credentials.login === 'urzednik1' && credentials.password === PASSWORD;
    return right
      ? {
          ok: true,
          value: {
            token: TOKEN,
            expiresAt: new Date(now + 8 * 3600_000).toISOString(),
            user: anna,
          },
        }
      : {
          ok: false,
          failure: { kind: 'unauthorized', status: 401, message: 'Wrong login or password' },
        };
  }),
  logout: vi.fn<CentralAuthClient['logout']>(async () => ({ ok: true, value: undefined })),
};

function service() {
  const clock = { now: () => new Date(now) };
  return createAuthService({
    db,
    client,
    clock,
    logger: createSilentLogger(),
    publish: (state) => published.push(state),
    demo: true,
    throttle: createLoginThrottle({ clock, maxFailures: 3, windowMs: 60_000, lockMs: 60_000 }),
  });
}

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    return error as ServiceError;
  }
  throw new Error('the login was expected to be refused');
}

async function loginOnlineOnce(): Promise<void> {
  const auth = service();
  await auth.login({ login: 'urzednik1', password: PASSWORD });
  await auth.logout();
}

describe('online login', () => {
  it('starts a session through the central server and publishes it', async () => {
    const auth = service();

    const session = await auth.login({ login: '  Urzednik1 ', password: PASSWORD });

    expect(server.logins).toEqual([{ login: 'urzednik1', password: PASSWORD }]);
    expect(session).toEqual({
      user: anna,
      offline: false,
      expiresAt: '2025-03-03T15:45:00.000Z',
    });
    expect(auth.state()).toEqual({ session, demo: true });
    expect(published.at(-1)).toEqual({ session, demo: true });
    expect(auth.hasAnyRole(['clerk'])).toBe(true);
    expect(auth.hasAnyRole(['supervisor', 'admin'])).toBe(false);
  });

  it('caches a scrypt verifier, which is neither the password nor a plain hash of it, and never the token', async () => {
    await loginOnlineOnce();

    const cached = findCachedLogin(db, 'urzednik1');
    expect(cached?.user).toEqual(anna);
    expect(cached?.verifier).toMatch(/^scrypt\$/);
    expect(cached?.verifier).not.toContain(PASSWORD);
    for (const algorithm of ['md5', 'sha1', 'sha256', 'sha512']) {
      const digest = createHash(algorithm).update(PASSWORD).digest();
      for (const encoding of ['hex', 'base64', 'base64url'] as const) {
        expect(cached?.verifier).not.toContain(digest.toString(encoding));
      }
    }
    // Nothing secret anywhere in the database's files, checkpointed or not.
    db.close();
    for (const name of fs.readdirSync(dir)) {
      const bytes = fs.readFileSync(path.join(dir, name));
      expect(bytes.includes(PASSWORD)).toBe(false);
      expect(bytes.includes(TOKEN)).toBe(false);
    }
  });

  it('refuses a wrong password as wrong-credentials, and caches nothing', async () => {
    const error = await refusal(service().login({ login: 'urzednik1', password: 'zle' }));
    expect(error.code).toBe('wrong-credentials');
    expect(findCachedLogin(db, 'urzednik1')).toBeNull();
  });

  it('passes on the server’s rate limit with how long to wait', async () => {
    server.answer = {
      ok: false,
      failure: { kind: 'rate-limited', status: 429, message: 'Slow down', retryAfterMs: 90_000 },
    };
    const error = await refusal(service().login({ login: 'urzednik1', password: PASSWORD }));
    expect(error.code).toBe('rate-limited');
    expect(error.message).toContain('90 s');
  });

  it('refuses a login that cannot be one without asking the server', async () => {
    const error = await refusal(service().login({ login: 'x', password: PASSWORD }));
    expect(error.code).toBe('wrong-credentials');
    expect(server.logins).toEqual([]);
  });

  it('logs out here and on the server, and lets the session expire by itself', async () => {
    const auth = service();
    await auth.login({ login: 'urzednik1', password: PASSWORD });
    await auth.logout();
    expect(auth.state().session).toBeNull();
    expect(published.at(-1)).toEqual({ session: null, demo: true });
    expect(client.logout).toHaveBeenCalledWith(TOKEN);

    await auth.login({ login: 'urzednik1', password: PASSWORD });
    now += 8 * 3600_000;
    expect(auth.user()).toBeNull();
    expect(published.at(-1)).toEqual({ session: null, demo: true });
  });
});

describe('offline login (central server unreachable)', () => {
  it('accepts a login cached on this PC, against its verifier, and marks the session offline', async () => {
    await loginOnlineOnce();
    server.answer = { ok: false, failure: down };

    const session = await service().login({ login: 'urzednik1', password: PASSWORD });

    expect(session).toEqual({ user: anna, offline: true, expiresAt: null });
  });

  it('refuses a login never used on this PC as offline-unknown-user', async () => {
    server.answer = { ok: false, failure: down };
    const error = await refusal(service().login({ login: 'kierownik', password: PASSWORD }));
    expect(error.code).toBe('offline-unknown-user');
  });

  it('refuses a wrong password as wrong-credentials', async () => {
    await loginOnlineOnce();
    server.answer = { ok: false, failure: down };
    const error = await refusal(
      service().login({ login: 'urzednik1', password: 'Tajne-Hasło-124' }),
    );
    expect(error.code).toBe('wrong-credentials');
  });

  it('locks a login for a while after a few wrong passwords, even against the right one', async () => {
    await loginOnlineOnce();
    server.answer = { ok: false, failure: down };
    const auth = service();
    for (let i = 0; i < 3; i += 1) {
      expect((await refusal(auth.login({ login: 'urzednik1', password: `zle-${i}` }))).code).toBe(
        'wrong-credentials',
      );
    }

    const locked = await refusal(auth.login({ login: 'urzednik1', password: PASSWORD }));
    expect(locked.code).toBe('rate-limited');
    expect(locked.message).toContain('60 s');

    now += 60_000;
    expect((await auth.login({ login: 'urzednik1', password: PASSWORD })).offline).toBe(true);
  });

  it('refuses a cached login the server has not confirmed for over 30 days', async () => {
    await loginOnlineOnce();
    server.answer = { ok: false, failure: down };
    now += 31 * DAY;
    const error = await refusal(service().login({ login: 'urzednik1', password: PASSWORD }));
    expect(error.code).toBe('offline-unknown-user');
  });

  it('uses the newest password once the server has accepted it', async () => {
    await loginOnlineOnce();
    const auth = service();
    server.answer = {
      ok: true,
      value: { token: TOKEN, expiresAt: new Date(now + 3600_000).toISOString(), user: anna },
    };
    await auth.login({ login: 'urzednik1', password: 'Nowe-Hasło-456' });
    await auth.logout();
    server.answer = { ok: false, failure: down };

    expect((await refusal(auth.login({ login: 'urzednik1', password: PASSWORD }))).code).toBe(
      'wrong-credentials',
    );
    expect((await auth.login({ login: 'urzednik1', password: 'Nowe-Hasło-456' })).offline).toBe(
      true,
    );
  });
});
