import type { Kysely } from 'kysely';
import { columnTypes, strictOnSqlite } from './columnTypes';
import type { CentralMigration } from './types';

/**
 * Users, their sessions and the workstations, with tokens kept only as SHA-256 hashes, and the
 * failed logins the rate limit counts: all in the store, so every server process sharing it
 * sees the same sessions and the same counts.
 */
export const auth: CentralMigration = {
  name: '002_auth',
  up: async (db: Kysely<unknown>, dialect) => {
    const type = columnTypes(dialect);

    await strictOnSqlite(
      db.schema
        .createTable('users')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('login', 'text', (column) => column.notNull().unique())
        .addColumn('display_name', 'text', (column) => column.notNull())
        .addColumn('roles', type.json, (column) => column.notNull())
        .addColumn('site_id', 'text')
        .addColumn('password_hash', 'text', (column) => column.notNull())
        .addColumn('demo', type.flag, (column) => column.notNull())
        .addColumn('created_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();

    await strictOnSqlite(
      db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (column) => column.primaryKey())
        .addColumn('user_id', 'text', (column) =>
          column.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('created_at', type.time, (column) => column.notNull())
        .addColumn('expires_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();

    await strictOnSqlite(
      db.schema
        .createTable('workstations')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('site_id', 'text', (column) => column.notNull())
        .addColumn('counter_number', 'integer')
        .addColumn('token_hash', 'text', (column) => column.notNull().unique())
        .addColumn('created_at', type.time, (column) => column.notNull())
        .addColumn('token_issued_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();

    await strictOnSqlite(
      db.schema
        .createTable('login_failures')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (column) =>
          dialect === 'postgres' ? column.primaryKey() : column.primaryKey().autoIncrement(),
        )
        .addColumn('login', 'text', (column) => column.notNull())
        .addColumn('ip', 'text', (column) => column.notNull())
        .addColumn('failed_at', type.time, (column) => column.notNull()),
      dialect,
    ).execute();
    await db.schema
      .createIndex('login_failures_login')
      .on('login_failures')
      .columns(['login', 'failed_at'])
      .execute();
    await db.schema
      .createIndex('login_failures_ip')
      .on('login_failures')
      .columns(['ip', 'failed_at'])
      .execute();
    await db.schema
      .createIndex('login_failures_failed_at')
      .on('login_failures')
      .column('failed_at')
      .execute();
  },
};
