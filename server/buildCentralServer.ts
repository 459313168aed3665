import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerHealthRoute } from './routes/health';

export type CentralServerOptions = {
  version: string;
  store: 'sqlite' | 'postgres';
  demoData: boolean;
  logger?: FastifyServerOptions['logger'] | FastifyServerOptions['loggerInstance'];
};

/**
 * The central sync API as a Fastify instance, not yet listening: tests inject requests into it,
 * the standalone entry and the workstation's embedded default make it listen.
 */
export function buildCentralServer(options: CentralServerOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger === undefined ? false : (options.logger as boolean),
  });
  registerHealthRoute(app, options);
  return app;
}
