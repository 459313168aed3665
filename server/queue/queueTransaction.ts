import { sql, type Kysely } from 'kysely';
import type { CentralDatabase } from '../store/centralDatabase';
import type { CentralStore } from '../store/openCentralStore';

export type QueueTx = Kysely<CentralDatabase>;

/**
 * Runs a queue command in one write transaction. On PostgreSQL a plain transaction: the
 * commands take their row locks (the counter's row `FOR UPDATE`, the ticket picked
 * `FOR UPDATE SKIP LOCKED`). On SQLite `BEGIN IMMEDIATE`: the write lock is taken before the
 * first read, so a second process on the same file waits (busy_timeout) instead of failing
 * its upgrade from reader to writer, and within one process Kysely's single connection runs
 * one command at a time.
 */
export async function inQueueTransaction<T>(
  store: CentralStore,
  work: (tx: QueueTx) => Promise<T>,
): Promise<T> {
  if (store.dialect === 'postgres') return store.db.transaction().execute(work);
  return store.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      // SQLite has already rolled back after some errors (a full disk); the first error counts.
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}
