import { sql, type Kysely } from 'kysely';
import { columnTypes, strictOnSqlite } from './columnTypes';
import type { CentralMigration } from './types';

/**
 * Reference data as validated JSON documents on one feed (`seq` grows with every write, a
 * deletion stays as a tombstone), the store's sequences, and the sync log: every pushed
 * mutation's id with the answer it got, so a replay answers the same and applies nothing.
 */
export const referenceAndSync: CentralMigration = {
  name: '001_referenceAndSync',
  up: async (db: Kysely<unknown>, dialect) => {
    const type = columnTypes(dialect);

    await strictOnSqlite(
      db.schema
        .createTable('sequences')
        .addColumn('name', 'text', (column) => column.primaryKey())
        .addColumn('value', type.bigint, (column) => column.notNull()),
      dialect,
    ).execute();
    await db
      .insertInto('sequences' as never)
      .values({ name: 'reference_feed', value: 0 } as never)
      .execute();

    await strictOnSqlite(
      db.schema
        .createTable('reference_entities')
        .addColumn('entity', 'text', (column) => column.notNull())
        .addColumn('id', 'text', (column) => column.notNull())
        .addColumn('seq', type.bigint, (column) => column.notNull().unique())
        .addColumn('deleted', type.flag, (column) => column.notNull())
        .addColumn('data', type.json)
        .addColumn('updated_at', type.time, (column) => column.notNull())
        .addPrimaryKeyConstraint('reference_entities_pk', ['entity', 'id']),
      dialect,
    ).execute();

    await strictOnSqlite(
      db.schema
        .createTable('sync_mutations')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('workstation_id', 'text', (column) => column.notNull())
        .addColumn('type', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) =>
          column.notNull().check(sql`status in ('applied', 'rejected')`),
        )
        .addColumn('result', type.json)
        .addColumn('reason', 'text')
        .addColumn('received_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();

    await strictOnSqlite(
      db.schema
        .createTable('manual_visits')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('workstation_id', 'text', (column) => column.notNull())
        .addColumn('site_id', 'text', (column) => column.notNull())
        .addColumn('counter_number', 'integer', (column) => column.notNull())
        .addColumn('ticket_number', 'text', (column) => column.notNull())
        .addColumn('started_at', type.time, (column) => column.notNull())
        .addColumn('finished_at', type.time, (column) => column.notNull())
        .addColumn('clerk_login', 'text', (column) => column.notNull())
        .addColumn('note', 'text', (column) => column.notNull())
        .addColumn('created_at', type.time, (column) => column.notNull())
        .addColumn('received_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();
    await db.schema
      .createIndex('manual_visits_site_started')
      .on('manual_visits')
      .columns(['site_id', 'started_at'])
      .execute();
  },
};
