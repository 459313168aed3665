import type { Role, User, Workstation } from '../../common/contract/central/auth';

/**
 * Who may call a route. Every route declares one (a route without is refused at start-up):
 * `public`, or the user roles it admits and/or whether a workstation's token admits it.
 */
export type RouteAccess =
  | 'public'
  | {
      /** The roles admitted, or any logged-in user. */
      users?: readonly Role[] | 'any-role';
      /** A workstation's token admits the call. */
      workstation?: boolean;
    };

/** Who is calling, as their credentials prove; either may be absent. */
export type Caller = {
  user: (User & { sessionToken: string; sessionExpiresAt: string }) | null;
  workstation: Workstation | null;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    caller: Caller;
  }
}

/** Whether the proven caller is admitted by the route's access rule. */
export function admits(access: Exclude<RouteAccess, 'public'>, caller: Caller): boolean {
  if (access.workstation && caller.workstation) return true;
  if (!access.users || !caller.user) return false;
  if (access.users === 'any-role') return true;
  const roles = caller.user.roles;
  return access.users.some((role) => roles.includes(role));
}

/** In words, for a 401/403 message. */
export function describeAccess(access: Exclude<RouteAccess, 'public'>): string {
  const who: string[] = [];
  if (access.users === 'any-role') who.push('a logged-in user');
  else if (access.users) who.push(`a user with the role ${access.users.join(' or ')}`);
  if (access.workstation) who.push("a workstation's token (X-Okienko-Workstation)");
  return who.join(' or ');
}
