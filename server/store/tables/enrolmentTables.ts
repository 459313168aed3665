import type { AutoIdColumn, JsonColumn, TimeColumn } from './storeColumns';

/** A one-time enrolment code; only its hash is kept (docs/provisioning.md). */
export interface EnrolmentCodesTable {
  /** SHA-256 of the normalized code, hex. */
  code_hash: string;
  workstation_id: string;
  created_at: TimeColumn;
  expires_at: TimeColumn;
  created_by: string;
  used_at: TimeColumn | null;
  /** The PC's own name as it said at enrolment (its hostname), for the admin. */
  used_by_label: string | null;
}

/** What the server owns of a workstation's settings, served to the PC. */
export interface WorkstationSettingsTable {
  workstation_id: string;
  terminal: JsonColumn;
  printer: JsonColumn;
  updated_at: TimeColumn;
}

/** One refused enrolment, counted by client address for the rate limit. */
export interface EnrolmentFailuresTable {
  id: AutoIdColumn;
  ip: string;
  failed_at: TimeColumn;
}

export interface EnrolmentTables {
  enrolment_codes: EnrolmentCodesTable;
  workstation_settings: WorkstationSettingsTable;
  enrolment_failures: EnrolmentFailuresTable;
}
