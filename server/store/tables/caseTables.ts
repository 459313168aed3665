import type { JsonColumn, TimeColumn } from './storeColumns';

/**
 * One registered case (migration 006, `case.register`). `registration` is the payload the PC
 * sent, personal data included: this is the register that keeps it.
 */
export interface CasesTable {
  /** The case's id, made by the counter PC. */
  id: string;
  /** The mutation that registered it. */
  mutation_id: string;
  workstation_id: string;
  site_id: string;
  counter_number: number;
  case_type_id: string;
  /** The number's parts: `unit_symbol.jrwa.sequence.year`. */
  unit_symbol: string;
  jrwa: string;
  year: number;
  sequence: number;
  case_number: string;
  ticket_id: string | null;
  ticket_number: string | null;
  clerk_login: string;
  fee_grosze: number;
  registration: JsonColumn;
  /** When the clerk submitted it, by the PC's clock; its site year is the number's year. */
  submitted_at: TimeColumn;
  received_at: TimeColumn;
}

/** The last sequence given per unit, file-plan class and year. */
export interface CaseNumberSequencesTable {
  unit_symbol: string;
  jrwa: string;
  year: number;
  last_sequence: number;
}

export interface CaseTables {
  cases: CasesTable;
  case_number_sequences: CaseNumberSequencesTable;
}
