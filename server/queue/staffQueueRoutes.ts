import type { FastifyRequest } from 'fastify';
import { queuePaths } from '../../common/contract/central/paths';
import {
  assistantIssueRequestSchema,
  callingRulesResponseSchema,
  callingRulesSchema,
  importAppointmentsRequestSchema,
  importAppointmentsResponseSchema,
  issueTicketResponseSchema,
  queueOverviewSchema,
  redirectAtSiteRequestSchema,
  redirectTicketRequestSchema,
  redirectTicketResponseSchema,
} from '../../common/contract/central/queue';
import type { CentralApp } from '../http/centralContext';
import { securityOf } from '../http/routeSchemas';
import type { QueueEngine } from './queueEngine';
import {
  assistants,
  hasRole,
  queueErrors,
  requireOwnSite,
  siteParams,
  staff,
  supervisors,
  ticketParams,
} from './queueRouteParts';

/** The overview, the calling rules, the Resident Assistant's tickets and the bookings' import. */
export function registerStaffQueueRoutes(app: CentralApp, engine: QueueEngine): void {
  app.get(
    queuePaths.patterns.overview,
    {
      config: { access: staff },
      schema: {
        tags: ['queue'],
        summary: "A site's queues, next appointments and counters",
        security: securityOf(staff),
        params: siteParams,
        response: { 200: queueOverviewSchema, ...queueErrors(400, 401, 403, 404) },
      },
    },
    async (request) => engine.overview(request.params.siteId),
  );
  app.get(
    queuePaths.patterns.rules,
    {
      config: { access: staff },
      schema: {
        tags: ['queue'],
        summary: "A site's calling rules",
        security: securityOf(staff),
        params: siteParams,
        response: { 200: callingRulesResponseSchema, ...queueErrors(400, 401, 403, 404) },
      },
    },
    async (request) => engine.rules(request.params.siteId),
  );
  app.put(
    queuePaths.patterns.rules,
    {
      config: { access: supervisors },
      schema: {
        tags: ['queue'],
        summary: "Change a site's calling rules (the next call uses them)",
        security: securityOf(supervisors),
        params: siteParams,
        body: callingRulesSchema,
        response: { 200: callingRulesResponseSchema, ...queueErrors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      requireOwnSite(request, request.params.siteId, 'change the calling rules');
      return engine.setRules(
        request.params.siteId,
        request.body,
        request.caller.user?.login ?? '?',
      );
    },
  );
  app.post(
    queuePaths.patterns.assistantTickets,
    {
      config: { access: assistants },
      schema: {
        tags: ['queue'],
        summary: "The Resident Assistant's ticket, with the document check attached",
        security: securityOf(assistants),
        params: siteParams,
        body: assistantIssueRequestSchema,
        response: { 200: issueTicketResponseSchema, ...queueErrors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      requireOwnSite(request, request.params.siteId, 'issue tickets');
      return engine.issueTicket({
        siteId: request.params.siteId,
        categoryId: request.body.categoryId,
        priority: request.body.priority,
        source: request.body.source,
        checklist: request.body.checklist,
        actor: request.caller.user?.login ?? '?',
      });
    },
  );
  app.post(
    queuePaths.patterns.redirect,
    {
      config: { access: assistants },
      schema: {
        tags: ['queue'],
        summary: 'Send a waiting ticket to another category, keeping its time',
        security: securityOf(assistants),
        params: ticketParams,
        body: redirectTicketRequestSchema,
        response: { 200: redirectTicketResponseSchema, ...queueErrors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      return engine.redirect(
        { ticketId: request.params.ticketId },
        request.body,
        redirectActor(request),
      );
    },
  );
  app.post(
    queuePaths.patterns.redirectAtSite,
    {
      config: { access: assistants },
      schema: {
        tags: ['queue'],
        summary:
          "Send a waiting ticket to another category, keeping its time: by its id or today's number",
        security: securityOf(assistants),
        params: siteParams,
        body: redirectAtSiteRequestSchema,
        response: { 200: redirectTicketResponseSchema, ...queueErrors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      requireOwnSite(request, request.params.siteId, 'redirect tickets');
      const { ticket, ...redirect } = request.body;
      return engine.redirect(
        { siteId: request.params.siteId, ticket },
        redirect,
        redirectActor(request),
      );
    },
  );
  app.post(
    queuePaths.patterns.appointments,
    {
      config: { access: supervisors },
      schema: {
        tags: ['queue'],
        summary: 'Booked appointments from the online booking (a code stored already is kept)',
        security: securityOf(supervisors),
        params: siteParams,
        body: importAppointmentsRequestSchema,
        response: { 200: importAppointmentsResponseSchema, ...queueErrors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      requireOwnSite(request, request.params.siteId, 'import appointments');
      return engine.importAppointments(request.params.siteId, request.body.appointments);
    },
  );
}

/** Who redirects: an assistant or supervisor of their own site; an admin (no site) anywhere. */
function redirectActor(request: FastifyRequest): { login: string; siteId: string | null } {
  const user = request.caller.user;
  return {
    login: user?.login ?? '?',
    siteId: hasRole(request, ['admin']) ? null : (user?.siteId ?? null),
  };
}
