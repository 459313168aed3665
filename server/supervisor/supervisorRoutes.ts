import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  exportQuerySchema,
  exportTableSchema,
  moveTicketRequestSchema,
  sendCounterMessageRequestSchema,
  setCounterCategoriesRequestSchema,
  setCounterStateRequestSchema,
  supervisorActionResponseSchema,
  supervisorErrorSchema,
  supervisorOverviewSchema,
  supervisorPaths,
} from '../../common/contract/central/supervisor';
import type { RouteAccess } from '../auth/routeAccess';
import { unauthenticated } from '../http/apiHttpError';
import type { CentralApp, CentralContext } from '../http/centralContext';
import { securityOf } from '../http/routeSchemas';
import { createQueueEngine } from '../queue/queueEngine';
import { requireOwnSite, hasRole } from '../queue/queueRouteParts';
import { QueueRefusal } from '../queue/queueRefusal';
import { SITE_TIME_ZONE } from '../../common/domain/siteClock';
import { exportFileName, tableCsv } from './export/tableCsv';
import { readDayReport } from './export/dayReport';
import { renderShiftReport } from './export/shiftReportPdf';
import { createSupervisorActions, type SupervisorActor } from './supervisorActions';
import type { SupervisorDeps } from './supervisorDeps';
import { createOverviewBuilder } from './supervisorOverview';
import { SupervisorRefusal } from './supervisorRefusal';

/** The shift lead's routes: the role supervisor or admin, and only (for a supervisor) their site. */
export const supervisorAccess: RouteAccess = { users: ['supervisor', 'admin'] };

const descriptions = {
  400: 'The request is malformed',
  401: 'No credentials, or an expired session',
  403: 'Not a supervisor or an admin, or a site that is not the supervisor’s',
  404: 'No such site, counter, category or ticket',
  409: 'The counter or the ticket is not in a state that allows the action (see error.reason)',
} as const;
type Status = keyof typeof descriptions;
const errors = <const S extends readonly Status[]>(...statuses: S) =>
  Object.fromEntries(
    statuses.map((status) => [status, supervisorErrorSchema.describe(descriptions[status])]),
  ) as Record<S[number], typeof supervisorErrorSchema>;

const siteParams = z.strictObject({ siteId: z.string().min(1).max(64) });
const counterParams = siteParams.extend({ counterId: z.string().min(1).max(64) });
const ticketParams = siteParams.extend({ ticketId: z.uuid() });
const tableParams = siteParams.extend({ table: exportTableSchema });

/** A generated file as a download; its bytes bypass the JSON serializer (no 200 schema). */
function sendFile(reply: FastifyReply, type: string, fileName: string, bytes: Buffer) {
  return reply
    .type(type)
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(bytes);
}

function actorOf(request: FastifyRequest): SupervisorActor & { siteId: string | null } {
  const user = request.caller.user;
  if (!user) throw unauthenticated('The supervisor’s actions need a session.');
  return {
    userId: user.id,
    login: user.login,
    displayName: user.displayName,
    siteId: hasRole(request, ['admin']) ? null : user.siteId,
  };
}

/**
 * The supervisor's overview, actions and the day's exports (docs/supervisor.md), in a scope
 * whose error handler adds the refusal's `reason` (the supervisor's, or the queue engine's for
 * a ticket it would not move).
 */
