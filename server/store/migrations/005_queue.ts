import { sql } from 'kysely';
import { columnTypes, strictOnSqlite } from './columnTypes';
import type { CentralMigration } from './types';

/**
 * The queue engine's tables (docs/queue-engine.md): tickets, the day's numbers per category,
 * the counters' states, the booked appointments, each site's calling rules and the journal of
 * every queue command. Times are ISO text on SQLite (text order is time order) and timestamptz
 * on PostgreSQL; JSON is text on SQLite and jsonb on PostgreSQL.
 */
export const queue: CentralMigration = {
  name: '005_queue',
  up: async (db, dialect) => {
    const type = columnTypes(dialect);
    const postgres = dialect === 'postgres';

    await strictOnSqlite(
      db.schema
        .createTable('queue_tickets')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('site_id', 'text', (column) => column.notNull())
        .addColumn('category_id', 'text', (column) => column.notNull())
        .addColumn('number', 'text', (column) => column.notNull())
        .addColumn('day', 'text', (column) => column.notNull())
        .addColumn('source', 'text', (column) =>
          column
            .notNull()
            .check(sql`source in ('kiosk', 'appointment', 'assistant', 'walk-in', 'manual')`),
        )
        .addColumn('priority', type.flag, (column) => column.notNull())
        .addColumn('booking_code', 'text')
        .addColumn('due_at', type.time)
        .addColumn('issued_at', type.time, (column) => column.notNull())
        .addColumn('queued_at', type.time, (column) => column.notNull())
        .addColumn('status', 'text', (column) =>
          column.notNull().check(sql`status in ('waiting', 'called', 'parked', 'no-show', 'done')`),
        )
        .addColumn('counter_id', 'text')
        .addColumn('target_counter_id', 'text')
        .addColumn('called_at', type.time)
        .addColumn('last_called_at', type.time)
        .addColumn('recalls', 'integer', (column) => column.notNull())
        .addColumn('served_at', type.time)
        .addColumn('finished_at', type.time)
        .addColumn('services', type.json, (column) => column.notNull())
        .addColumn('outcome', 'text')
        .addColumn('checklist', type.json)
        .addColumn('updated_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();
    // The hot queries (call next, server/queue/callNext.ts), each a LIMIT 1 in index order:
    // the oldest waiting ticket of a category (a long wait), of a category and class (priority
    // or ordinary), the appointments by their time, the tickets sent to a named counter.
    await db.schema
      .createIndex('queue_tickets_waiting')
      .on('queue_tickets')
      .columns(['site_id', 'day', 'status', 'category_id', 'queued_at', 'id'])
      .execute();
    await db.schema
      .createIndex('queue_tickets_waiting_class')
      .on('queue_tickets')
      .columns(['site_id', 'day', 'status', 'category_id', 'priority', 'queued_at', 'id'])
      .execute();
    await db.schema
      .createIndex('queue_tickets_appointments')
      .on('queue_tickets')
      .columns(['site_id', 'day', 'status', 'due_at'])
      .execute();
    await db.schema
      .createIndex('queue_tickets_target')
      .on('queue_tickets')
      .columns(['target_counter_id', 'day', 'status', 'queued_at', 'id'])
      .execute();
    // A counter holds one ticket at a time, whatever the code above the store does.
    await db.schema
      .createIndex('queue_tickets_one_per_counter')
      .on('queue_tickets')
      .column('counter_id')
      .unique()
      .where(sql<boolean>`status = 'called'`)
      .execute();
    // A counter's own tickets: the one at it and the ones it parked.
    await db.schema
      .createIndex('queue_tickets_counter')
      .on('queue_tickets')
      .columns(['counter_id', 'status'])
      .execute();
    await db.schema
      .createIndex('queue_tickets_number')
      .on('queue_tickets')
      .columns(['site_id', 'day', 'number'])
      .execute();
    // Service times of today's finished visits, per category (the estimated wait).
    await db.schema
      .createIndex('queue_tickets_finished')
      .on('queue_tickets')
      .columns(['category_id', 'day', 'status', 'finished_at'])
      .execute();

    await strictOnSqlite(
      db.schema
        .createTable('queue_numbers')
        .addColumn('category_id', 'text', (column) => column.notNull())
        .addColumn('day', 'text', (column) => column.notNull())
        .addColumn('site_id', 'text', (column) => column.notNull())
        .addColumn('last_number', 'integer', (column) => column.notNull())
        .addPrimaryKeyConstraint('queue_numbers_pk', ['category_id', 'day']),
      dialect,
    ).execute();

    await strictOnSqlite(
      db.schema
        .createTable('queue_counters')
        .addColumn('counter_id', 'text', (column) => column.primaryKey())
        .addColumn('site_id', 'text', (column) => column.notNull())
        .addColumn('state', 'text', (column) =>
          column.notNull().check(sql`state in ('closed', 'open', 'paused')`),
        )
        .addColumn('pause_reason', 'text')
        .addColumn('clerk_user_id', 'text')
        .addColumn('clerk_login', 'text')
        .addColumn('clerk_display_name', 'text')
        .addColumn('current_ticket_id', 'text', (column) => column.unique())
        .addColumn('since', type.time)
        .addColumn('cycle_priority', 'integer', (column) => column.notNull())
        .addColumn('cycle_ordinary', 'integer', (column) => column.notNull())
        .addColumn('served_day', 'text')
        .addColumn('served_count', 'integer', (column) => column.notNull())
        .addColumn('updated_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();
    await db.schema
      .createIndex('queue_counters_site')
      .on('queue_counters')
      .column('site_id')
      .execute();

    await strictOnSqlite(
      db.schema
        .createTable('queue_appointments')
        .addColumn('booking_code', 'text', (column) => column.primaryKey())
        .addColumn('site_id', 'text', (column) => column.notNull())
        .addColumn('category_id', 'text', (column) => column.notNull())
        .addColumn('day', 'text', (column) => column.notNull())
        .addColumn('due_at', type.time, (column) => column.notNull())
        .addColumn('status', 'text', (column) =>
          column.notNull().check(sql`status in ('booked', 'checked-in', 'cancelled')`),
        )
        .addColumn('ticket_id', 'text')
        .addColumn('checked_in_at', type.time)
        .addColumn('demo', type.flag, (column) => column.notNull())
        .addColumn('created_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();
    await db.schema
      .createIndex('queue_appointments_site_day')
      .on('queue_appointments')
      .columns(['site_id', 'day', 'due_at'])
      .execute();

    await strictOnSqlite(
      db.schema
        .createTable('queue_rules')
        .addColumn('site_id', 'text', (column) => column.primaryKey())
        .addColumn('rules', type.json, (column) => column.notNull())
        .addColumn('updated_at', type.time, (column) => column.notNull())
        .addColumn('updated_by', 'text', (column) => column.notNull()),
      dialect,
    ).execute();

    await strictOnSqlite(
      db.schema
        .createTable('queue_journal')
        .addColumn('id', postgres ? 'bigserial' : 'integer', (column) =>
          postgres ? column.primaryKey() : column.primaryKey().autoIncrement(),
        )
        .addColumn('site_id', 'text', (column) => column.notNull())
        .addColumn('day', 'text', (column) => column.notNull())
        .addColumn('at', type.time, (column) => column.notNull())
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('ticket_id', 'text')
        .addColumn('ticket_number', 'text')
        .addColumn('category_id', 'text')
        .addColumn('counter_id', 'text')
        .addColumn('counter_number', 'integer')
        /** The login of who did it, or `kiosk`. */
        .addColumn('actor', 'text', (column) => column.notNull())
        .addColumn('details', type.json, (column) => column.notNull()),
      dialect,
    ).execute();
    await db.schema
      .createIndex('queue_journal_site_day')
      .on('queue_journal')
      .columns(['site_id', 'day', 'id'])
      .execute();
    await db.schema
      .createIndex('queue_journal_ticket')
      .on('queue_journal')
      .column('ticket_id')
      .execute();
  },
};
