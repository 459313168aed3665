import type { Kysely } from 'kysely';
import {
  referenceEntityKindSchema,
  type ReferenceEntityKind,
} from '../../common/contract/central/reference';
import type { Change, PullResponse } from '../../common/contract/central/sync';
import { invalidRequest } from '../http/apiHttpError';
import { decodeEntity, readFeed } from '../reference/referenceFeed';
import type { CentralDatabase } from '../store/centralDatabase';
import type { CentralStore } from '../store/openCentralStore';

/** The largest position a bigint column holds; a cursor beyond it names no change. */
const MAX_SEQ = 2n ** 63n - 1n;

/**
 * One page of the reference feed after a cursor, in feed order. The cursor moves to the last
 * change of the page (or stays when there is none); `hasMore` says whether to ask again now.
 * Each stored document passes its schema on the way out. `feedId` names this store's feed: a
 * cursor from another one (the store was replaced) means nothing here, and the PC starts over.
 */
export async function pullChanges(
  store: CentralStore,
  after: string,
  limit: number,
): Promise<PullResponse> {
  const cursor = BigInt(after);
  if (cursor > MAX_SEQ) {
    throw invalidRequest('The cursor is beyond the feed.', [
      { path: 'after', message: `must be at most ${MAX_SEQ}` },
    ]);
  }
  const [feedId, rows] = await Promise.all([
    readFeedId(store.db),
    readFeed(store.db, store.dialect, cursor, limit + 1),
  ]);
  const page = rows.slice(0, limit);
  const changes = page.map((row): Change => {
    const entity: ReferenceEntityKind = referenceEntityKindSchema.parse(row.entity);
    return {
      entity,
      id: row.id,
      seq: row.seq,
      deleted: row.deleted,
      data: row.deleted ? null : decodeEntity(entity, row.data),
    } as Change;
  });
  return {
    feedId,
    changes,
    cursor: page.at(-1)?.seq ?? cursor.toString(),
    hasMore: rows.length > limit,
  };
}

/** The store's feed id (migration 004 made it once, when the store was created). */
export async function readFeedId(db: Kysely<CentralDatabase>): Promise<string> {
  const row = await db
    .selectFrom('store_identity')
    .select('feed_id')
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!row) throw new Error('store_identity has no row: the central store was not migrated.');
  return row.feed_id;
}
