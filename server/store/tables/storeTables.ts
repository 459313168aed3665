import type { ColumnType } from 'kysely';
import type { TimeColumn } from './storeColumns';

/**
 * One row (id 1), written by migration 004 and never changed: the random id of this store's
 * reference feed. Pull answers carry it so a PC can tell that its cursor belongs to another store.
 */
export interface StoreIdentityTable {
  id: ColumnType<number, number, never>;
  feed_id: ColumnType<string, string, never>;
  created_at: TimeColumn;
}

export interface StoreTables {
  store_identity: StoreIdentityTable;
}
