import fastifyWebsocket from '@fastify/websocket';
import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import { z } from 'zod';
import type { ApiError } from '../../common/contract/central/apiError';
import { LIVE_EVENTS_PATH } from '../../common/contract/central/liveEvents';
import { issuesFromZod } from '../../common/contract/ipcError';
import type { LiveEvents } from './createLiveEvents';
import { liveEventIdSchema } from './liveEventId';
import { serveLiveEventSocket } from './liveEventSocket';

export type LiveEventsRouteOptions = {
  liveEvents: Pick<LiveEvents, 'subscribe'>;
  /** Whether this request may watch live events; false refuses the upgrade with HTTP 401. */
  authorize(request: FastifyRequest): Promise<boolean>;
  /** Merged into the route's `config` (the server's access rule lives there). */
  routeConfig?: FastifyContextConfig;
  /** Ping every … ms; a client that missed the previous pong is cut off (default 30 s). */
  pingIntervalMs?: number;
  /** Unsent bytes beyond which a slow client is closed with 4408 (default 1 MiB). */
  maxBufferedBytes?: number;
};

const querySchema = z.object({ after: liveEventIdSchema.optional() });

/**
 * Serves the live events WebSocket at LIVE_EVENTS_PATH (`?after=<last id seen>`). Registers
 * @fastify/websocket unless the app already has it (register it before this if other routes
 * need it too: two copies would both answer each upgrade).
 */
export function registerLiveEventsRoute(
  app: FastifyInstance,
  options: LiveEventsRouteOptions,
): void {
  void app.register(liveEventsRoute, options);
}

const liveEventsRoute: FastifyPluginAsync<LiveEventsRouteOptions> = async (scope, options) => {
  if (!scope.hasDecorator('websocketServer')) {
    await scope.register(fastifyWebsocket, {
      // Clients only listen: anything they send is small and ignored.
      options: { maxPayload: 4 * 1024 },
      preClose(done) {
        for (const client of this.websocketServer.clients)
          client.close(1001, 'The server is stopping.');
        done();
      },
    });
  }
  const limits = {
    pingIntervalMs: options.pingIntervalMs ?? 30_000,
    maxBufferedBytes: options.maxBufferedBytes ?? 1024 * 1024,
  };

  scope.get(
    LIVE_EVENTS_PATH,
    {
      websocket: true,
      config: options.routeConfig ?? {},
      // Runs before the upgrade, so a refused client gets a plain HTTP answer and no socket.
      preValidation: async (request, reply) => {
        if (!(await options.authorize(request))) {
          return refuse(reply, 401, {
            error: {
              code: 'unauthenticated',
              message: 'Live events need a logged-in user or a workstation token.',
            },
          });
        }
        const query = querySchema.safeParse(request.query);
        if (!query.success) {
          return refuse(reply, 400, {
            error: {
              code: 'invalid-request',
              message:
                '`after` must be the id of the last live event received (digits), or left out.',
              issues: issuesFromZod(query.error),
            },
          });
        }
      },
    },
    (socket, request) => {
      const after = querySchema.parse(request.query).after ?? null;
      serveLiveEventSocket(socket, after, options.liveEvents, limits);
    },
  );
};

function refuse(reply: FastifyReply, status: number, body: ApiError): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}
