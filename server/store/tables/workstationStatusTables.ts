import type { JsonColumn, TimeColumn } from './storeColumns';

/** The latest status report of a workstation (migration 011). */
export interface WorkstationStatusTable {
  workstation_id: string;
  site_id: string;
  counter_number: number | null;
  received_at: TimeColumn;
  device_key: string;
  report: JsonColumn;
}

export interface WorkstationStatusTables {
  workstation_status: WorkstationStatusTable;
}
