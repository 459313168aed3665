import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError } from './databaseErrors';
import { SCHEMA_VERSION, migrations } from './migrations';
import type { Migration } from './migrations';
import { openDatabase } from './openDatabase';

let dir: string;
let file: string;
const opened: Database.Database[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-db-'));
  file = path.join(dir, 'okienko.sqlite');
});

afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(options?: Parameters<typeof openDatabase>[1]) {
  const result = openDatabase(file, options);
  opened.push(result.db);
  return result;
}

function openError(options?: Parameters<typeof openDatabase>[1]): DatabaseOpenError {
  try {
    open(options);
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError);
    return error as DatabaseOpenError;
  }
  throw new Error('openDatabase was expected to fail');
}

function checksum(target: string): string {
  return createHash('sha256').update(fs.readFileSync(target)).digest('hex');
}

/** Looks at a file with a plain connection, as a support engineer would. */
function inspect<T>(read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('openDatabase', () => {
  it('migrates a fresh file to SCHEMA_VERSION, in WAL mode, with only STRICT tables', () => {
    const { db, schemaVersion, migratedFrom } = open();

    expect(migratedFrom).toBe(0);
    expect(schemaVersion).toBe(SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as { name: string; strict: number }[];
    expect(tables.map((table) => table.name)).toContain('app_meta');
    expect(tables.filter((table) => table.strict !== 1)).toEqual([]);
  });

  it('migrates nothing when reopened', () => {
    open().db.close();

    const { schemaVersion, migratedFrom } = open();

    expect(migratedFrom).toBe(SCHEMA_VERSION);
    expect(schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('works in memory, for tests of other modules', () => {
    const { db, schemaVersion } = openDatabase(':memory:');
    opened.push(db);

    expect(schemaVersion).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) FROM app_meta').pluck().get()).toBe(0);
  });

  it('leaves the previous version intact when a migration throws', () => {
    const broken: Migration = {
      version: SCHEMA_VERSION + 1,
      name: 'half_done',
      up: (db) => {
        db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT');
        throw new Error('boom');
      },
    };

    expect(() => open({ migrations: [...migrations, broken] })).toThrow(
      /Migration \d+ \(half_done\) failed.*boom/,
    );

    expect(inspect((db) => db.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION);
    const halfDone = inspect((db) =>
      db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get(),
    );
    expect(halfDone).toBe(0);
  });

  it('refuses a migration list with a gap', () => {
    const skipped: Migration = { version: SCHEMA_VERSION + 2, name: 'skipped', up: () => {} };

    expect(() => open({ migrations: [...migrations, skipped] })).toThrow(/1\.\.n/);
  });

  it('reports a file of random bytes as corrupt and leaves it as it was', () => {
    const garbage = randomBytes(8192);
    fs.writeFileSync(file, garbage);

    const error = openError();

    expect(error.reason).toBe('corrupt');
    expect(error.file).toBe(file);
    expect(error.message).toContain(file);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['okienko.sqlite']);
  });

  it('refuses a database from a newer app without touching it', () => {
    open().db.close();
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const before = checksum(file);

    const error = openError();

    expect(error.reason).toBe('newer-than-app');
    expect(error.message).toContain('schema 999');
    expect(error.message).toContain(`up to ${SCHEMA_VERSION}`);
    expect(checksum(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a second instance on the same file while the first is open', () => {
    const first = open().db;

    const error = openError({ busyTimeoutMs: 50 });

    expect(error.reason).toBe('locked');
    expect(error.message).toMatch(/another Okienko process/);
    // The refused attempt must not have released the first instance's lock on its way out.
    first.prepare("INSERT INTO app_meta (key, value) VALUES ('k', 'v')").run();
    expect(openError({ busyTimeoutMs: 50 }).reason).toBe('locked');
  });

  it('also refuses a second instance when the first had nothing to migrate', () => {
    open().db.close();
    open();

    expect(openError({ busyTimeoutMs: 50 }).reason).toBe('locked');
  });

  it('lets the next instance in once the first one has closed', () => {
    open().db.close();

    expect(open({ busyTimeoutMs: 50 }).migratedFrom).toBe(SCHEMA_VERSION);
  });

  it('reports a folder that does not exist as unreadable', () => {
    file = path.join(dir, 'missing', 'okienko.sqlite');

    expect(openError().reason).toBe('unreadable');
  });
});
