export { openDatabase } from './openDatabase';
export type { OpenDatabaseOptions, OpenedDatabase } from './openDatabase';
export { DatabaseOpenError } from './databaseErrors';
export type { DatabaseOpenFailure } from './databaseErrors';
export { migrations, SCHEMA_VERSION } from './migrations';
export type { Migration } from './migrations';
