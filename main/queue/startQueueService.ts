import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EventPayload, WorkstationConfig } from '../../common/contract';
import type { Clock } from '../app/clock';
import type { EventHub } from '../app/eventHub';
import type { FetchFn } from '../central/centralHealthCheck';
import type { SyncServices } from '../sync/syncServices';
import { createQueueClient } from './queueClient';
import { createQueueService, type QueueLogger, type QueueServiceOptions } from './queueService';

export type QueueServiceWiring = {
  db: Database.Database;
  clock: Clock;
  logger: QueueLogger;
  hub: EventHub;
  fetchFn: FetchFn;
  /** The central server (embedded or remote); '' when there is none. */
  baseUrl: string;
  workstationToken: string | null;
  config: Pick<WorkstationConfig, 'site' | 'counter'>;
  sync: Pick<SyncServices, 'auth' | 'outbox' | 'live' | 'onLiveEvent'>;
  /** Overrides for tests (timers, poll intervals). */
  overrides?: Partial<Pick<QueueServiceOptions, 'timers' | 'pollMs'>>;
};

/**
 * Builds the counter panel's service and connects it: the clerk's session from the login, the
 * outbox of the sync, `queue.changed` live events, and the hub's news of logins and of the
 * central server coming back. Returns the service and `stop()`.
 */
export function startQueueService(wiring: QueueServiceWiring) {
  const { hub, sync } = wiring;
  const client = createQueueClient({
    baseUrl: wiring.baseUrl,
    fetchFn: wiring.fetchFn,
    clock: wiring.clock,
    workstationToken: () => wiring.workstationToken,
  });
  const queue = createQueueService({
    ...wiring.overrides,
    db: wiring.db,
    clock: wiring.clock,
    logger: wiring.logger,
    client,
    siteId: wiring.config.site.id,
    counterNumber: wiring.config.counter.number,
    session: () => {
      const session = sync.auth.state().session;
      if (!session) return null;
      return {
        login: session.user.login,
        offline: session.offline,
        token: sync.auth.sessionToken(),
      };
    },
    outbox: sync.outbox,
    newId: randomUUID,
    publish: (panel) => hub.publish('queue:changed', panel),
    liveState: () => sync.live?.state() ?? 'off',
  });
  const stopLive = sync.onLiveEvent((event) => queue.liveEvent(event));
  const stopHub = hub.subscribe((event, payload) => {
    if (event === 'auth:sessionChanged') queue.sessionChanged();
    else if (event === 'central:statusChanged') {
      const { reachable } = payload as EventPayload<'central:statusChanged'>;
      if (reachable !== null) queue.centralStatusChanged(reachable);
    }
  });
  queue.start();
  return {
    queue,
    async stop(): Promise<void> {
      stopLive();
      stopHub();
      await queue.stop();
    },
  };
}
