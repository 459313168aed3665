import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EventPayload } from '../../common/contract';
import type { Clock } from '../app/clock';
import type { EventHub } from '../app/eventHub';
import { createAuthService, type AuthLogger } from '../auth/authService';
import type { FetchFn } from '../central/centralHealthCheck';
import { createReferenceCache } from '../reference/referenceCache';
import { createCentralClient } from './centralClient';
import {
  createLiveEventsClient,
  type LiveEventListener,
  type LiveEventsClient,
  type LiveEventsClientOptions,
} from './liveEventsClient';
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
  engine?: Partial<
    Omit<
      SyncEngineOptions,
      'db' | 'client' | 'clock' | 'logger' | 'publish' | 'liveState' | 'onFeedReplaced'
    >
  >;
  /**
   * Overrides of the live events client (timers, backoff), or `false` for none: the PC then
   * learns of changes made elsewhere at its next poll only.
   */
  live?:
    | Partial<
        Omit<
          LiveEventsClientOptions,
          'db' | 'baseUrl' | 'workstationToken' | 'logger' | 'requestPull' | 'onStateChange'
        >
      >
    | false;
};

/**
 * The offline-first services of a counter PC, built together because they share the central
 * client and the database: the sync engine and its outbox, the live events client (which asks
 * the engine to pull when the server announces a reference change, and hands every event to
 * `live.onEvent` listeners), the login (online, or offline from the cached verifier) and the local
 * reference cache. `start()` runs the first sync, connects the live events and follows the central
 * monitor's news; `stop()` ends them all.
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
  let live: LiveEventsClient | null = null;
  const engine = createSyncEngine({
    ...options.engine,
    db,
    client,
    clock,
    logger,
    liveState: () => live?.state() ?? 'off',
    onFeedReplaced: () => live?.feedReplaced(),
    publish: (status) => {
      if (status.online === false && wasOnline !== false) options.onCentralUnreachable?.();
      wasOnline = status.online;
      hub.publish('sync:statusChanged', status);
    },
  });
  live =
    options.live === false || !options.baseUrl
      ? null
      : createLiveEventsClient({
          ...options.live,
          db,
          baseUrl: options.baseUrl,
          workstationToken: () => options.workstationToken,
          logger,
          requestPull: () => void engine.syncNow(),
          onStateChange: () => engine.refreshStatus(),
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
    /** Null when the services were built without live events (or without a server address). */
    live,
    /**
     * Every valid live event from the central server, in id order (the queue panel, the
     * supervisor window); returns the unsubscribe function. Without live events, never called.
     */
    onLiveEvent(listener: LiveEventListener): () => void {
      return live ? live.onEvent(listener) : () => {};
    },
    outbox,
    auth,
    reference,
    start(): void {
      unsubscribe = hub.subscribe((event, payload) => {
        if (event !== 'central:statusChanged') return;
        const { reachable } = payload as EventPayload<'central:statusChanged'>;
        if (reachable === true) {
          engine.centralReachable();
          live?.centralReachable();
        } else if (reachable === false) {
          // The live events client keeps retrying quietly, backing off.
          engine.centralUnreachable();
        }
      });
      engine.start();
      live?.start();
    },
    async stop(): Promise<void> {
      unsubscribe?.();
      await live?.stop();
      await engine.stop();
    },
  };
}

export type SyncServices = ReturnType<typeof createSyncServices>;
