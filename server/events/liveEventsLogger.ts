import type { FastifyBaseLogger } from 'fastify';

/** What live events log through: the server's pino logger (`app.log`) or a silent one in tests. */
export type LiveEventsLogger = Pick<FastifyBaseLogger, 'debug' | 'info' | 'warn' | 'error'>;
