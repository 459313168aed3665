import type { Migration } from './types';

/** A small key-value table for facts about this installation (which central, which seed). */
export const appMeta: Migration = {
  version: 1,
  name: 'app_meta',
  up: (db) => {
    db.exec(`
      CREATE TABLE app_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT
    `);
  },
};
