import type Database from 'better-sqlite3';
import type { WorkstationConfig } from '../../common/contract';
import type { Clock } from '../app/clock';
import type { SyncServices } from '../sync/syncServices';
import { startCaseRetention, type RetentionLogger } from './caseRetention';
import { createCaseService } from './caseService';

/**
 * Builds the case service as startWorkstation needs it: the clerk from the login, the case types
 * from the reference mirror, the outbox of the sync, this PC's site and counter; and starts the
 * retention (now and every hour). The sync handlers (`caseSyncHandlers`) go to the sync engine
 * separately, because the engine is built first.
 */
export function startCaseService(options: {
  db: Database.Database;
  clock: Clock;
  logger: RetentionLogger;
  config: WorkstationConfig;
  sync: Pick<SyncServices, 'auth' | 'outbox' | 'reference'>;
}) {
  const { db, clock, config, sync } = options;
  const cases = createCaseService({
    db,
    clock,
    outbox: sync.outbox,
    caseTypes: () => sync.reference.list('caseType'),
    clerkLogin: () => sync.auth.user()?.login ?? null,
    workstation: { siteId: config.site.id, counterNumber: config.counter.number },
  });
  const retention = startCaseRetention({
    db,
    clock,
    retentionDays: config.cases.retentionDays,
    logger: options.logger,
  });
  return { cases, stop: () => retention.stop() };
}
