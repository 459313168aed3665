import type { WorkstationConfig } from '../../common/contract';
import type { Clock } from '../app/clock';
import type { FetchFn } from '../central/centralHealthCheck';
import type { SyncServices } from '../sync/syncServices';
import { createAssistantClient } from './assistantClient';
import { createAssistantService } from './assistantService';

export type AssistantServiceWiring = {
  clock: Clock;
  fetchFn: FetchFn;
  /** The central server (embedded or remote); '' when there is none. */
  baseUrl: string;
  workstationToken: string | null;
  config: Pick<WorkstationConfig, 'site'>;
  sync: Pick<SyncServices, 'auth'>;
};

/** The Resident Assistant's desk, with the session of whoever is logged in at this PC. */
export function startAssistantService(wiring: AssistantServiceWiring) {
  const client = createAssistantClient({
    baseUrl: wiring.baseUrl,
    fetchFn: wiring.fetchFn,
    clock: wiring.clock,
    workstationToken: () => wiring.workstationToken,
  });
  return createAssistantService({
    client,
    siteId: wiring.config.site.id,
    session: () => {
      const session = wiring.sync.auth.state().session;
      if (!session) return null;
      return { offline: session.offline, token: wiring.sync.auth.sessionToken() };
    },
  });
}
