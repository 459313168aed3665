import { columnTypes, strictOnSqlite } from './columnTypes';
import type { CentralMigration } from './types';

/**
 * The supervisor's window (docs/supervisor.md): every action a supervisor takes (who, what,
 * when), and the short messages sent to counters. No personal data of residents: tickets by
 * number only.
 */
export const supervisor: CentralMigration = {
  name: '009_supervisor',
  up: async (db, dialect) => {
    const type = columnTypes(dialect);

    await strictOnSqlite(
      db.schema
        .createTable('supervisor_actions')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('site_id', 'text', (column) => column.notNull())
        /** The site's civil date of the action. */
        .addColumn('day', 'text', (column) => column.notNull())
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('actor', 'text', (column) => column.notNull())
        .addColumn('at', type.time, (column) => column.notNull())
        .addColumn('counter_id', 'text')
        .addColumn('ticket_number', 'text')
        .addColumn('details', type.json, (column) => column.notNull()),
      dialect,
    ).execute();
    await db.schema
      .createIndex('supervisor_actions_site_day')
      .on('supervisor_actions')
      .columns(['site_id', 'day', 'at'])
      .execute();

    await strictOnSqlite(
      db.schema
        .createTable('counter_messages')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('site_id', 'text', (column) => column.notNull())
        .addColumn('counter_id', 'text', (column) => column.notNull())
        .addColumn('counter_number', 'integer', (column) => column.notNull())
        .addColumn('text', 'text', (column) => column.notNull())
        .addColumn('sender_login', 'text', (column) => column.notNull())
        .addColumn('sender_name', 'text', (column) => column.notNull())
        .addColumn('sent_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();
    await db.schema
      .createIndex('counter_messages_counter')
      .on('counter_messages')
      .columns(['counter_id', 'sent_at'])
      .execute();

    // The overview asks each counter PC's last push; without this it would read every mutation.
    await db.schema
      .createIndex('sync_mutations_workstation_received')
      .on('sync_mutations')
      .columns(['workstation_id', 'received_at'])
      .execute();
  },
};
