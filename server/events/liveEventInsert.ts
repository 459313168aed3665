import { sql, type Kysely } from 'kysely';
import type { CentralDatabase } from '../store/centralDatabase';
import type { StoreDialect } from '../store/storeConfig';

export type LiveEventInsert = { type: string; data: string; at: string };

/** Arbitrary, fixed: the first key of the advisory lock, so ours never meets another's. */
const LIVE_EVENTS_LOCK_CLASS = 0x4f4b4c45; // "OKLE"

/**
 * Stores one event and returns its id. On SQLite one connection writes, so ids are committed in
 * the order they are given. On PostgreSQL several server processes insert at once, and a
 * bigserial alone would let id 8 commit before id 7: a reader that delivered 8 and moved its
 * cursor past 7 would never send 7. Of the two cures (deliver only below the oldest open
 * transaction's snapshot, or serialize the inserts), we serialize: the transaction takes a
 * transaction-level advisory lock before drawing its id and keeps it until after it commits, so
 * the next id is drawn only once this one is visible, and commit order equals id order. The lock
 * covers three quick statements, and NOTIFY already serializes notifying commits database-wide,
 * so it costs little at a city hall's rate of events. The key is this table's oid: one lock per
 * schema. pg_notify runs in the same transaction, so no process is woken before the row is
 * there to read; the payload is only the id (readers skip a wake-up they have already passed).
 */
export async function insertLiveEvent(
  db: Kysely<CentralDatabase>,
  dialect: StoreDialect,
  channel: string | null,
  event: LiveEventInsert,
): Promise<bigint> {
  if (dialect === 'sqlite') {
    const row = await db
      .insertInto('live_events')
      .values(event)
      .returning('id')
      .executeTakeFirstOrThrow();
    return BigInt(row.id);
  }
  if (channel === null)
    throw new Error('A PostgreSQL store needs a NOTIFY channel for live events.');
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${sql.lit(LIVE_EVENTS_LOCK_CLASS)}, 'live_events'::regclass::oid::int)`.execute(
      trx,
    );
    const row = await trx
      .insertInto('live_events')
      .values(event)
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`select pg_notify(${channel}, ${String(row.id)})`.execute(trx);
    return BigInt(row.id);
  });
}
