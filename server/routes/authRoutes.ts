import { z } from 'zod';
import {
  loginRequestSchema,
  loginResponseSchema,
  sessionResponseSchema,
} from '../../common/contract/central/auth';
import { centralPaths } from '../../common/contract/central/paths';
import { clearLoginFailures, loginBlockedFor, recordLoginFailure } from '../auth/loginRateLimit';
import type { RouteAccess } from '../auth/routeAccess';
import { closeSession, openSession } from '../auth/sessions';
import { findUserByLogin, rowToUser } from '../auth/users';
import { tooManyRequests, unauthenticated } from '../http/apiHttpError';
import type { CentralApp, CentralContext } from '../http/centralContext';
import { errorResponses, securityOf } from '../http/routeSchemas';

const anyCaller: RouteAccess = { users: 'any-role', workstation: true };
const anyUser: RouteAccess = { users: 'any-role' };

export function registerAuthRoutes(app: CentralApp, context: CentralContext): void {
  const { store, clock, passwords } = context;

  app.post(
    centralPaths.login,
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in with a login and password; answers a session token',
        body: loginRequestSchema,
        response: { 200: loginResponseSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => {
      const { login, password } = request.body;
      const ip = request.ip;
      const now = clock.now();
      const attempt = { login, ip, now, limits: context.loginLimits };

      const blocked = await loginBlockedFor(store.db, attempt);
      if (blocked) {
        request.log.warn(
          { login, ip, retryAfterSeconds: blocked.retryAfterSeconds },
          'login refused: too many failures',
        );
        throw tooManyRequests(
          `Too many failed logins; try again in ${blocked.retryAfterSeconds} s.`,
          blocked.retryAfterSeconds,
        );
      }

      const row = await findUserByLogin(store.db, login);
      const matches = row
        ? await passwords.verify(password, row.password_hash)
        : await passwords.verifyNobody(password);
      if (!row || !matches) {
        await recordLoginFailure(store.db, attempt);
        // Never the password; the login and address are what an administrator needs.
        request.log.warn({ login, ip, knownLogin: row !== undefined }, 'login failed');
        throw unauthenticated('Wrong login or password.');
      }

      await clearLoginFailures(store.db, login);
      const session = await openSession(store.db, row.id, now, context.sessionTtlMs);
      request.log.info({ login, ip }, 'logged in');
      return { token: session.token, expiresAt: session.expiresAt, user: rowToUser(row) };
    },
  );

  app.post(
    centralPaths.logout,
    {
      config: { access: anyUser },
      schema: {
        tags: ['auth'],
        summary: 'End the session whose token is sent',
        security: securityOf(anyUser),
        response: { 204: z.null().describe('The session has ended'), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const user = request.caller.user;
      if (user) await closeSession(store.db, user.sessionToken);
      return reply.code(204).send(null);
    },
  );

  app.get(
    centralPaths.session,
    {
      config: { access: anyCaller },
      schema: {
        tags: ['auth'],
        summary: 'Who the credentials sent belong to (a user session, a workstation, or both)',
        security: securityOf(anyCaller),
        response: { 200: sessionResponseSchema, ...errorResponses(401) },
      },
    },
    async (request) => {
      const { user, workstation } = request.caller;
      return {
        user: user
          ? {
              id: user.id,
              login: user.login,
              displayName: user.displayName,
              roles: user.roles,
              siteId: user.siteId,
            }
          : null,
        workstation,
        expiresAt: user?.sessionExpiresAt ?? null,
      };
    },
  );
}
