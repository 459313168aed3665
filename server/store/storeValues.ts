/**
 * Values on their way into and out of the store, one shape for both dialects (see
 * tables/storeColumns.ts for what each hands back).
 */

/** A flag: SQLite stores 0/1; PostgreSQL's boolean parses the same 1/0 sent as text. */
export const toStoreFlag = (value: boolean): number => (value ? 1 : 0);
export const fromStoreFlag = (value: boolean | number): boolean => value === true || value === 1;

/** JSON as text: SQLite keeps it, PostgreSQL's jsonb parses it (and hands it back parsed). */
export const toStoreJson = (value: unknown): string => JSON.stringify(value);
export const fromStoreJson = (value: unknown): unknown =>
  typeof value === 'string' ? JSON.parse(value) : value;

/** Times as ISO text (`…Z`): SQLite compares them as text, PostgreSQL parses timestamptz. */
export const toStoreTime = (date: Date): string => date.toISOString();
export const fromStoreTime = (value: Date | string): string =>
  (value instanceof Date ? value : new Date(value)).toISOString();

/** A feed position as the API shows it: a decimal string (PostgreSQL's bigint may pass 2^53). */
export const fromStoreSeq = (value: string | number): string => String(value);
