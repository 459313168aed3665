import type { AuthTables } from './tables/authTables';
import type { CaseTables } from './tables/caseTables';
import type { DiagnosticsTables } from './tables/diagnosticsTables';
import type { EnrolmentTables } from './tables/enrolmentTables';
import type { EventTables } from './tables/eventTables';
import type { LockerTables } from './tables/lockerTables';
import type { PaymentTables } from './tables/paymentTables';
import type { QueueTables } from './tables/queueTables';
import type { ReferenceTables } from './tables/referenceTables';
import type { StoreTables } from './tables/storeTables';
import type { SupervisorTables } from './tables/supervisorTables';
import type { SyncTables } from './tables/syncTables';
import type { WorkstationStatusTables } from './tables/workstationStatusTables';

/**
 * The central store's tables, as Kysely sees them. Each domain declares its own tables in
 * `tables/` and its migrations in `migrations/`; this interface only puts them together.
 */
export interface CentralDatabase
  extends
    ReferenceTables,
    SyncTables,
    AuthTables,
    EventTables,
    StoreTables,
    QueueTables,
    CaseTables,
    PaymentTables,
    LockerTables,
    SupervisorTables,
    EnrolmentTables,
    WorkstationStatusTables,
    DiagnosticsTables {}
