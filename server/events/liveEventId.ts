import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';

const LARGEST_ID = 9_223_372_036_854_775_807n; // PostgreSQL bigint, SQLite INTEGER

/** A live event id as a client sends it back (`?after=`): digits, no larger than a bigint. */
export const liveEventIdSchema = z
  .string()
  .regex(/^\d{1,19}$/, 'must be the id of a live event (digits only)')
  .refine(
    (text) => !/^\d+$/.test(text) || BigInt(text) <= LARGEST_ID,
    'is larger than any live event id',
  );

/** Ids are compared as bigints: a string compares digit by digit, a number loses precision. */
export function parseLiveEventId(text: string): bigint {
  const parsed = liveEventIdSchema.safeParse(text);
  if (!parsed.success) {
    throw new Error(
      `"${text.slice(0, 40)}" ${parsed.error.issues[0]?.message ?? 'is not a live event id'}.`,
    );
  }
  return BigInt(parsed.data);
}

/**
 * An id as a query parameter. Both drivers bind a bigint exactly (pg as its decimal text,
 * better-sqlite3 as a 64-bit integer); typed as the column's select type so Kysely accepts it.
 */
export function liveEventIdValue(id: bigint): RawBuilder<string | number> {
  return sql<string | number>`${id}`;
}
