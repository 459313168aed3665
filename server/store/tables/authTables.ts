import type { AutoIdColumn, FlagColumn, JsonColumn, TimeColumn } from './storeColumns';

export interface UsersTable {
  id: string;
  login: string;
  display_name: string;
  /** A JSON array of roles. */
  roles: JsonColumn;
  site_id: string | null;
  /** `scrypt$N$r$p$salt$hash` (see auth/passwordHashing.ts); never the password. */
  password_hash: string;
  demo: FlagColumn;
  created_at: TimeColumn;
}

/** A logged-in user's session; the token itself is known only to the client. */
export interface SessionsTable {
  /** SHA-256 of the token, hex. */
  token_hash: string;
  user_id: string;
  created_at: TimeColumn;
  expires_at: TimeColumn;
}

/** A counter PC's identity; its token is sent as X-Okienko-Workstation. */
export interface WorkstationsTable {
  id: string;
  site_id: string;
  counter_number: number | null;
  /** SHA-256 of the current token, hex. */
  token_hash: string;
  created_at: TimeColumn;
  token_issued_at: TimeColumn;
}

/** One failed login, counted by login and by address for the rate limit. */
export interface LoginFailuresTable {
  id: AutoIdColumn;
  login: string;
  ip: string;
  failed_at: TimeColumn;
}

export interface AuthTables {
  users: UsersTable;
  sessions: SessionsTable;
  workstations: WorkstationsTable;
  login_failures: LoginFailuresTable;
}
