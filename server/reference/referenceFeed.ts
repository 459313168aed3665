import type { Kysely } from 'kysely';
import {
  referenceEntitySchemas,
  type ReferenceEntity,
  type ReferenceEntityKind,
} from '../../common/contract/central/reference';
import type { CentralDatabase } from '../store/centralDatabase';
import type { StoreDialect } from '../store/storeConfig';
import {
  fromStoreFlag,
  fromStoreJson,
  fromStoreSeq,
  toStoreFlag,
  toStoreJson,
  toStoreTime,
} from '../store/storeValues';

/** One write to the feed: an entity's new document, or null to delete it (a tombstone). */
export type ReferenceWrite = {
  [K in ReferenceEntityKind]: { entity: K; id: string; data: ReferenceEntity[K] | null };
}[ReferenceEntityKind];

export type WrittenChange = {
  entity: ReferenceEntityKind;
  id: string;
  seq: string;
  deleted: boolean;
};

const FEED_SEQUENCE = 'reference_feed';
/** Rows per INSERT: well under SQLite's 32,766 bound parameters at 5 columns a row. */
const CHUNK = 500;

/** A feed position as each driver binds it: PostgreSQL parses the text as bigint. */
export function seqParam(dialect: StoreDialect, seq: bigint): string | bigint {
  return dialect === 'postgres' ? seq.toString() : seq;
}

/**
 * Reserves `count` feed positions and returns the first. The UPDATE takes the sequence row's
 * lock and holds it until the transaction ends, so feed writers are serialized: a writer
 * waits for the one before it to commit, and positions become visible in the order they were
 * given. A reader that has seen position n can therefore never later find a row below n
 * committed late (the gap a plain auto-increment leaves between two concurrent writers).
 * SQLite has a single writer and gets the same order for free.
 */
async function reserveFeedPositions(tx: Kysely<CentralDatabase>, count: number): Promise<bigint> {
  const row = await tx
    .updateTable('sequences')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', FEED_SEQUENCE)
    .returning('value')
    .executeTakeFirstOrThrow();
  return BigInt(row.value) - BigInt(count) + 1n;
}

/**
 * Takes the feed writers' lock (the sequence row) for the rest of the transaction, for a
 * writer that must read the current state before it decides what to write.
 */
export async function lockReferenceFeed(tx: Kysely<CentralDatabase>): Promise<void> {
  await tx
    .updateTable('sequences')
    .set((eb) => ({ value: eb.ref('value') }))
    .where('name', '=', FEED_SEQUENCE)
    .execute();
}

/** Whether an entity is live (written and not deleted). */
export async function isLiveReferenceEntity(
  db: Kysely<CentralDatabase>,
  entity: ReferenceEntityKind,
  id: string,
): Promise<boolean> {
  return (await liveReferenceIds(db, entity, [id])).has(id);
}

/**
 * Writes reference entities in the caller's transaction, each at a new feed position, in the
 * order given. The documents must already have passed their schemas.
 */
export async function writeReferenceChanges(
  tx: Kysely<CentralDatabase>,
  dialect: StoreDialect,
  writes: readonly ReferenceWrite[],
  now: Date,
): Promise<WrittenChange[]> {
  if (writes.length === 0) return [];
  const first = await reserveFeedPositions(tx, writes.length);
  const updatedAt = toStoreTime(now);
  const rows = writes.map((write, index) => ({
    entity: write.entity,
    id: write.id,
    seq: seqParam(dialect, first + BigInt(index)) as string,
    deleted: toStoreFlag(write.data === null),
    data: write.data === null ? null : toStoreJson(write.data),
    updated_at: updatedAt,
  }));
  for (let start = 0; start < rows.length; start += CHUNK) {
    await tx
      .insertInto('reference_entities')
      .values(rows.slice(start, start + CHUNK))
      .onConflict((conflict) =>
        conflict.columns(['entity', 'id']).doUpdateSet((eb) => ({
          seq: eb.ref('excluded.seq'),
          deleted: eb.ref('excluded.deleted'),
          data: eb.ref('excluded.data'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  return writes.map((write, index) => ({
    entity: write.entity,
    id: write.id,
    seq: (first + BigInt(index)).toString(),
    deleted: write.data === null,
  }));
}

/** A stored document, checked against its schema on the way out of the store. */
export function decodeEntity<K extends ReferenceEntityKind>(
  entity: K,
  stored: unknown,
): ReferenceEntity[K] {
  return referenceEntitySchemas[entity].parse(fromStoreJson(stored)) as ReferenceEntity[K];
}

/** The live (not deleted) entities of one kind, by id. */
export async function listReferenceEntities<K extends ReferenceEntityKind>(
  db: Kysely<CentralDatabase>,
  entity: K,
): Promise<ReferenceEntity[K][]> {
  const rows = await db
    .selectFrom('reference_entities')
    .select('data')
    .where('entity', '=', entity)
    .where('deleted', '=', toStoreFlag(false))
    .orderBy('id')
    .execute();
  return rows.map((row) => decodeEntity(entity, row.data));
}

/** The live (not deleted) entities of one kind among these ids, by id; a missing id is absent. */
export async function liveReferenceEntitiesById<K extends ReferenceEntityKind>(
  db: Kysely<CentralDatabase>,
  entity: K,
  ids: readonly string[],
): Promise<Map<string, ReferenceEntity[K]>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('reference_entities')
    .select(['id', 'data'])
    .where('entity', '=', entity)
    .where('id', 'in', [...new Set(ids)])
    .where('deleted', '=', toStoreFlag(false))
    .execute();
  return new Map(rows.map((row) => [row.id, decodeEntity(entity, row.data)]));
}

/** Which of these ids of one kind are live (written and not deleted). */
export async function liveReferenceIds(
  db: Kysely<CentralDatabase>,
  entity: ReferenceEntityKind,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('reference_entities')
    .select('id')
    .where('entity', '=', entity)
    .where('id', 'in', [...new Set(ids)])
    .where('deleted', '=', toStoreFlag(false))
    .execute();
  return new Set(rows.map((row) => row.id));
}

export type FeedRow = {
  entity: string;
  id: string;
  seq: string;
  deleted: boolean;
  data: unknown;
};

/** Up to `limit` feed rows after a position, in feed order. */
export async function readFeed(
  db: Kysely<CentralDatabase>,
  dialect: StoreDialect,
  after: bigint,
  limit: number,
): Promise<FeedRow[]> {
  const rows = await db
    .selectFrom('reference_entities')
    .select(['entity', 'id', 'seq', 'deleted', 'data'])
    .where('seq', '>', seqParam(dialect, after) as string)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    entity: row.entity,
    id: row.id,
    seq: fromStoreSeq(row.seq),
    deleted: fromStoreFlag(row.deleted),
    data: row.data,
  }));
}

export async function countReferenceEntities(db: Kysely<CentralDatabase>): Promise<number> {
  const { count } = await db
    .selectFrom('reference_entities')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}
