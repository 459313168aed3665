import type { Migration } from './types';

/**
 * Logins that succeeded online on this PC, so the same person can log in while the central
 * server is unreachable. Only a scrypt verifier of the password is kept (its own random salt),
 * never the password and never a session token.
 */
export const cachedLogins: Migration = {
  version: 3,
  name: 'cached_logins',
  up: (db) => {
    db.exec(`
      CREATE TABLE cached_logins (
        login TEXT PRIMARY KEY,
        user TEXT NOT NULL CHECK (json_valid(user)),
        verifier TEXT NOT NULL,
        -- When the server last confirmed this password: offline logins expire some time after it.
        verified_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
