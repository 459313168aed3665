import type Database from 'better-sqlite3';
import type { Clock } from '../app/clock';
import { systemTimers, type SyncTimers } from '../sync/syncTimers';
import { deleteDraftsBefore } from './caseDraftQueries';
import { purgePersonalDataBefore } from './caseQueries';

const DAY_MS = 24 * 60 * 60 * 1000;
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

export type RetentionLogger = { info(fields: object, message: string): void };

/**
 * Deletes what this PC no longer needs to keep (RODO): the personal data of cases registered
 * more than `retentionDays` ago (their number and type stay) and the drafts nobody has changed
 * for as long. One transaction; returns what it deleted.
 */
export function applyCaseRetention(
  db: Database.Database,
  now: Date,
  retentionDays: number,
): { casesPurged: number; draftsDeleted: number } {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  return db.transaction(() => ({
    casesPurged: purgePersonalDataBefore(db, cutoff),
    draftsDeleted: deleteDraftsBefore(db, cutoff),
  }))();
}

/** Runs the retention now and then every hour, until `stop()`. */
export function startCaseRetention(options: {
  db: Database.Database;
  clock: Clock;
  retentionDays: number;
  logger: RetentionLogger;
  timers?: SyncTimers;
  intervalMs?: number;
}): { stop(): void } {
  const timers = options.timers ?? systemTimers;
  const intervalMs = options.intervalMs ?? RETENTION_INTERVAL_MS;
  let handle: unknown = null;
  let stopped = false;

  function run(): void {
    if (stopped || !options.db.open) return;
    const deleted = applyCaseRetention(options.db, options.clock.now(), options.retentionDays);
    if (deleted.casesPurged > 0 || deleted.draftsDeleted > 0) {
      options.logger.info(
        { ...deleted, retentionDays: options.retentionDays },
        'deleted personal data past its retention',
      );
    }
    handle = timers.setTimeout(run, intervalMs);
  }

  run();
  return {
    stop(): void {
      stopped = true;
      if (handle !== null) timers.clearTimeout(handle);
    },
  };
}
