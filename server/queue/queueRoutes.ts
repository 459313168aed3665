import type { CentralApp, CentralContext } from '../http/centralContext';
import { registerCounterRoutes } from './counterRoutes';
import { registerHallQueueRoutes } from './hallQueueRoutes';
import { createQueueEngine } from './queueEngine';
import { QueueRefusal } from './queueRefusal';
import { registerStaffQueueRoutes } from './staffQueueRoutes';

/**
 * The queue's routes (docs/queue-engine.md), in a scope of their own whose error handler adds
 * the engine's `reason` to a refusal; every other error goes on to the server's handler.
 */
export function registerQueueRoutes(app: CentralApp, context: CentralContext): void {
  const engine = createQueueEngine({
    store: context.store,
    clock: context.clock,
    liveEvents: context.liveEvents,
    logger: app.log,
  });
  void app.register(async (scope: CentralApp) => {
    scope.setErrorHandler((error, _request, reply) => {
      if (!(error instanceof QueueRefusal)) throw error;
      return reply
        .code(error.statusCode)
        .type('application/json; charset=utf-8')
        .send({
          error: {
            code: error.code,
            message: error.message,
            reason: error.reason,
            ...(error.issues ? { issues: error.issues } : {}),
          },
        });
    });
    registerCounterRoutes(scope, engine);
    registerHallQueueRoutes(scope, engine);
    registerStaffQueueRoutes(scope, engine);
  });
}
