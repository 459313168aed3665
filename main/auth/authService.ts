import type Database from 'better-sqlite3';
import type { ClerkSession, SessionState } from '../../common/contract';
import { loginNameSchema, type Role } from '../../common/contract/central/auth';
import type { Clock } from '../app/clock';
import { ServiceError } from '../ipc/serviceError';
import type { CentralAuthClient } from '../sync/centralClient';
import { findCachedLogin, saveCachedLogin } from './cachedLoginQueries';
import { createLoginThrottle, type LoginThrottle } from './loginThrottle';
import { checkPassword, createPasswordVerifier } from './passwordVerifier';

export type AuthErrorCode = 'wrong-credentials' | 'rate-limited' | 'offline-unknown-user';

export type AuthLogger = {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
};

export type AuthServiceOptions = {
  db: Database.Database;
  client: CentralAuthClient;
  clock: Clock;
  logger: AuthLogger;
  /** Each change of who is logged in, for the windows. */
  publish: (state: SessionState) => void;
  /** The central server is the embedded one with demo data (the login screen shows demo logins). */
  demo: boolean;
  /** How long after the last online login a cached login still works offline. */
  offlineLoginMaxAgeMs?: number;
  throttle?: LoginThrottle;
  /** Told when a login found the central server unreachable (the status bar should know now). */
  onUnreachable?: () => void;
};

/** A session as main holds it: the token stays here, in memory, and never reaches a window. */
type HeldSession = { session: ClerkSession; token: string | null };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Who is logged in at this PC. Online first: the central server checks the password and gives a
 * session token (kept in memory only), and this PC then keeps a scrypt verifier of that
 * password. When the server is unreachable, a login that succeeded online on this PC before is
 * checked against its verifier instead, and the session is marked offline; wrong passwords
 * offline are rate-limited locally. Nobody else can log in offline.
 */
export function createAuthService(options: AuthServiceOptions) {
  const { db, client, clock, logger } = options;
  const maxAgeMs = options.offlineLoginMaxAgeMs ?? 30 * DAY_MS;
  const throttle = options.throttle ?? createLoginThrottle({ clock });
  let held: HeldSession | null = null;

  function state(): SessionState {
    return { session: current()?.session ?? null, demo: options.demo };
  }

  function current(): HeldSession | null {
    if (held?.session.expiresAt && Date.parse(held.session.expiresAt) <= clock.now().getTime()) {
      logger.info({ login: held.session.user.login }, 'session expired');
      held = null;
      options.publish(state());
    }
    return held;
  }

  function begin(next: HeldSession): ClerkSession {
    held = next;
    options.publish(state());
    return next.session;
  }

  async function loginOffline(login: string, password: string, why: string): Promise<ClerkSession> {
    const cached = findCachedLogin(db, login);
    if (!cached?.user) {
      logger.warn({ login, why }, 'offline login refused: not cached on this PC');
      throw new ServiceError<AuthErrorCode>(
        'offline-unknown-user',
        'Brak połączenia z serwerem centralnym, a ten login nie był jeszcze używany na tym stanowisku.',
      );
    }
    if (clock.now().getTime() - Date.parse(cached.verifiedAt) > maxAgeMs) {
      logger.warn(
        { login, verifiedAt: cached.verifiedAt },
        'offline login refused: too long since online',
      );
      throw new ServiceError<AuthErrorCode>(
        'offline-unknown-user',
        'Brak połączenia z serwerem centralnym, a od ostatniego logowania online minęło zbyt wiele dni.',
      );
    }
    const waitMs = throttle.waitMs(login);
    if (waitMs > 0) throw rateLimited(waitMs);
    if (!(await checkPassword(password, cached.verifier))) {
      throttle.recordFailure(login);
      logger.warn({ login }, 'offline login refused: wrong password');
      throw wrongCredentials();
    }
    throttle.reset(login);
    logger.info({ login, why }, 'logged in offline');
    return begin({ session: { user: cached.user, offline: true, expiresAt: null }, token: null });
  }

  return {
    state,

    /** The person logged in now, with their roles; null when nobody is. */
    user() {
      return current()?.session.user ?? null;
    },

    /**
     * The central session's token, for main's own requests on the clerk's behalf (the queue
     * commands); null when nobody is logged in or the session is offline. Never crosses IPC.
     */
    sessionToken(): string | null {
      return current()?.token ?? null;
    },

    hasAnyRole(roles: readonly Role[]): boolean {
      const user = current()?.session.user;
      return !!user && user.roles.some((role) => roles.includes(role));
    },

    async login(credentials: { login: string; password: string }): Promise<ClerkSession> {
      const name = loginNameSchema.safeParse(credentials.login);
      if (!name.success) throw wrongCredentials();
      const login = name.data;
      const { password } = credentials;

      const answer = await client.login({ login, password });
      if (answer.ok) {
        const verifier = await createPasswordVerifier(password);
        saveCachedLogin(db, {
          login,
          user: answer.value.user,
          verifier,
          verifiedAt: clock.now().toISOString(),
        });
        throttle.reset(login);
        logger.info({ login }, 'logged in online');
        return begin({
          session: { user: answer.value.user, offline: false, expiresAt: answer.value.expiresAt },
          token: answer.value.token,
        });
      }
      const { failure } = answer;
      switch (failure.kind) {
        case 'unreachable':
          options.onUnreachable?.();
          return loginOffline(login, password, failure.message);
        case 'rate-limited':
          logger.warn({ login }, 'login rate-limited by the central server');
          throw rateLimited(failure.retryAfterMs);
        case 'unauthorized':
        case 'rejected':
          logger.warn({ login, status: failure.status }, 'login refused by the central server');
          throw wrongCredentials();
      }
    },

    async logout(): Promise<void> {
      const ending = held;
      if (!ending) return;
      held = null;
      logger.info({ login: ending.session.user.login }, 'logged out');
      options.publish(state());
      if (ending.token) {
        // Best effort: the session also expires on the server by itself.
        const answer = await client.logout(ending.token);
        if (!answer.ok) logger.warn({ problem: answer.failure.message }, 'server logout failed');
      }
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

function wrongCredentials(): ServiceError<AuthErrorCode> {
  return new ServiceError('wrong-credentials', 'Nieprawidłowy login lub hasło.');
}

function rateLimited(waitMs: number | null): ServiceError<AuthErrorCode> {
  const seconds = waitMs === null ? null : Math.max(1, Math.ceil(waitMs / 1000));
  return new ServiceError(
    'rate-limited',
    seconds === null
      ? 'Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za chwilę.'
      : `Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za ${seconds} s.`,
  );
}
