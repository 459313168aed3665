import { sql, type CreateTableBuilder } from 'kysely';
import type { StoreDialect } from '../storeConfig';

/**
 * The column types that differ between the two stores. SQLite tables are STRICT, which allows
 * only INTEGER, REAL, TEXT, BLOB and ANY: flags are 0/1, JSON and times are text (times always
 * written as `Date#toISOString()`, so text order is time order). PostgreSQL gets its own types.
 */
export function columnTypes(dialect: StoreDialect) {
  return dialect === 'postgres'
    ? ({ bigint: 'bigint', flag: 'boolean', json: 'jsonb', time: 'timestamptz' } as const)
    : ({ bigint: 'integer', flag: 'integer', json: 'text', time: 'text' } as const);
}

/** `CREATE TABLE … STRICT` on SQLite, so a wrong type is an error rather than a surprise. */
export function strictOnSqlite<TB extends string, C extends string>(
  builder: CreateTableBuilder<TB, C>,
  dialect: StoreDialect,
): CreateTableBuilder<TB, C> {
  return dialect === 'sqlite' ? builder.modifyEnd(sql`strict`) : builder;
}
