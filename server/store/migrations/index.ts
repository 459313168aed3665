import { referenceAndSync } from './001_referenceAndSync';
import { auth } from './002_auth';
import { liveEvents } from './003_liveEvents';
import { storeIdentity } from './004_storeIdentity';
import { queue } from './005_queue';
import { cases } from './006_cases';
import { payments } from './007_payments';
import { lockers } from './008_lockers';
import { supervisor } from './009_supervisor';
import { enrolment } from './010_enrolment';
import { workstationStatus } from './011_workstation_status';
import { diagnostics } from './013_diagnostics';
import type { CentralMigration } from './types';

/** In order; a migration, once released, is never edited: a change is a new one. */
export const centralMigrations: readonly CentralMigration[] = [
  referenceAndSync,
  auth,
  liveEvents,
  storeIdentity,
  queue,
  cases,
  payments,
  lockers,
  supervisor,
  enrolment,
  workstationStatus,
  diagnostics,
];
