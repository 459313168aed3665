import { z } from 'zod';
import { centralPaths } from '../../common/contract/central/paths';
import type { CentralApp } from '../http/centralContext';

/** GET /api/v1/openapi.json: the OpenAPI description generated from the routes' zod schemas. */
export function registerOpenApiRoute(app: CentralApp): void {
  app.get(
    centralPaths.openApi,
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'This API described as OpenAPI 3, generated from its zod schemas',
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async () => app.swagger() as unknown as Record<string, unknown>,
  );
}
