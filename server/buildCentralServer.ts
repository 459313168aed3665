import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { WORKSTATION_TOKEN_HEADER } from '../common/contract/central/auth';
import { registerAuthentication } from './auth/authenticateRequests';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './auth/loginRateLimit';
import { createPasswordHasher, type ScryptCost } from './auth/passwordHashing';
import { DEFAULT_SESSION_TTL_MS } from './auth/sessions';
import { systemClock, type Clock } from './clock';
import { registerDiagnosticsRoutes } from './diagnostics/diagnosticsRoutes';
import { createLiveEvents, type LiveEvents } from './events/createLiveEvents';
import type { LiveEventPublisher } from './events/liveEventPublisher';
import { registerLiveEventsRoute } from './events/liveEventsRoute';
import { HALL_PREFIX, hallDirBesideBundle, hallRoutes } from './hall/hallRoutes';
import type { CentralApp, CentralContext } from './http/centralContext';
import { registerErrorHandling } from './http/errorHandler';
import { zodValidatorCompiler } from './http/zodValidation';
import { centralLoggerOptions } from './logging/centralLoggerOptions';
import { registerAdminRoutes } from './routes/adminRoutes';
import { registerAuthRoutes } from './routes/authRoutes';
import { registerLockerRoutes } from './lockers/lockerRoutes';
import { registerQueueRoutes } from './queue/queueRoutes';
import { registerHealthRoute } from './routes/health';
import { registerOpenApiRoute } from './routes/openApiRoute';
import { registerReferenceRoutes } from './routes/referenceRoutes';
import { registerSyncRoutes } from './routes/syncRoutes';
import { registerSupervisorRoutes } from './supervisor/supervisorRoutes';
import { registerWorkstationStatusRoutes } from './workstationStatus/workstationStatusRoutes';
import { seedDemoDataIfEmpty } from './seed/seedDemoData';
import { UPDATES_PREFIX, updateFeedRoutes } from './updates/updateFeedRoutes';
import { openCentralStore, type CentralStore } from './store/openCentralStore';
import type { StoreConfig } from './store/storeConfig';

export type CentralServerOptions = {
  version: string;
  /**
   * Where the data lives: a config (the server opens the store and closes it with itself),
   * or a store already open (the caller keeps it and closes it; tests and the embedded default).
   */
  store: StoreConfig | CentralStore;
  /** Seed the demo reference data and demo users into an empty store. */
  demoData: boolean;
  clock?: Clock;
  /** Also told of every live event (tests watch what the server announces). */
  liveEventsObserver?: LiveEventPublisher;
  /** `true` for Fastify's own pino logger, a pino instance to log into, or nothing. */
  logger?: boolean | FastifyBaseLogger;
  /** scrypt's cost for new password hashes; the production default is memory-hard. */
  passwordCost?: ScryptCost;
  sessionTtlMs?: number;
  loginLimits?: LoginLimits;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  trustProxy?: boolean;
  /** The built kiosk and display board pages served at /hall/ (default: `out/hall` beside the bundle). */
  hallDir?: string;
  /** The app's release files served at /updates/<channel>/ (docs/updates.md); absent: none. */
  releasesDir?: string | null;
};

const isOpenStore = (store: StoreConfig | CentralStore): store is CentralStore =>
  'db' in store && 'close' in store;

/**
 * The central sync API as a Fastify instance, not yet listening: tests inject requests into it,
 * the standalone entry and the workstation's embedded default make it listen. It opens (or is
 * given) the store, brings its schema up to date, seeds the demo data when asked, and checks
 * every request and response against the zod schemas of common/contract/central.
 */
export async function buildCentralServer(options: CentralServerOptions): Promise<CentralApp> {
  const ownsStore = !isOpenStore(options.store);
  const store = isOpenStore(options.store) ? options.store : await openCentralStore(options.store);
  const loggerOptions =
    typeof options.logger === 'object'
      ? { loggerInstance: options.logger }
      : { logger: options.logger === true ? centralLoggerOptions() : false };
  const app = Fastify({
    ...loggerOptions,
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();
  let live: LiveEvents | null = null;
  // One hook, so the order holds: live events (their LISTEN client, their sockets) before the store.
  app.addHook('onClose', async () => {
    await live?.close();
    if (ownsStore) await store.close();
  });

  try {
    const clock = options.clock ?? systemClock;
    live = await createLiveEvents(store, { clock, logger: app.log });
    const liveEvents = live;
    const observer = options.liveEventsObserver;
    const context: CentralContext = {
      version: options.version,
      demoData: options.demoData,
      store,
      clock,
      liveEvents: observer
        ? {
            publish: async (type, data) => {
              await liveEvents.publisher.publish(type, data);
              await observer.publish(type, data);
            },
          }
        : liveEvents.publisher,
      passwords: createPasswordHasher(options.passwordCost),
      sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
      loginLimits: options.loginLimits ?? DEFAULT_LOGIN_LIMITS,
    };

    if (options.demoData) {
      const seeded = await seedDemoDataIfEmpty(store, context);
      if (seeded.referenceEntities > 0 || seeded.users > 0) {
        app.log.info(
          seeded,
          'seeded the demo data (marked demo: true; demo users have the password "demo")',
        );
      }
    }

    app.setValidatorCompiler(zodValidatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandling(app);
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Okienko central sync API',
          description:
            'Reference data, authentication and sync for the counter workstations (docs/sync-api.md).',
          version: options.version,
        },
        components: {
          securitySchemes: {
            session: { type: 'http', scheme: 'bearer', description: 'A user session token' },
            workstation: {
              type: 'apiKey',
              in: 'header',
              name: WORKSTATION_TOKEN_HEADER,
              description: "A workstation's token",
            },
          },
        },
      },
      transform: jsonSchemaTransform,
    });
    registerAuthentication(app, { store, clock: context.clock });

    registerHealthRoute(app, context);
    registerOpenApiRoute(app);
    registerAuthRoutes(app, context);
    registerReferenceRoutes(app, context);
    registerAdminRoutes(app, context);
    registerSyncRoutes(app, context);
    registerQueueRoutes(app, context);
    registerSupervisorRoutes(app, context);
    registerLockerRoutes(app, context);
    registerDiagnosticsRoutes(app, context);
    registerWorkstationStatusRoutes(app, context);
    await app.register(hallRoutes, {
      prefix: HALL_PREFIX,
      hallDir: options.hallDir ?? hallDirBesideBundle(),
    });
    await app.register(updateFeedRoutes, {
      prefix: UPDATES_PREFIX,
      releasesDir: options.releasesDir ?? null,
    });
    registerLiveEventsRoute(app, {
      liveEvents,
      routeConfig: { access: { users: 'any-role', workstation: true } },
      authorize: async (request) =>
        request.caller.user !== null || request.caller.workstation !== null,
    });
    await app.ready();
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}
