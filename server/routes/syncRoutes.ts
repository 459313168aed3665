import { centralPaths } from '../../common/contract/central/paths';
import {
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '../../common/contract/central/sync';
import type { RouteAccess } from '../auth/routeAccess';
import type { CentralApp, CentralContext } from '../http/centralContext';
import { errorResponses, securityOf } from '../http/routeSchemas';
import { pullChanges } from '../sync/pullChanges';
import { pushMutations } from '../sync/pushMutations';

const workstationOnly: RouteAccess = { workstation: true };
const workstationOrUser: RouteAccess = { users: 'any-role', workstation: true };

export function registerSyncRoutes(app: CentralApp, context: CentralContext): void {
  app.post(
    centralPaths.syncPush,
    {
      config: { access: workstationOnly },
      schema: {
        tags: ['sync'],
        summary: "Apply a batch of the workstation's mutations, each id at most once",
        security: securityOf(workstationOnly),
        body: pushRequestSchema,
        response: { 200: pushResponseSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const workstation = request.caller.workstation;
      if (!workstation)
        throw new Error('The access rule let a push through without a workstation.');
      const { results, newlyApplied } = await pushMutations(
        context.store,
        workstation,
        request.body.mutations,
        context.clock.now(),
      );
      if (newlyApplied > 0) {
        try {
          await context.liveEvents.publish('mutation.applied', {
            count: newlyApplied,
            workstationId: workstation.id,
          });
        } catch (error) {
          // Committed already; the supervisor's view catches up on its next refresh.
          request.log.error({ err: error }, 'could not publish mutation.applied');
        }
      }
      return { results };
    },
  );

  app.get(
    centralPaths.syncPull,
    {
      config: { access: workstationOrUser },
      schema: {
        tags: ['sync'],
        summary: 'Reference changes after a cursor, one page in feed order',
        security: securityOf(workstationOrUser),
        querystring: pullQuerySchema,
        response: { 200: pullResponseSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => pullChanges(context.store, request.query.after, request.query.limit),
  );
}
