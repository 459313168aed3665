import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EventPayload } from '../../common/contract';
import type { Clock } from '../app/clock';
import type { EventHub } from '../app/eventHub';
import { createAuthService, type AuthLogger } from '../auth/authService';
import type { FetchFn } from '../central/centralHealthCheck';
import { createReferenceCache } from '../reference/referenceCache';
import { createCentralClient } from './centralClient';
import { createOutbox } from './outbox';
import { createSyncEngine, type SyncEngineOptions, type SyncLogger } from './syncEngine';

export type SyncServicesOptions = {
  db: Database.Database;
  clock: Clock;
  logger: SyncLogger & AuthLogger;
  hub: EventHub;
  fetchFn: FetchFn;
  /** The central server this PC syncs with (the embedded one's address or the configured one). */
  baseUrl: string;
  /** This PC's identity on it; null: the server will refuse the sync (unauthorized). */
  workstationToken: string | null;
  /** The central server is the embedded one, with demo data. */
  demo: boolean;
  /**
   * Told when the sync or a login has just found the central server unreachable, so the central
   * monitor checks now instead of at its next tick (the status bar then says so at once).
   */
  onCentralUnreachable?: () => void;
  /** Overrides for tests and benchmarks (timers, intervals, batch sizes). */
  engine?: Partial<Omit<SyncEngineOptions, 'db' | 'client' | 'clock' | 'logger' | 'publish'>>;
};

/**
 * The offline-first services of a counter PC, built together because they share the central
 * client and the database: the sync engine and its outbox, the login (online, or offline from
 * the cached verifier) and the local reference cache. `start()` runs the first sync and follows
 * the central monitor's news; `stop()` ends both.
 */
export function createSyncServices(options: SyncServicesOptions) {
  const { db, clock, logger, hub } = options;
  const client = createCentralClient({
    baseUrl: options.baseUrl,
    fetchFn: options.fetchFn,
    clock,
    workstationToken: () => options.workstationToken,
  });
  let wasOnline: boolean | null = null;
  const engine = createSyncEngine({
    ...options.engine,
    db,
    client,
    clock,
    logger,
    publish: (status) => {
      if (status.online === false && wasOnline !== false) options.onCentralUnreachable?.();
      wasOnline = status.online;
      hub.publish('sync:statusChanged', status);
    },
  });
  const outbox = createOutbox({ db, clock, newId: randomUUID, onEnqueued: engine.notifyEnqueued });
  const auth = createAuthService({
    db,
    client,
    clock,
    logger,
    demo: options.demo,
    publish: (state) => hub.publish('auth:sessionChanged', state),
    ...(options.onCentralUnreachable ? { onUnreachable: options.onCentralUnreachable } : {}),
  });
  const reference = createReferenceCache(db, logger);
  let unsubscribe: (() => void) | null = null;

  return {
    engine,
    outbox,
    auth,
    reference,
    start(): void {
      unsubscribe = hub.subscribe((event, payload) => {
        if (event !== 'central:statusChanged') return;
        const { reachable } = payload as EventPayload<'central:statusChanged'>;
        if (reachable === true) engine.centralReachable();
        else if (reachable === false) engine.centralUnreachable();
      });
      engine.start();
    },
    async stop(): Promise<void> {
      unsubscribe?.();
      await engine.stop();
    },
  };
}

export type SyncServices = ReturnType<typeof createSyncServices>;
