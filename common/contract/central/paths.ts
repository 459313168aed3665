/** The central API's routes, for the server and its clients alike (docs/sync-api.md). */
export const CENTRAL_API_PREFIX = '/api/v1';

export const centralPaths = {
  health: '/api/v1/health',
  openApi: '/api/v1/openapi.json',
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
  session: '/api/v1/auth/session',
  /** `/api/v1/reference/:entity`, e.g. `/api/v1/reference/caseType`. */
  referenceList: (entity: string) => `/api/v1/reference/${entity}`,
  /** `/api/v1/admin/reference/:entity/:id` (PUT, DELETE). */
  adminReference: (entity: string, id: string) =>
    `/api/v1/admin/reference/${entity}/${encodeURIComponent(id)}`,
  adminUsers: '/api/v1/admin/users',
  adminWorkstations: '/api/v1/admin/workstations',
  syncPush: '/api/v1/sync/push',
  syncPull: '/api/v1/sync/pull',
} as const;
