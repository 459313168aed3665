/** The central API's routes, for the server and its clients alike (docs/sync-api.md). */
export const CENTRAL_API_PREFIX = '/api/v1';

const site = (siteId: string) => `/api/v1/queue/sites/${encodeURIComponent(siteId)}`;
const counterCommand = (command: string) => `/api/v1/queue/counter/${command}`;

/**
 * The queue engine's routes (docs/queue-engine.md). Counter commands act on the counter of the
 * calling workstation (X-Okienko-Workstation) for the clerk of the session (Bearer): both needed.
 */
export const queuePaths = {
  /** GET: this workstation's counter state. */
  counter: '/api/v1/queue/counter',
  open: counterCommand('open'),
  close: counterCommand('close'),
  pause: counterCommand('pause'),
  resume: counterCommand('resume'),
  callNext: counterCommand('call-next'),
  /** Call a chosen waiting ticket (where the site allows it). */
  callTicket: counterCommand('call-ticket'),
  recall: counterCommand('recall'),
  noShow: counterCommand('no-show'),
  bringBack: counterCommand('bring-back'),
  transfer: counterCommand('transfer'),
  park: counterCommand('park'),
  resumeParked: counterCommand('resume-parked'),
  finish: counterCommand('finish'),
  walkIn: counterCommand('walk-in'),
  /** Fastify route patterns of the per-site routes. */
  patterns: {
    kiosk: '/api/v1/queue/sites/:siteId/kiosk',
    kioskTickets: '/api/v1/queue/sites/:siteId/kiosk/tickets',
    kioskCheckIn: '/api/v1/queue/sites/:siteId/kiosk/check-in',
    display: '/api/v1/queue/sites/:siteId/display',
    overview: '/api/v1/queue/sites/:siteId/overview',
    rules: '/api/v1/queue/sites/:siteId/rules',
    assistantTickets: '/api/v1/queue/sites/:siteId/tickets',
    redirect: '/api/v1/queue/tickets/:ticketId/redirect',
    redirectAtSite: '/api/v1/queue/sites/:siteId/redirect',
    appointments: '/api/v1/queue/sites/:siteId/appointments',
  },
  /** GET (public): categories open now with their estimated waits. */
  kiosk: (siteId: string) => `${site(siteId)}/kiosk`,
  /** POST (public): take a ticket. */
  kioskTickets: (siteId: string) => `${site(siteId)}/kiosk/tickets`,
  /** POST (public): check in an appointment by its booking code. */
  kioskCheckIn: (siteId: string) => `${site(siteId)}/kiosk/check-in`,
  /** GET (public): the display board (ticket and counter numbers only). */
  display: (siteId: string) => `${site(siteId)}/display`,
  /** GET (clerk, assistant, supervisor, admin): queues, appointments, counters. */
  overview: (siteId: string) => `${site(siteId)}/overview`,
  /** GET (staff) / PUT (supervisor, admin): the site's calling rules. */
  rules: (siteId: string) => `${site(siteId)}/rules`,
  /** POST (assistant, supervisor, clerk): issue a ticket with a checklist. */
  assistantTickets: (siteId: string) => `${site(siteId)}/tickets`,
  /** POST (assistant, supervisor, clerk): send a waiting ticket to another category. */
  redirect: (ticketId: string) => `/api/v1/queue/tickets/${encodeURIComponent(ticketId)}/redirect`,
  /** POST (assistant, supervisor): the same, the ticket named by its id or today's number. */
  redirectAtSite: (siteId: string) => `${site(siteId)}/redirect`,
  /** POST (supervisor, admin): bookings from the online booking. */
  appointments: (siteId: string) => `${site(siteId)}/appointments`,
} as const;

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
  queue: queuePaths,
} as const;
