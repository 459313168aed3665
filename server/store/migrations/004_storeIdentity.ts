import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { columnTypes, strictOnSqlite } from './columnTypes';
import type { CentralMigration } from './types';

/**
 * The store's identity: one row with a random feed id, made once when the store is created (or
 * first migrated). A counter PC keeps it beside its pull cursor: a cursor means something only on
 * the feed it came from, so when the id changes (the store was replaced) the PC pulls from 0.
 * The migrator runs this once per store, under its lock, so several servers starting at once on
 * one PostgreSQL agree on the id.
 */
export const storeIdentity: CentralMigration = {
  name: '004_storeIdentity',
  up: async (db, dialect) => {
    const type = columnTypes(dialect);
    await strictOnSqlite(
      db.schema
        .createTable('store_identity')
        .addColumn('id', 'integer', (column) => column.primaryKey().check(sql`id = 1`))
        .addColumn('feed_id', 'text', (column) => column.notNull())
        .addColumn('created_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();
    await sql`insert into store_identity (id, feed_id, created_at) values (1, ${randomUUID()}, ${new Date().toISOString()})`.execute(
      db,
    );
  },
};
