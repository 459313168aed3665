import { apiErrorSchema } from '../../common/contract/central/apiError';
import type { RouteAccess } from '../auth/routeAccess';

const errorDescriptions = {
  400: 'The request is malformed: the body names each bad field',
  401: 'No credentials, or an expired session or unknown token',
  403: 'The caller may not use this route',
  404: 'Nothing there',
  409: 'The change conflicts with what is stored',
  429: 'Too many failed logins: wait for the seconds in Retry-After',
  503: 'The store is unreachable',
} as const;
type ErrorStatus = keyof typeof errorDescriptions;

/** The error answers a route may give, each with the API's one error body, for its schema. */
export function errorResponses<const S extends readonly ErrorStatus[]>(
  ...statuses: S
): Record<S[number], typeof apiErrorSchema> {
  return Object.fromEntries(
    statuses.map((status) => [status, apiErrorSchema.describe(errorDescriptions[status])]),
  ) as Record<S[number], typeof apiErrorSchema>;
}

/** The OpenAPI security requirement of a route's access rule. */
export function securityOf(access: RouteAccess): Record<string, string[]>[] {
  if (access === 'public') return [];
  const schemes: Record<string, string[]>[] = [];
  if (access.users) schemes.push({ session: [] });
  if (access.workstation) schemes.push({ workstation: [] });
  return schemes;
}
