import { columnTypes, strictOnSqlite } from './columnTypes';
import type { CentralMigration } from './types';

/**
 * Provisioning (docs/provisioning.md): one-time enrolment codes (hashed), the terminal and
 * printer settings the server owns per workstation, and the refused enrolments the rate limit
 * counts per address.
 */
export const enrolment: CentralMigration = {
  name: '010_enrolment',
  up: async (db, dialect) => {
    const type = columnTypes(dialect);

    await strictOnSqlite(
      db.schema
        .createTable('enrolment_codes')
        .addColumn('code_hash', 'text', (column) => column.primaryKey())
        .addColumn('workstation_id', 'text', (column) =>
          column.notNull().references('workstations.id').onDelete('cascade'),
        )
        .addColumn('created_at', type.time, (column) => column.notNull())
        .addColumn('expires_at', type.time, (column) => column.notNull())
        .addColumn('created_by', 'text', (column) => column.notNull())
        .addColumn('used_at', type.time)
        .addColumn('used_by_label', 'text'),
      dialect,
    ).execute();
    await db.schema
      .createIndex('enrolment_codes_workstation')
      .on('enrolment_codes')
      .column('workstation_id')
      .execute();

    await strictOnSqlite(
      db.schema
        .createTable('workstation_settings')
        .addColumn('workstation_id', 'text', (column) =>
          column.primaryKey().references('workstations.id').onDelete('cascade'),
        )
        .addColumn('terminal', type.json, (column) => column.notNull())
        .addColumn('printer', type.json, (column) => column.notNull())
        .addColumn('updated_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();

    await strictOnSqlite(
      db.schema
        .createTable('enrolment_failures')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (column) =>
          dialect === 'postgres' ? column.primaryKey() : column.primaryKey().autoIncrement(),
        )
        .addColumn('ip', 'text', (column) => column.notNull())
        .addColumn('failed_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();
    await db.schema
      .createIndex('enrolment_failures_ip')
      .on('enrolment_failures')
      .columns(['ip', 'failed_at'])
      .execute();
  },
};
