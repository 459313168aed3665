import type { Kysely } from 'kysely';
import type { StoreDialect } from '../storeConfig';

/**
 * One migration of the central store. It gets the dialect for what differs between SQLite and
 * PostgreSQL (an auto-increment key, a JSON column); everything else is written once.
 */
export type CentralMigration = {
  name: string;
  up: (db: Kysely<unknown>, dialect: StoreDialect) => Promise<void>;
};
