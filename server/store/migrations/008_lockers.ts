import { columnTypes, strictOnSqlite } from './columnTypes';
import type { CentralMigration } from './types';

/**
 * The urzędomat (issue 9, docs/lockers.md): when a case's result is ready (`case.markReady`,
 * two columns of `cases`), the deposits of ready documents in the locker (`locker.deposit`,
 * `locker.transition`) and the notification outbox that tells the resident the pickup code.
 *
 * The pickup code is kept only as a salted scrypt hash in `locker_deposits`; its plain text
 * lives in `notification_outbox.body` until the message is sent, when the body is erased.
 */
export const lockers: CentralMigration = {
  name: '008_lockers',
  up: async (db, dialect) => {
    const type = columnTypes(dialect);

    await db.schema.alterTable('cases').addColumn('ready_at', type.time).execute();
    await db.schema.alterTable('cases').addColumn('ready_by', 'text').execute();
    await db.schema.createIndex('cases_ready').on('cases').columns(['ready_at']).execute();

    await strictOnSqlite(
      db.schema
        .createTable('locker_deposits')
        /** `DEP-…`, made by the desk PC: also the label's barcode. */
        .addColumn('deposit_id', 'text', (column) => column.primaryKey())
        .addColumn('mutation_id', 'text', (column) => column.notNull())
        .addColumn('workstation_id', 'text', (column) => column.notNull())
        .addColumn('case_id', 'text', (column) => column.notNull())
        .addColumn('site_id', 'text', (column) => column.notNull())
        .addColumn('compartment_size', 'text', (column) => column.notNull())
        .addColumn('deposit_date', 'text', (column) => column.notNull())
        .addColumn('last_pickup_day', 'text', (column) => column.notNull())
        .addColumn('state', 'text', (column) => column.notNull())
        .addColumn('state_at', type.time, (column) => column.notNull())
        .addColumn('state_by', 'text', (column) => column.notNull())
        /** Every state it had: `[{ state, at, by, mutationId }]`, in order. */
        .addColumn('history', type.json, (column) => column.notNull())
        /** scrypt of the pickup code, hex, with its salt; null until deposited. */
        .addColumn('pickup_code_hash', 'text')
        .addColumn('pickup_code_salt', 'text')
        /** The channel the code went out by (sms, email); null until deposited. */
        .addColumn('notified_by', 'text')
        .addColumn('received_at', type.time, (column) => column.notNull())
        .addColumn('updated_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();
    await db.schema
      .createIndex('locker_deposits_case')
      .on('locker_deposits')
      .column('case_id')
      .execute();
    await db.schema
      .createIndex('locker_deposits_site_state')
      .on('locker_deposits')
      .columns(['site_id', 'state', 'state_at'])
      .execute();

    await strictOnSqlite(
      db.schema
        .createTable('notification_outbox')
        .addColumn('id', 'text', (column) => column.primaryKey())
        /** What the message is about: `locker-pickup-code`. */
        .addColumn('kind', 'text', (column) => column.notNull())
        /** The deposit (or other thing) it is about, for the one-per-subject rule. */
        .addColumn('subject_id', 'text', (column) => column.notNull().unique())
        .addColumn('channel', 'text', (column) => column.notNull())
        /** The phone number or e-mail address; erased with the body once sent. */
        .addColumn('recipient', 'text')
        /** The message, pickup code included; erased once sent. */
        .addColumn('body', 'text')
        /** pending, sent, failed (given up after too many attempts). */
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('attempts', 'integer', (column) => column.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', type.time, (column) => column.notNull())
        .addColumn('sent_at', type.time),
      dialect,
    ).execute();
    await db.schema
      .createIndex('notification_outbox_status')
      .on('notification_outbox')
      .columns(['status', 'created_at'])
      .execute();
  },
};
