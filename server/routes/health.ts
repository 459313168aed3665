import type { FastifyInstance } from 'fastify';
import { CENTRAL_HEALTH_PATH, type CentralHealth } from '../../common/contract/central/health';

export function registerHealthRoute(
  app: FastifyInstance,
  options: { version: string; store: CentralHealth['store']; demoData: boolean },
): void {
  app.get(CENTRAL_HEALTH_PATH, async (): Promise<CentralHealth> => ({
    status: 'ok',
    service: 'okienko-central',
    version: options.version,
    store: options.store,
    demoData: options.demoData,
    time: new Date().toISOString(),
  }));
}
