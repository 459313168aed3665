import type Database from 'better-sqlite3';
import type { WorkstationConfig } from '../../../common/contract';
import type { Clock } from '../../app/clock';
import type { EventHub } from '../../app/eventHub';
import type { FetchFn } from '../../central/centralHealthCheck';
import type { CentralFailure } from '../../sync/centralHttp';
import type { SyncServices } from '../../sync/syncServices';
import { createLockerClient } from './lockerClient';
import { createLockerService, type ReadyCasesPull } from './lockerService';

/** How often the desk pulls the ready cases and moves overdue deposits to `expired`. */
export const LOCKER_REFRESH_INTERVAL_MS = 5 * 60_000;

export type LockerServiceLogger = {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
};

function describeFailure(failure: CentralFailure): ReadyCasesPull {
  switch (failure.kind) {
    case 'unauthorized':
      return {
        ok: false,
        reason: 'no-session',
        message: 'Serwer nie przyjął sesji: zaloguj się ponownie.',
      };
    case 'rejected':
      return {
        ok: false,
        reason: 'offline',
        message: `Serwer odmówił listy spraw gotowych (${failure.status}): ${failure.message}`,
      };
    default:
      return {
        ok: false,
        reason: 'offline',
        message:
          'Brak połączenia z serwerem centralnym: lista spraw gotowych jest z pamięci podręcznej.',
      };
  }
}

/**
 * Builds the locker desk's service as startWorkstation needs it: the reference mirror for sites
 * and case types, the outbox, the session of whoever is logged in for the pull; and, at a site
 * with a locker, a timer that pulls the ready cases (when a locker clerk or supervisor is logged
 * in online) and moves overdue deposits to `expired`. The sync handlers
 * (`lockerSyncHandlers`) go to the sync engine separately, because the engine is built first.
 */
export function startLockerService(options: {
  db: Database.Database;
  clock: Clock;
  logger: LockerServiceLogger;
  hub: EventHub;
  fetchFn: FetchFn;
  baseUrl: string;
  workstationToken: string | null;
  config: Pick<WorkstationConfig, 'site'>;
  sync: Pick<SyncServices, 'auth' | 'outbox' | 'reference'>;
  intervalMs?: number;
}) {
  const { sync, config, logger } = options;
  const client = createLockerClient({
    baseUrl: options.baseUrl,
    fetchFn: options.fetchFn,
    clock: options.clock,
    workstationToken: () => options.workstationToken,
  });
  const lockers = createLockerService({
    db: options.db,
    clock: options.clock,
    outbox: sync.outbox,
    siteId: config.site.id,
    site: (siteId) => sync.reference.get('site', siteId),
    caseType: (caseTypeId) => sync.reference.get('caseType', caseTypeId),
    userLogin: () => sync.auth.user()?.login ?? null,
    pullReadyCases: async () => {
      const token = sync.auth.sessionToken();
      if (!token) {
        return sync.auth.user()
          ? {
              ok: false,
              reason: 'offline',
              message:
                'Zalogowano bez połączenia z serwerem: lista spraw gotowych jest z pamięci podręcznej.',
            }
          : { ok: false, reason: 'no-session', message: 'Nikt nie jest zalogowany.' };
      }
      const answer = await client.readyCases(config.site.id, token);
      return answer.ok ? { ok: true, value: answer.value } : describeFailure(answer.failure);
    },
    events: {
      depositChanged: (deposit) => options.hub.publish('lockers:depositChanged', deposit),
      readyCasesChanged: (change) => options.hub.publish('lockers:readyCasesChanged', change),
    },
  });

  let running = false;
  async function tick(): Promise<void> {
    if (running || sync.reference.get('site', config.site.id)?.hasLocker !== true) return;
    running = true;
    try {
      const expired = lockers.expireOverdue();
      if (expired > 0) logger.info({ expired }, 'locker deposits past their last pickup day');
      if (sync.auth.hasAnyRole(['locker', 'supervisor']) && sync.auth.sessionToken()) {
        await lockers.refreshReadyCases();
      }
    } catch (error) {
      logger.warn({ err: error }, 'the locker desk could not refresh its ready cases');
    } finally {
      running = false;
    }
  }
  const timer = setInterval(() => void tick(), options.intervalMs ?? LOCKER_REFRESH_INTERVAL_MS);
  timer.unref();
  void tick();

  return {
    lockers,
    /** Pull now (a login at the desk, the live event of a case marked ready). */
    refreshSoon: () => void tick(),
    stop: () => clearInterval(timer),
  };
}
