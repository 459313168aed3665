import { sql } from 'kysely';
import { centralHealthSchema, CENTRAL_HEALTH_PATH } from '../../common/contract/central/health';
import { ApiHttpError } from '../http/apiHttpError';
import type { CentralApp, CentralContext } from '../http/centralContext';
import { errorResponses } from '../http/routeSchemas';

/** GET /api/v1/health: up, and the store answers a query. */
export function registerHealthRoute(app: CentralApp, context: CentralContext): void {
  app.get(
    CENTRAL_HEALTH_PATH,
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Whether the server is up and its store reachable',
        response: { 200: centralHealthSchema, ...errorResponses(503) },
      },
    },
    async (request) => {
      try {
        await sql`select 1`.execute(context.store.db);
      } catch (error) {
        request.log.error({ err: error }, 'health check: the store does not answer');
        throw new ApiHttpError(503, 'unavailable', 'The store does not answer.');
      }
      return {
        status: 'ok' as const,
        service: 'okienko-central' as const,
        version: context.version,
        store: context.store.dialect,
        demoData: context.demoData,
        time: context.clock.now().toISOString(),
      };
    },
  );
}
