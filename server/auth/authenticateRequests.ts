import type { FastifyInstance, FastifyRequest } from 'fastify';
import { WORKSTATION_TOKEN_HEADER } from '../../common/contract/central/auth';
import type { Clock } from '../clock';
import { forbidden, unauthenticated } from '../http/apiHttpError';
import type { CentralStore } from '../store/openCentralStore';
import { admits, describeAccess, type Caller } from './routeAccess';
import { findSession } from './sessions';
import { findWorkstationByToken } from './workstations';

/** The bearer token of `Authorization: Bearer …`, or undefined. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9_-]{16,200})$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function workstationToken(request: FastifyRequest): string | undefined {
  const value = request.headers[WORKSTATION_TOKEN_HEADER];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Checks every request against its route's access rule before anything else runs (so a
 * stranger learns nothing about a body's shape): a missing, unknown or expired credential is
 * 401, a caller the route does not admit (a clerk on an admin route) is 403. A route
 * registered without an access rule stops the server from starting.
 */
export function registerAuthentication(
  app: FastifyInstance,
  { store, clock }: { store: CentralStore; clock: Clock },
): void {
  app.decorateRequest('caller', null as unknown as Caller);

  app.addHook('onRoute', (route) => {
    if (route.config?.access === undefined) {
      throw new Error(`The route ${route.method} ${route.url} declares no access rule.`);
    }
  });

  app.addHook('onRequest', async (request) => {
    request.caller = { user: null, workstation: null };
    const access = request.routeOptions.config.access;
    // No access rule: no route matched; the not-found handler answers.
    if (access === undefined || access === 'public') return;

    const sessionToken = bearerToken(request);
    const stationToken = workstationToken(request);
    const now = clock.now();
    const [session, workstation] = await Promise.all([
      sessionToken ? findSession(store.db, sessionToken, now) : null,
      stationToken ? findWorkstationByToken(store.db, stationToken) : null,
    ]);
    request.caller = {
      user:
        session && sessionToken
          ? { ...session.user, sessionToken, sessionExpiresAt: session.expiresAt }
          : null,
      workstation,
    };
    if (admits(access, request.caller)) return;

    const needs = `This route needs ${describeAccess(access)}.`;
    if (access.users && !request.caller.user) {
      throw unauthenticated(
        sessionToken || request.headers.authorization
          ? 'The session has expired or is not known: log in again.'
          : needs,
      );
    }
    if (!access.users && !request.caller.workstation) {
      // A user cannot stand in for a workstation (a push needs the PC's own identity).
      if (request.caller.user) throw forbidden(needs);
      throw unauthenticated(stationToken ? 'The workstation token is not known.' : needs);
    }
    throw forbidden(needs);
  });
}
