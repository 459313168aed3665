import type { FlagColumn, NullableJsonColumn, SeqColumn, TimeColumn } from './storeColumns';

/** The store's named counters (the reference feed's `seq`), kept in the store, not in memory. */
export interface SequencesTable {
  name: string;
  value: SeqColumn;
}

/**
 * One row per reference entity: its validated JSON document, the feed position of its last
 * write, and a tombstone flag (a deleted entity keeps its row so a pull can tell the PCs).
 */
export interface ReferenceEntitiesTable {
  entity: string;
  id: string;
  seq: SeqColumn;
  deleted: FlagColumn;
  data: NullableJsonColumn;
  updated_at: TimeColumn;
}

export interface ReferenceTables {
  sequences: SequencesTable;
  reference_entities: ReferenceEntitiesTable;
}
