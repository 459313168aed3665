import { appMeta } from './001_app_meta';
import { sync } from './002_sync';
import { cachedLogins } from './003_cached_logins';
import { liveEventsCursor } from './004_live_events_cursor';
import { manualVisits } from './005_manual_visits';
import { printJobs } from './006_print_jobs';
import { cases } from './007_cases';
import { payments } from './008_payments';
import { lockers } from './009_lockers';
import { labels } from './010_labels';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration, oldest first. Append new ones; never edit or reorder shipped ones. */
export const migrations: readonly Migration[] = [
  appMeta,
  sync,
  cachedLogins,
  liveEventsCursor,
  manualVisits,
  printJobs,
  cases,
  payments,
  lockers,
  labels,
];

/**
 * Versions must run 1..n without gaps: `user_version` is compared with the last one, so a
 * gap or a duplicate would skip or repeat a step on some PCs. A mistake here is a
 * programmer's, so it fails at import, in every test run, long before a user sees it.
 */
export function assertMigrationOrder(list: readonly Migration[]): void {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" is at position ${index + 1} but has version ${migration.version}: versions must run 1..n in order, without gaps.`,
      );
    }
  });
}

assertMigrationOrder(migrations);

/** The schema version this build of the app creates and understands. */
export const SCHEMA_VERSION = migrations.length;
