import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import type { CentralDatabase } from './centralDatabase';
import { centralMigrations } from './migrations';
import type { StoreConfig, StoreDialect } from './storeConfig';

export type CentralStore = {
  db: Kysely<CentralDatabase>;
  dialect: StoreDialect;
  /** For LISTEN/NOTIFY: the pool's connection string and schema (postgres only). */
  postgres: { url: string; schema: string | undefined } | null;
  close(): Promise<void>;
};

/**
 * Opens the central store and brings its schema up to date. The same migrations serve SQLite
 * and PostgreSQL (each migration is handed the dialect for the few types that differ). Several
 * server processes may start at once on one PostgreSQL: Kysely's migrator takes a lock.
 */
export async function openCentralStore(config: StoreConfig): Promise<CentralStore> {
  const store = config.kind === 'sqlite' ? openSqlite(config.file) : await openPostgres(config);
  try {
    await migrate(store.db, store.dialect);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function openSqlite(file: string): CentralStore {
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<CentralDatabase>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', postgres: null, close: () => db.destroy() };
}

async function openPostgres(
  config: Extract<StoreConfig, { kind: 'postgres' }>,
): Promise<CentralStore> {
  if (config.schema) {
    const admin = new pg.Client({ connectionString: config.url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${config.schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 20,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  const db = new Kysely<CentralDatabase>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    postgres: { url: config.url, schema: config.schema },
    close: () => db.destroy(),
  };
}

async function migrate(db: Kysely<CentralDatabase>, dialect: StoreDialect): Promise<void> {
  const migrator = new Migrator({
    db,
    // Kysely looks for its migration tables in any schema unless told which: with several
    // schemas on one PostgreSQL (tests, several cities) it would find another schema's.
    ...(dialect === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
    provider: {
      getMigrations: async () =>
        Object.fromEntries(
          centralMigrations.map((migration) => [
            migration.name,
            { up: (kysely: Kysely<unknown>) => migration.up(kysely, dialect) },
          ]),
        ),
    },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(
      `The central store could not be migrated${failed ? ` (migration ${failed.migrationName})` : ''}: ${
        error instanceof Error ? error.message : String(error)
      }`,
      { cause: error },
    );
  }
}

async function currentSchema(db: Kysely<CentralDatabase>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL reports no current schema: check the search_path.');
  return schema;
}

/** Drops a test schema (postgres) so a test run leaves nothing behind. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export { sql };
