import type { PasswordHasher } from '../auth/passwordHashing';
import { countUsers, insertUser } from '../auth/users';
import type { Clock } from '../clock';
import type { CentralStore } from '../store/openCentralStore';

/**
 * A real city hall's first start has no users: the one who installs the server gives the
 * first administrator's password (INITIAL_ADMIN_PASSWORD), and `admin` is created with it
 * when no user exists yet. Later starts leave the users alone.
 */
export async function ensureInitialAdmin(
  store: CentralStore,
  password: string,
  { passwords, clock }: { passwords: PasswordHasher; clock: Clock },
): Promise<boolean> {
  if ((await countUsers(store.db)) > 0) return false;
  const user = await insertUser(
    store.db,
    {
      login: 'admin',
      displayName: 'Administrator',
      roles: ['admin'],
      siteId: null,
      passwordHash: await passwords.hash(password),
      demo: false,
    },
    clock.now(),
  );
  return user !== null;
}
