import { queuePaths } from '../../common/contract/central/paths';
import {
  bringBackRequestSchema,
  callTicketRequestSchema,
  counterCommandResponseSchema,
  counterStateSchema,
  finishRequestSchema,
  pauseCounterRequestSchema,
  resumeParkedRequestSchema,
  transferRequestSchema,
  walkInRequestSchema,
  type CounterCommandResponse,
} from '../../common/contract/central/queue';
import type { CentralApp } from '../http/centralContext';
import { securityOf } from '../http/routeSchemas';
import type { ClerkAtCounter } from './queueDeps';
import type { QueueEngine } from './queueEngine';
import { clerkAtCounter, counterStaff, queueErrors } from './queueRouteParts';

/** The clerk's commands at the counter of the calling PC. */
export function registerCounterRoutes(app: CentralApp, engine: QueueEngine): void {
  const schemaOf = (summary: string) => ({
    tags: ['queue'],
    summary,
    security: securityOf(counterStaff),
    response: {
      200: counterCommandResponseSchema,
      ...queueErrors(400, 401, 403, 404, 409),
    },
  });
  const command = (
    path: string,
    summary: string,
    run: (actor: ClerkAtCounter) => Promise<CounterCommandResponse>,
  ) =>
    app.post(
      path,
      { config: { access: counterStaff }, schema: schemaOf(summary) },
      async (request) => run(await clerkAtCounter(request, engine)),
    );

  app.get(
    queuePaths.counter,
    {
      config: { access: counterStaff },
      schema: {
        tags: ['queue'],
        summary: "This workstation's counter: its state, the ticket at it, the parked ones",
        security: securityOf(counterStaff),
        response: { 200: counterStateSchema, ...queueErrors(401, 403, 404) },
      },
    },
    async (request) => engine.counterState((await clerkAtCounter(request, engine)).counterId),
  );
  command(queuePaths.open, "Open the counter under the clerk's login", engine.open);
  command(queuePaths.close, 'Close the counter (refused with a ticket at it)', engine.close);
  command(queuePaths.resume, 'Resume the paused counter', engine.resume);
  command(queuePaths.callNext, 'Call the next ticket, as the engine decides', engine.callNext);
  command(queuePaths.recall, 'Call the ticket at the counter again', engine.recall);
  command(queuePaths.noShow, 'Mark the ticket at the counter a no-show', engine.noShow);
  command(queuePaths.park, 'Park the ticket at the counter', engine.park);

  app.post(
    queuePaths.pause,
    {
      config: { access: counterStaff },
      schema: { ...schemaOf('Pause the counter, with a reason'), body: pauseCounterRequestSchema },
    },
    async (request) => engine.pause(await clerkAtCounter(request, engine), request.body.reason),
  );
  app.post(
    queuePaths.callTicket,
    {
      config: { access: counterStaff },
      schema: {
        ...schemaOf('Call a chosen waiting ticket (where the site allows it; journaled)'),
        body: callTicketRequestSchema,
      },
    },
    async (request) => engine.callTicket(await clerkAtCounter(request, engine), request.body),
  );
  app.post(
    queuePaths.bringBack,
    {
      config: { access: counterStaff },
      schema: {
        ...schemaOf('Bring a no-show back into the queue at its original time'),
        body: bringBackRequestSchema,
      },
    },
    async (request) => engine.bringBack(await clerkAtCounter(request, engine), request.body),
  );
  app.post(
    queuePaths.transfer,
    {
      config: { access: counterStaff },
      schema: {
        ...schemaOf('Transfer the ticket to another category or a named counter, keeping its time'),
        body: transferRequestSchema,
      },
    },
    async (request) => engine.transfer(await clerkAtCounter(request, engine), request.body),
  );
  app.post(
    queuePaths.resumeParked,
    {
      config: { access: counterStaff },
      schema: {
        ...schemaOf('Take back a ticket this counter parked'),
        body: resumeParkedRequestSchema,
      },
    },
    async (request) =>
      engine.resumeParked(await clerkAtCounter(request, engine), request.body.ticketId),
  );
  app.post(
    queuePaths.finish,
    {
      config: { access: counterStaff },
      schema: {
        ...schemaOf("Finish the visit: services done and outcome (the site's required fields)"),
        body: finishRequestSchema,
      },
    },
    async (request) => engine.finish(await clerkAtCounter(request, engine), request.body),
  );
  app.post(
    queuePaths.walkIn,
    {
      config: { access: counterStaff },
      schema: {
        ...schemaOf('Serve a resident without a ticket: a ticket straight to this counter'),
        body: walkInRequestSchema,
      },
    },
    async (request) => engine.walkIn(await clerkAtCounter(request, engine), request.body),
  );
}
