import type { NullableJsonColumn, TimeColumn } from './storeColumns';

/** Every pushed mutation id, once, with the answer it got: the key of at-most-once. */
export interface SyncMutationsTable {
  id: string;
  workstation_id: string;
  type: string;
  status: 'applied' | 'rejected';
  result: NullableJsonColumn;
  reason: string | null;
  received_at: TimeColumn;
}

/** A visit served while the central server was unreachable (`visit.recordManual`). */
export interface ManualVisitsTable {
  /** The mutation's id: one visit per mutation, whatever the number of replays. */
  id: string;
  workstation_id: string;
  site_id: string;
  counter_number: number;
  ticket_number: string;
  started_at: TimeColumn;
  finished_at: TimeColumn;
  clerk_login: string;
  note: string;
  /** When the clerk recorded it, by the PC's clock. */
  created_at: TimeColumn;
  received_at: TimeColumn;
}

export interface SyncTables {
  sync_mutations: SyncMutationsTable;
  manual_visits: ManualVisitsTable;
}
