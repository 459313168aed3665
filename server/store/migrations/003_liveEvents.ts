import { sql } from 'kysely';
import { columnTypes, strictOnSqlite } from './columnTypes';
import type { CentralMigration } from './types';

/**
 * The live events a reconnecting client resumes from (see server/events/). Ids only grow:
 * bigserial on PostgreSQL, INTEGER PRIMARY KEY AUTOINCREMENT on SQLite (AUTOINCREMENT so an id is
 * never reused once the newest row is gone). `data` is JSON text, handed to clients as it was
 * published; `at` is indexed for retention. `live_events_pruned` holds (in its one row) the
 * highest id retention deleted, so a client resuming below it learns it missed events.
 */
export const liveEvents: CentralMigration = {
  name: '003_liveEvents',
  up: async (db, dialect) => {
    const type = columnTypes(dialect);
    const postgres = dialect === 'postgres';

    await strictOnSqlite(
      db.schema
        .createTable('live_events')
        .addColumn('id', postgres ? 'bigserial' : 'integer', (column) =>
          postgres ? column.primaryKey() : column.primaryKey().autoIncrement(),
        )
        .addColumn('type', 'text', (column) => column.notNull())
        .addColumn('data', 'text', (column) => column.notNull())
        .addColumn('at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();
    await db.schema.createIndex('live_events_at').on('live_events').column('at').execute();

    await strictOnSqlite(
      db.schema
        .createTable('live_events_pruned')
        .addColumn('id', 'integer', (column) => column.primaryKey().check(sql`id = 1`))
        .addColumn('through_id', type.bigint, (column) => column.notNull()),
      dialect,
    ).execute();
    await sql`insert into live_events_pruned (id, through_id) values (1, 0)`.execute(db);
  },
};
