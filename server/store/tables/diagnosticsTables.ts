import type { TimeColumn } from './storeColumns';

/** A diagnostics archive a workstation sent (migration 013). */
export interface DiagnosticsTable {
  id: string;
  workstation_id: string;
  site_id: string;
  counter_number: number | null;
  received_at: TimeColumn;
  size_bytes: number;
  archive: Uint8Array;
}

export interface DiagnosticsTables {
  diagnostics: DiagnosticsTable;
}
