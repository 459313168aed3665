import { columnTypes, strictOnSqlite } from './columnTypes';
import type { CentralMigration } from './types';

/**
 * The diagnostics archives the workstations send (docs/logs.md): one row each, the zip itself
 * in the store (the server has no data folder of its own, and the store is what is backed up).
 * The logs inside are masked by the PC before sending.
 */
export const diagnostics: CentralMigration = {
  name: '013_diagnostics',
  up: async (db, dialect) => {
    const type = columnTypes(dialect);
    await strictOnSqlite(
      db.schema
        .createTable('diagnostics')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('workstation_id', 'text', (column) => column.notNull())
        .addColumn('site_id', 'text', (column) => column.notNull())
        .addColumn('counter_number', 'integer')
        .addColumn('received_at', type.time, (column) => column.notNull())
        .addColumn('size_bytes', 'integer', (column) => column.notNull())
        .addColumn('archive', dialect === 'postgres' ? 'bytea' : 'blob', (column) =>
          column.notNull(),
        ),
      dialect,
    ).execute();
    await db.schema
      .createIndex('diagnostics_received')
      .on('diagnostics')
      .columns(['received_at'])
      .execute();
  },
};
