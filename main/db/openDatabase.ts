import Database from 'better-sqlite3';
import { DatabaseOpenError } from './databaseErrors';
import type { DatabaseOpenFailure } from './databaseErrors';
import { assertMigrationOrder, migrations as appMigrations } from './migrations';
import type { Migration } from './migrations';

export type OpenDatabaseOptions = {
  migrations?: readonly Migration[];
  busyTimeoutMs?: number;
};

export type OpenedDatabase = {
  db: Database.Database;
  schemaVersion: number;
  migratedFrom: number;
};

const DEFAULT_BUSY_TIMEOUT_MS = 2000;

/**
 * Opens the app's database and brings its schema up to date. The steps run in an order
 * that never writes to a file the app should not touch: a newer schema or a damaged file is
 * reported before the first pragma or statement that writes.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? appMigrations;
  assertMigrationOrder(migrations);
  const appVersion = migrations.length;

  let db: Database.Database;
  try {
    // The timeout is set at open so that even the first read waits for, then reports,
    // another process's lock.
    db = new Database(file, { timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  } catch (error) {
    throw (
      classifyOpenFailure(file, error) ??
      DatabaseOpenError.unreadable(file, messageOf(error), error)
    );
  }

  try {
    const fileVersion = readUserVersion(db);
    if (fileVersion > appVersion) {
      throw DatabaseOpenError.newerThanApp(file, fileVersion, appVersion);
    }
    checkIntegrity(db, file);
    configure(db);
    migrate(db, migrations, fileVersion);
    return { db, schemaVersion: appVersion, migratedFrom: fileVersion };
  } catch (error) {
    closeQuietly(db);
    if (error instanceof DatabaseOpenError) throw error;
    throw classifyOpenFailure(file, error) ?? error;
  }
}

function readUserVersion(db: Database.Database): number {
  const version: unknown = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number')
    throw new Error(`PRAGMA user_version returned ${String(version)}`);
  return version;
}

function checkIntegrity(db: Database.Database, file: string): void {
  const problems = db.prepare('PRAGMA quick_check').pluck().all() as string[];
  if (problems.length === 1 && problems[0] === 'ok') return;
  throw DatabaseOpenError.corrupt(file, `quick_check found ${problems.slice(0, 3).join('; ')}`);
}

function configure(db: Database.Database): void {
  // EXCLUSIVE before WAL: the WAL index then lives in this process's memory instead of a
  // -shm file, and the file lock, once taken, is held until close, so a second instance
  // on the same data folder is refused instead of both writing.
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // In WAL mode NORMAL loses at most the last commits on power loss, never consistency.
  db.pragma('synchronous = NORMAL');
}

function migrate(db: Database.Database, migrations: readonly Migration[], fromVersion: number) {
  const pending = migrations.slice(fromVersion);
  if (pending.length === 0) {
    // Nothing to change, but the write lock is what keeps a second instance out, so take it.
    db.exec('BEGIN IMMEDIATE');
    db.exec('COMMIT');
    return;
  }
  for (const migration of pending) {
    // user_version moves inside the migration's own transaction: a failure leaves the
    // previous version and its schema exactly as they were.
    const apply = db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply.immediate();
    } catch (error) {
      if (failureReason(error) !== undefined) throw error;
      throw new Error(
        `Migration ${migration.version} (${migration.name}) failed; the database stays at schema ${migration.version - 1}: ${messageOf(error)}`,
        { cause: error },
      );
    }
  }
}

/** The failures a person can act on; any other error is a bug and keeps its own message. */
function failureReason(error: unknown): DatabaseOpenFailure | undefined {
  const code = sqliteCode(error);
  if (code === undefined) return undefined;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'corrupt';
  if (
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_IOERR') ||
    code === 'SQLITE_PERM' ||
    code === 'SQLITE_AUTH' ||
    code === 'EACCES' ||
    code === 'EPERM'
  ) {
    return 'unreadable';
  }
  return undefined;
}

function classifyOpenFailure(file: string, error: unknown): DatabaseOpenError | undefined {
  const detail = `${sqliteCode(error) ?? 'error'}: ${messageOf(error)}`;
  switch (failureReason(error)) {
    case 'locked':
      return DatabaseOpenError.locked(file, error);
    case 'corrupt':
      return DatabaseOpenError.corrupt(file, detail, error);
    case 'unreadable':
      return DatabaseOpenError.unreadable(file, detail, error);
    default:
      return undefined;
  }
}

function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function closeQuietly(db: Database.Database): void {
  try {
    db.close();
  } catch {
    // The error being reported matters more than a failure to close after it.
  }
}
