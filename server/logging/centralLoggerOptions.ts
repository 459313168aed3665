import type { FastifyServerOptions } from 'fastify';
import { maskText } from '../../common/domain/personalData';
import { maskPersonalFields } from '../../common/domain/personalFields';

type PinoOptions = Exclude<NonNullable<FastifyServerOptions['logger']>, boolean>;
type LoggedRequest = { method: string; url: string; ip?: string; id?: string };

/**
 * The standalone central server's logger (its register holds residents' personal data): the
 * same masking as the counter PC's log (docs/logs.md). Every logged object has its personal
 * fields masked by key, and every line its PESELs, e-mails, phone numbers, streets and postal
 * codes by pattern. A request is logged by method and path only: a query string may carry what
 * a log must not, and bodies are never logged (Fastify does not, and nothing here asks it to).
 */
export function centralLoggerOptions(): PinoOptions {
  return {
    level: process.env.LOG_LEVEL ?? 'info',
    formatters: { log: (object: Record<string, unknown>) => maskPersonalFields(object) },
    hooks: { streamWrite: (line: string) => maskText(line) },
    serializers: {
      req: (request: LoggedRequest) => ({
        id: request.id,
        method: request.method,
        path: request.url.split('?')[0],
        ip: request.ip,
      }),
    },
  };
}
