import { sql, type Kysely } from 'kysely';
import type { CentralDatabase } from '../store/centralDatabase';
import { liveEventIdValue } from './liveEventId';

/**
 * Deletes the events stored before `cutoff` (ISO-8601) and returns how many went. The newest
 * event always stays, so the store still knows the last id it issued (a client resuming from an
 * id above it comes from another store). The highest deleted id is recorded: a client resuming
 * below it may have missed events and is told so. Both in one transaction. Rows go by id up to
 * the newest expired one: ids follow commit order, while `at` comes from each process's clock.
 */
export async function deleteLiveEventsBefore(
  db: Kysely<CentralDatabase>,
  cutoff: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const newest = await trx
      .selectFrom('live_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    if (newest?.id == null) return 0;
    const expired = await trx
      .selectFrom('live_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('at', '<', cutoff)
      .where('id', '<', liveEventIdValue(BigInt(newest.id)))
      .executeTakeFirst();
    if (expired?.id == null) return 0;
    const throughId = BigInt(expired.id);
    const result = await trx
      .deleteFrom('live_events')
      .where('id', '<=', liveEventIdValue(throughId))
      .executeTakeFirst();
    await sql`update live_events_pruned set through_id = ${throughId} where id = 1 and through_id < ${throughId}`.execute(
      trx,
    );
    return Number(result.numDeletedRows);
  });
}

/** The highest id retention has deleted (0 when none). */
export async function readPrunedThroughId(db: Kysely<CentralDatabase>): Promise<bigint> {
  const row = await db
    .selectFrom('live_events_pruned')
    .select('through_id')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row ? BigInt(row.through_id) : 0n;
}
