import { columnTypes, strictOnSqlite } from './columnTypes';
import type { CentralMigration } from './types';

/**
 * The latest status report of each workstation (docs/health.md): one row per PC, replaced by
 * each report. `received_at` is when the server got it (the PC's "last seen"); `report` is the
 * report as the contract validated it (JSON); `device_key` sums up its device states, so a
 * report that changes one is announced to the supervisors (`workstation.status`).
 */
export const workstationStatus: CentralMigration = {
  name: '011_workstation_status',
  up: async (db, dialect) => {
    const type = columnTypes(dialect);
    await strictOnSqlite(
      db.schema
        .createTable('workstation_status')
        .addColumn('workstation_id', 'text', (column) => column.primaryKey())
        .addColumn('site_id', 'text', (column) => column.notNull())
        .addColumn('counter_number', 'integer')
        .addColumn('received_at', type.time, (column) => column.notNull())
        .addColumn('device_key', 'text', (column) => column.notNull())
        .addColumn('report', type.json, (column) => column.notNull()),
      dialect,
    ).execute();
    await db.schema
      .createIndex('workstation_status_site')
      .on('workstation_status')
      .columns(['site_id', 'counter_number'])
      .execute();
  },
};
