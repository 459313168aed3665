import { queuePaths } from '../../common/contract/central/paths';
import {
  checkInRequestSchema,
  checkInResponseSchema,
  displayStateSchema,
  issueTicketResponseSchema,
  kioskIssueRequestSchema,
  kioskStateSchema,
} from '../../common/contract/central/queue';
import type { CentralApp } from '../http/centralContext';
import { securityOf } from '../http/routeSchemas';
import type { QueueEngine } from './queueEngine';
import { queueErrors, siteParams } from './queueRouteParts';

/** The hall's kiosk and display board: public, numbers only. */
export function registerHallQueueRoutes(app: CentralApp, engine: QueueEngine): void {
  const hall = { tags: ['queue'], security: securityOf('public') };
  app.get(
    queuePaths.patterns.kiosk,
    {
      config: { access: 'public' },
      schema: {
        ...hall,
        summary: 'The kiosk: categories open now with their estimated waits',
        params: siteParams,
        response: { 200: kioskStateSchema, ...queueErrors(400, 404) },
      },
    },
    async (request) => engine.kiosk(request.params.siteId),
  );
  app.post(
    queuePaths.patterns.kioskTickets,
    {
      config: { access: 'public' },
      schema: {
        ...hall,
        summary: 'The kiosk: take a ticket (or learn why not)',
        params: siteParams,
        body: kioskIssueRequestSchema,
        response: { 200: issueTicketResponseSchema, ...queueErrors(400, 404) },
      },
    },
    async (request) =>
      engine.issueTicket({
        siteId: request.params.siteId,
        categoryId: request.body.categoryId,
        priority: request.body.priority,
        source: 'kiosk',
        checklist: null,
        actor: 'kiosk',
      }),
  );
  app.post(
    queuePaths.patterns.kioskCheckIn,
    {
      config: { access: 'public' },
      schema: {
        ...hall,
        summary: 'The kiosk: check in an appointment by its booking code',
        params: siteParams,
        body: checkInRequestSchema,
        response: { 200: checkInResponseSchema, ...queueErrors(400, 404) },
      },
    },
    async (request) => engine.checkIn(request.params.siteId, request.body.bookingCode),
  );
  app.get(
    queuePaths.patterns.display,
    {
      config: { access: 'public' },
      schema: {
        ...hall,
        summary: 'The display board: tickets called and their counters (numbers only)',
        params: siteParams,
        response: { 200: displayStateSchema, ...queueErrors(400, 404) },
      },
    },
    async (request) => engine.display(request.params.siteId),
  );
}
