import type { Kysely } from 'kysely';
import { z } from 'zod';
import { liveEventSchema, type LiveEvent } from '../../common/contract/central/liveEvents';
import type { CentralDatabase } from '../store/centralDatabase';
import { liveEventIdValue } from './liveEventId';

/**
 * A stored event as read back: the row is validated on its way out of the store like any other
 * payload. A row that does not parse (written by hand, or by a newer server) keeps its id, so
 * the stream moves past it instead of sticking there, and says what is wrong with it.
 */
export type StoredLiveEvent =
  | { id: bigint; event: LiveEvent; problem?: undefined }
  | { id: bigint; event: null; problem: string };

type LiveEventRow = { id: string | number; type: string; data: string; at: Date | string };

/** The events after `afterId`, oldest first, at most `limit` of them. */
export async function readLiveEventsAfter(
  db: Kysely<CentralDatabase>,
  afterId: bigint,
  limit: number,
): Promise<StoredLiveEvent[]> {
  const rows = await db
    .selectFrom('live_events')
    .select(['id', 'type', 'data', 'at'])
    .where('id', '>', liveEventIdValue(afterId))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(rowToStoredLiveEvent);
}

/** The newest id in the store, or null when no event was ever published to it. */
export async function readNewestLiveEventId(db: Kysely<CentralDatabase>): Promise<bigint | null> {
  const row = await db
    .selectFrom('live_events')
    .select((eb) => eb.fn.max('id').as('newest'))
    .executeTakeFirst();
  return row?.newest == null ? null : BigInt(row.newest);
}

export function rowToStoredLiveEvent(row: LiveEventRow): StoredLiveEvent {
  const id = BigInt(row.id);
  let data: unknown;
  try {
    data = JSON.parse(row.data);
  } catch {
    return { id, event: null, problem: 'its data is not JSON' };
  }
  const parsed = liveEventSchema.safeParse({
    id: String(row.id),
    type: row.type,
    at: row.at instanceof Date ? row.at.toISOString() : row.at,
    data,
  });
  return parsed.success
    ? { id, event: parsed.data }
    : { id, event: null, problem: z.prettifyError(parsed.error) };
}