export function registerSupervisorRoutes(app: CentralApp, context: CentralContext): void {
  const engine = createQueueEngine({
    store: context.store,
    clock: context.clock,
    liveEvents: context.liveEvents,
    logger: app.log,
  });
  const deps: SupervisorDeps = {
    store: context.store,
    clock: context.clock,
    reference: engine.deps.reference,
    timeZone: SITE_TIME_ZONE,
    liveEvents: context.liveEvents,
    logger: app.log,
  };
  const buildOverview = createOverviewBuilder(deps);
  const actions = createSupervisorActions({ ...deps, engine, log: app.log });

  void app.register(async (scope: CentralApp) => {
    scope.setErrorHandler((error, _request, reply) => {
      if (!(error instanceof SupervisorRefusal) && !(error instanceof QueueRefusal)) throw error;
      return reply
        .code(error.statusCode)
        .type('application/json; charset=utf-8')
        .send({ error: { code: error.code, message: error.message, reason: error.reason } });
    });
    const schema = (summary: string) => ({
      tags: ['supervisor'],
      summary,
      security: securityOf(supervisorAccess),
    });

    scope.get(
      supervisorPaths.patterns.overview,
      {
        config: { access: supervisorAccess },
        schema: {
          ...schema('The shift overview of a site: counters, queues, figures, forecast, alerts'),
          params: siteParams,
          response: { 200: supervisorOverviewSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => {
        requireOwnSite(request, request.params.siteId, 'watch the shift');
        return buildOverview(request.params.siteId);
      },
    );

    scope.put(
      supervisorPaths.patterns.counterCategories,
      {
        config: { access: supervisorAccess },
        schema: {
          ...schema("Change a counter's categories and their order"),
          params: counterParams,
          body: setCounterCategoriesRequestSchema,
          response: { 200: supervisorActionResponseSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { siteId, counterId } = request.params;
        requireOwnSite(request, siteId, 'change counters');
        const action = await actions.setCounterCategories(
          siteId,
          counterId,
          request.body.categoryIds,
          actorOf(request),
        );
        return { action };
      },
    );

    scope.post(
      supervisorPaths.patterns.counterState,
      {
        config: { access: supervisorAccess },
        schema: {
          ...schema('Close a counter, or end its pause'),
          params: counterParams,
          body: setCounterStateRequestSchema,
          response: { 200: supervisorActionResponseSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { siteId, counterId } = request.params;
        requireOwnSite(request, siteId, 'open or close counters');
        const action = await actions.setCounterState(
          siteId,
          counterId,
          request.body.state,
          actorOf(request),
        );
        return { action };
      },
    );

    scope.post(
      supervisorPaths.patterns.moveTicket,
      {
        config: { access: supervisorAccess },
        schema: {
          ...schema('Move a waiting ticket to another category, keeping its place in time'),
          params: ticketParams,
          body: moveTicketRequestSchema,
          response: { 200: supervisorActionResponseSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { siteId, ticketId } = request.params;
        requireOwnSite(request, siteId, 'move tickets');
        const action = await actions.moveTicket(
          siteId,
          ticketId,
          request.body.toCategoryId,
          actorOf(request),
        );
        return { action };
      },
    );

    scope.post(
      supervisorPaths.patterns.counterMessages,
      {
        config: { access: supervisorAccess },
        schema: {
          ...schema("Send a short message to a counter's screen"),
          params: counterParams,
          body: sendCounterMessageRequestSchema,
          response: { 200: supervisorActionResponseSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { siteId, counterId } = request.params;
        requireOwnSite(request, siteId, 'send messages');
        const action = await actions.sendMessage(
          siteId,
          counterId,
          request.body.text,
          actorOf(request),
        );
        return { action };
      },
    );

    scope.get(
      supervisorPaths.patterns.exportTable,
      {
        config: { access: supervisorAccess },
        schema: {
          ...schema('One table of the day as CSV (text/csv; no personal data)'),
          params: tableParams,
          querystring: exportQuerySchema,
          response: errors(400, 401, 403, 404),
        },
      },
      async (request, reply) => {
        const { siteId, table } = request.params;
        requireOwnSite(request, siteId, 'export the day');
        const report = await readDayReport(deps, buildOverview, siteId, request.query.day);
        return sendFile(
          reply,
          'text/csv; charset=utf-8',
          exportFileName(report, table, 'csv'),
          Buffer.from(tableCsv(report, table), 'utf8'),
        );
      },
    );

    scope.get(
      supervisorPaths.patterns.report,
      {
        config: { access: supervisorAccess },
        schema: {
          ...schema('The shift report of the day as PDF, in Polish (no personal data)'),
          params: siteParams,
          querystring: exportQuerySchema,
          response: errors(400, 401, 403, 404),
        },
      },
      async (request, reply) => {
        const { siteId } = request.params;
        requireOwnSite(request, siteId, 'export the day');
        const report = await readDayReport(deps, buildOverview, siteId, request.query.day);
        const pdf = await renderShiftReport(report);
        return sendFile(reply, 'application/pdf', exportFileName(report, 'raport', 'pdf'), pdf);
      },
    );
  });
}
