import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { roleSchema, type Role, type User } from '../../common/contract/central/auth';
import type { CentralDatabase } from '../store/centralDatabase';
import { fromStoreJson, toStoreFlag, toStoreJson, toStoreTime } from '../store/storeValues';
import type { UsersTable } from '../store/tables/authTables';

export type NewUser = {
  id?: string;
  login: string;
  displayName: string;
  roles: readonly Role[];
  siteId: string | null;
  passwordHash: string;
  demo: boolean;
};

export type UserRow = Selectable<UsersTable>;

const storedRolesSchema = z.array(roleSchema).min(1);

/** A stored user as the API shows it; the roles column is validated on its way out. */
export function rowToUser(row: UserRow): User {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    roles: storedRolesSchema.parse(fromStoreJson(row.roles)),
    siteId: row.site_id,
  };
}

export function userToRow(user: NewUser, now: Date): Insertable<UsersTable> {
  return {
    id: user.id ?? randomUUID(),
    login: user.login,
    display_name: user.displayName,
    roles: toStoreJson(user.roles),
    site_id: user.siteId,
    password_hash: user.passwordHash,
    demo: toStoreFlag(user.demo),
    created_at: toStoreTime(now),
  };
}

/** Adds a user; null when the login is taken (the caller answers 409). */
export async function insertUser(
  db: Kysely<CentralDatabase>,
  user: NewUser,
  now: Date,
): Promise<User | null> {
  const row = userToRow(user, now);
  const inserted = await db
    .insertInto('users')
    .values(row)
    .onConflict((conflict) => conflict.column('login').doNothing())
    .returningAll()
    .executeTakeFirst();
  return inserted ? rowToUser(inserted) : null;
}

export async function findUserByLogin(
  db: Kysely<CentralDatabase>,
  login: string,
): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
}

export async function countUsers(db: Kysely<CentralDatabase>): Promise<number> {
  const { count } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}
