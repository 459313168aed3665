import type { ColumnType, Generated } from 'kysely';

/**
 * Column types as both stores hand them back: PostgreSQL returns bigint as a string, booleans
 * as booleans, jsonb parsed and timestamptz as a Date; SQLite returns numbers, 0/1, text and
 * text. Rows are read through `storeValues.ts`, which turns either into one shape.
 */
export type SeqColumn = ColumnType<string | number, string | number, string | number>;
export type FlagColumn = ColumnType<boolean | number, number, number>;
export type JsonColumn = ColumnType<unknown, string, string>;
export type NullableJsonColumn = ColumnType<unknown, string | null, string | null>;
export type TimeColumn = ColumnType<Date | string, string, string>;
export type AutoIdColumn = Generated<string | number>;
