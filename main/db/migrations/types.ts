import type Database from 'better-sqlite3';

/**
 * One step of the schema. `up` runs inside a transaction that also sets `user_version` to
 * `version`, so it must not open or commit transactions of its own.
 */
export type Migration = {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
};
