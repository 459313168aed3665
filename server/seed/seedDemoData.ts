import { sql } from 'kysely';
import type { PasswordHasher } from '../auth/passwordHashing';
import { countUsers, userToRow } from '../auth/users';
import type { Clock } from '../clock';
import { countReferenceEntities, writeReferenceChanges } from '../reference/referenceFeed';
import type { CentralStore } from '../store/openCentralStore';
import { seedDemoQueue } from './demoQueue';
import { demoReferenceWrites } from './demoReferenceData';
import { DEMO_PASSWORD, demoUsers } from './demoUsers';

export type SeedOutcome = {
  referenceEntities: number;
  users: number;
  /** Demo appointments booked for today (server/seed/demoQueue.ts). */
  appointments: number;
};

/**
 * Seeds the demo data into an empty store: the reference data when the feed is empty, the
 * demo users when there are no users. Several server processes may start at once on one
 * PostgreSQL: an advisory lock lets one seed while the others wait and then find it done.
 */
export async function seedDemoDataIfEmpty(
  store: CentralStore,
  { passwords, clock }: { passwords: PasswordHasher; clock: Clock },
): Promise<SeedOutcome> {
  const seeded = await seedReferenceAndUsers(store, { passwords, clock });
  // Every demo start: today's demo booking codes work on the day the demo runs.
  return { ...seeded, appointments: await seedDemoQueue(store, clock) };
}

async function seedReferenceAndUsers(
  store: CentralStore,
  { passwords, clock }: { passwords: PasswordHasher; clock: Clock },
): Promise<Omit<SeedOutcome, 'appointments'>> {
  const [references, users] = await Promise.all([
    countReferenceEntities(store.db),
    countUsers(store.db),
  ]);
  if (references > 0 && users > 0) return { referenceEntities: 0, users: 0 };

  // Hashed before the transaction: scrypt is slow on purpose and needs no lock.
  const userRows =
    users === 0
      ? await Promise.all(
          demoUsers.map(async (user) =>
            userToRow(
              { ...user, passwordHash: await passwords.hash(DEMO_PASSWORD), demo: true },
              clock.now(),
            ),
          ),
        )
      : [];

  return store.db.transaction().execute(async (tx) => {
    if (store.dialect === 'postgres') {
      await sql`select pg_advisory_xact_lock(hashtext('okienko.seedDemoData'))`.execute(tx);
    }
    const outcome = { referenceEntities: 0, users: 0 };
    if ((await countReferenceEntities(tx)) === 0) {
      const written = await writeReferenceChanges(
        tx,
        store.dialect,
        demoReferenceWrites(),
        clock.now(),
      );
      outcome.referenceEntities = written.length;
    }
    if (userRows.length > 0 && (await countUsers(tx)) === 0) {
      await tx.insertInto('users').values(userRows).execute();
      outcome.users = userRows.length;
    }
    return outcome;
  });
}
