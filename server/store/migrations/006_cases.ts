import { columnTypes, strictOnSqlite } from './columnTypes';
import type { CentralMigration } from './types';

/**
 * The case register (`case.register`, docs/sync-api.md): every case a counter registered, with
 * its number, and the last sequence given per unit, file-plan class and year. The register
 * keeps the registration as the PC sent it (personal data included) in `registration`; the
 * other columns are what the register is searched and counted by.
 */
export const cases: CentralMigration = {
  name: '006_cases',
  up: async (db, dialect) => {
    const type = columnTypes(dialect);

    await strictOnSqlite(
      db.schema
        .createTable('cases')
        /** The case's id, made by the counter PC. */
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('mutation_id', 'text', (column) => column.notNull().unique())
        .addColumn('workstation_id', 'text', (column) => column.notNull())
        .addColumn('site_id', 'text', (column) => column.notNull())
        .addColumn('counter_number', 'integer', (column) => column.notNull())
        .addColumn('case_type_id', 'text', (column) => column.notNull())
        .addColumn('unit_symbol', 'text', (column) => column.notNull())
        .addColumn('jrwa', 'text', (column) => column.notNull())
        .addColumn('year', 'integer', (column) => column.notNull())
        .addColumn('sequence', 'integer', (column) => column.notNull())
        .addColumn('case_number', 'text', (column) => column.notNull().unique())
        .addColumn('ticket_id', 'text')
        .addColumn('ticket_number', 'text')
        .addColumn('clerk_login', 'text', (column) => column.notNull())
        .addColumn('fee_grosze', 'integer', (column) => column.notNull())
        .addColumn('registration', type.json, (column) => column.notNull())
        .addColumn('submitted_at', type.time, (column) => column.notNull())
        .addColumn('received_at', type.time, (column) => column.notNull())
        // The number's parts once more: no two cases share a sequence in a class and year,
        // whatever the code above the store does.
        .addUniqueConstraint('cases_sequence_unique', ['unit_symbol', 'jrwa', 'year', 'sequence']),
      dialect,
    ).execute();
    await db.schema
      .createIndex('cases_site_submitted')
      .on('cases')
      .columns(['site_id', 'submitted_at'])
      .execute();
    await db.schema.createIndex('cases_ticket').on('cases').column('ticket_id').execute();

    await strictOnSqlite(
      db.schema
        .createTable('case_number_sequences')
        .addColumn('unit_symbol', 'text', (column) => column.notNull())
        .addColumn('jrwa', 'text', (column) => column.notNull())
        .addColumn('year', 'integer', (column) => column.notNull())
        .addColumn('last_sequence', 'integer', (column) => column.notNull())
        .addPrimaryKeyConstraint('case_number_sequences_pk', ['unit_symbol', 'jrwa', 'year']),
      dialect,
    ).execute();
  },
};
