import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { PasswordHasher } from '../auth/passwordHashing';
import type { LoginLimits } from '../auth/loginRateLimit';
import type { Clock } from '../clock';
import type { LiveEventPublisher } from '../events/liveEventPublisher';
import type { CentralStore } from '../store/openCentralStore';

/** The Fastify instance with zod schemas typing each route's request and reply. */
export type CentralApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What the routes are given: the store, the clock and the rest, injected once. */
export type CentralContext = {
  version: string;
  demoData: boolean;
  store: CentralStore;
  clock: Clock;
  liveEvents: LiveEventPublisher;
  passwords: PasswordHasher;
  sessionTtlMs: number;
  loginLimits: LoginLimits;
};
