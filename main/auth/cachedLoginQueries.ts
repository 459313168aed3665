import type Database from 'better-sqlite3';
import { userSchema, type User } from '../../common/contract/central/auth';

/** A login cached on this PC as SQLite stores it (migration 003). */
export type CachedLoginRow = {
  login: string;
  user: string;
  verifier: string;
  verified_at: string;
};

export type CachedLogin = {
  login: string;
  /** null when the stored JSON no longer fits the user schema (then offline login is refused). */
  user: User | null;
  verifier: string;
  /** When the central server last accepted this password. */
  verifiedAt: string;
};

export function rowToCachedLogin(row: CachedLoginRow): CachedLogin {
  return {
    login: row.login,
    user: parseUser(row.user),
    verifier: row.verifier,
    verifiedAt: row.verified_at,
  };
}

function parseUser(json: string): User | null {
  try {
    const parsed = userSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveCachedLogin(
  db: Database.Database,
  login: { login: string; user: User; verifier: string; verifiedAt: string },
): void {
  db.prepare(
    `INSERT INTO cached_logins (login, user, verifier, verified_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (login) DO UPDATE SET
       user = excluded.user, verifier = excluded.verifier, verified_at = excluded.verified_at`,
  ).run(login.login, JSON.stringify(login.user), login.verifier, login.verifiedAt);
}

export function findCachedLogin(db: Database.Database, login: string): CachedLogin | null {
  const row = db.prepare(`SELECT * FROM cached_logins WHERE login = ?`).get(login) as
    CachedLoginRow | undefined;
  return row ? rowToCachedLogin(row) : null;
}
