/** What the queue's routes share: who may call them, their error answers, the counter of a call. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { queueErrorSchema } from '../../common/contract/central/queue';
import type { Role } from '../../common/contract/central/auth';
import type { RouteAccess } from '../auth/routeAccess';
import { forbidden, unauthenticated } from '../http/apiHttpError';
import type { ClerkAtCounter } from './queueDeps';
import type { QueueEngine } from './queueEngine';
import { QueueRefusal } from './queueRefusal';

export const counterStaff: RouteAccess = { users: ['clerk', 'assistant', 'supervisor'] };
export const staff: RouteAccess = { users: ['clerk', 'assistant', 'supervisor', 'admin'] };
export const assistants: RouteAccess = { users: ['assistant', 'supervisor'] };
export const supervisors: RouteAccess = { users: ['supervisor', 'admin'] };

const descriptions = {
  400: 'The request is malformed, or the engine refused its content (see error.reason)',
  401: 'No credentials, or an expired session or unknown token',
  403: 'The caller may not use this route (or this counter)',
  404: 'No such site, counter, category or ticket',
  409: 'The queue is not in a state that allows the command (see error.reason)',
} as const;
type Status = keyof typeof descriptions;

/** The queue's error answers: the API's one error body, with the engine's `reason`. */
export function queueErrors<const S extends readonly Status[]>(...statuses: S) {
  return Object.fromEntries(
    statuses.map((status) => [status, queueErrorSchema.describe(descriptions[status])]),
  ) as Record<S[number], typeof queueErrorSchema>;
}

export const siteParams = z.strictObject({ siteId: z.string().min(1).max(64) });
export const ticketParams = z.strictObject({ ticketId: z.uuid() });

/**
 * The clerk at the counter of the calling PC: the workstation's token names the counter (its
 * site and number), the session names the clerk; a counter command needs both.
 */
export async function clerkAtCounter(
  request: FastifyRequest,
  engine: QueueEngine,
): Promise<ClerkAtCounter> {
  const { user, workstation } = request.caller;
  if (!user) throw unauthenticated("A counter command needs the clerk's session.");
  if (!workstation) {
    throw unauthenticated(
      "A counter command needs the counter PC's workstation token (X-Okienko-Workstation) as well as the clerk's session.",
    );
  }
  if (workstation.counterNumber === null) {
    throw new QueueRefusal(
      'not-a-counter-workstation',
      `The workstation ${workstation.id} is not at a counter.`,
    );
  }
  if (user.siteId !== null && user.siteId !== workstation.siteId) {
    throw forbidden(
      `The user ${user.login} works at site ${user.siteId}, and this counter is at ${workstation.siteId}.`,
    );
  }
  const reference = await engine.deps.reference.last();
  // A counter added since the cache was filled is looked up afresh; the command itself checks
  // the reference data again under its lock.
  const counter =
    reference.counterAt(workstation.siteId, workstation.counterNumber) ??
    (await engine.deps.reference.current()).counterAt(
      workstation.siteId,
      workstation.counterNumber,
    );
  if (!counter) {
    throw new QueueRefusal(
      'unknown-counter',
      `Site ${workstation.siteId} has no counter number ${workstation.counterNumber} (the workstation ${workstation.id} names it).`,
    );
  }
  return {
    counterId: counter.id,
    clerk: { userId: user.id, login: user.login, displayName: user.displayName },
  };
}

/** A supervisor changes the rules of their own site; an admin (no site) of any. */
export function requireOwnSite(request: FastifyRequest, siteId: string, what: string): void {
  const user = request.caller.user;
  if (user && user.siteId !== null && user.siteId !== siteId && !user.roles.includes('admin')) {
    throw forbidden(`The user ${user.login} may ${what} only at site ${user.siteId}.`);
  }
}

export function hasRole(request: FastifyRequest, roles: readonly Role[]): boolean {
  return roles.some((role) => request.caller.user?.roles.includes(role));
}
