import { z } from 'zod';
import { centralPaths } from '../../common/contract/central/paths';
import {
  referenceEntityKinds,
  referenceEntitySchemas,
  referenceListResponseSchemas,
  referenceWriteResultSchema,
  type ReferenceEntity,
  type ReferenceEntityKind,
} from '../../common/contract/central/reference';
import type { RouteAccess } from '../auth/routeAccess';
import type { CentralApp, CentralContext } from '../http/centralContext';
import { errorResponses, securityOf } from '../http/routeSchemas';
import { listReferenceEntities } from '../reference/referenceFeed';
import { deleteReferenceEntity, putReferenceEntity } from '../reference/referenceWrites';

const anyCaller: RouteAccess = { users: 'any-role', workstation: true };
const adminOnly: RouteAccess = { users: ['admin'] };

const idParams = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase id: letters, digits, . _ -'),
});

/**
 * One set of routes per entity kind (`/api/v1/reference/site`, `/api/v1/admin/reference/site/:id`
 * …), so each body is checked by its own entity's schema before the handler runs and the
 * OpenAPI document shows each kind's shape. A kind that does not exist is an unknown route.
 */
export function registerReferenceRoutes(app: CentralApp, context: CentralContext): void {
  for (const entity of referenceEntityKinds) registerEntityRoutes(app, context, entity);
}

type AnyReferenceEntity = ReferenceEntity[ReferenceEntityKind];

function registerEntityRoutes(
  app: CentralApp,
  context: CentralContext,
  entity: ReferenceEntityKind,
): void {
  const writeContext = () => ({
    store: context.store,
    clock: context.clock,
    liveEvents: context.liveEvents,
    log: app.log,
  });

  app.get(
    centralPaths.referenceList(entity),
    {
      config: { access: anyCaller },
      schema: {
        tags: ['reference'],
        summary: `Every live ${entity}`,
        security: securityOf(anyCaller),
        response: {
          200: referenceListResponseSchemas[entity] as z.ZodType<{ items: AnyReferenceEntity[] }>,
          ...errorResponses(401, 403),
        },
      },
    },
    async () => ({ items: await listReferenceEntities(context.store.db, entity) }),
  );

  app.put(
    `/api/v1/admin/reference/${entity}/:id`,
    {
      config: { access: adminOnly },
      schema: {
        tags: ['admin'],
        summary: `Create or replace a ${entity}; the write advances the sync feed`,
        security: securityOf(adminOnly),
        params: idParams,
        body: referenceEntitySchemas[entity] as z.ZodType<AnyReferenceEntity>,
        response: { 200: referenceWriteResultSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => putReferenceEntity(writeContext(), entity, request.params.id, request.body),
  );

  app.delete(
    `/api/v1/admin/reference/${entity}/:id`,
    {
      config: { access: adminOnly },
      schema: {
        tags: ['admin'],
        summary: `Delete a ${entity}: it stays in the feed as a tombstone`,
        security: securityOf(adminOnly),
        params: idParams,
        response: { 200: referenceWriteResultSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => deleteReferenceEntity(writeContext(), entity, request.params.id),
  );
}
