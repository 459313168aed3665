import type { Clock } from '../clock';
import type { LiveEventPublisher } from '../events/liveEventPublisher';
import type { QueueReferenceCache } from '../queue/queueReference';
import type { CentralStore } from '../store/openCentralStore';

/** What the supervisor's overview and actions are given: injected, so tests hold the clock. */
export type SupervisorDeps = {
  store: CentralStore;
  clock: Clock;
  /** The sites, categories and counters (the queue engine's cache). */
  reference: QueueReferenceCache;
  /** The sites' time zone (Europe/Warsaw). */
  timeZone: string;
  liveEvents: LiveEventPublisher;
  logger: { error(details: object, message: string): void };
};
