import type { WorkstationConfig } from '../../common/contract';
import type { Clock } from '../app/clock';
import type { EventHub } from '../app/eventHub';
import type { FetchFn } from '../central/centralHealthCheck';
import type { SyncServices } from '../sync/syncServices';
import { counterMessageFor } from './counterMessageRelay';
import type { ExportSaver } from './supervisorExport';
import { createSupervisorClient } from './supervisorClient';
import { createSupervisorService } from './supervisorService';

export type SupervisorServiceWiring = {
  clock: Clock;
  logger: { warn(details: object, message: string): void };
  hub: EventHub;
  fetchFn: FetchFn;
  /** The central server (embedded or remote); '' when there is none. */
  baseUrl: string;
  workstationToken: string | null;
  config: Pick<WorkstationConfig, 'site' | 'counter'>;
  sync: Pick<SyncServices, 'auth' | 'onLiveEvent'>;
  /** The host's folder picker (Electron); absent in the browser host (exports download). */
  pickFolder?: ExportSaver['pickFolder'];
};

/**
 * The supervisor's service, connected: the session of whoever is logged in, live events (the
 * overview's refresh, and messages to this PC's counter), logins and logouts.
 */
export function startSupervisorService(wiring: SupervisorServiceWiring) {
  const { hub, sync } = wiring;
  const supervisor = createSupervisorService({
    client: createSupervisorClient({
      baseUrl: wiring.baseUrl,
      fetchFn: wiring.fetchFn,
      clock: wiring.clock,
      workstationToken: () => wiring.workstationToken,
    }),
    siteId: wiring.config.site.id,
    session: () => {
      const session = sync.auth.state().session;
      if (!session) return null;
      return {
        login: session.user.login,
        roles: session.user.roles,
        offline: session.offline,
        token: sync.auth.sessionToken(),
      };
    },
    clock: wiring.clock,
    publish: (view) => hub.publish('supervisor:overviewChanged', view),
    saver: wiring.pickFolder ? { pickFolder: wiring.pickFolder } : {},
    logger: wiring.logger,
  });
  const here = { siteId: wiring.config.site.id, counterNumber: wiring.config.counter.number };
  const stopLive = sync.onLiveEvent((event) => {
    supervisor.liveEvent(event);
    const message = counterMessageFor(event, here);
    if (message) hub.publish('supervisor:counterMessage', message);
  });
  const stopHub = hub.subscribe((event) => {
    if (event === 'auth:sessionChanged') supervisor.sessionChanged();
  });
  return {
    supervisor,
    stop(): void {
      stopLive();
      stopHub();
      supervisor.stop();
    },
  };
}
