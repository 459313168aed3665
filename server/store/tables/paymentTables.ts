import type { FlagColumn, JsonColumn, TimeColumn } from './storeColumns';

/**
 * One card or BLIK payment (migration 007, `payment.record`): its latest outcome, and every
 * outcome received in `history`. Only the masked card number is ever stored.
 */
export interface PaymentsTable {
  payment_id: string;
  case_id: string | null;
  /** The case was not in the register when the payment first arrived (kept regardless). */
  case_unknown_on_receipt: FlagColumn;
  workstation_id: string;
  site_id: string;
  counter_number: number;
  clerk_login: string;
  method: 'card' | 'blik';
  amount_grosze: number;
  outcome: 'approved' | 'reversed' | 'refunded';
  outcome_at: TimeColumn;
  outcome_mutation_id: string;
  terminal_id: string | null;
  trace_number: string | null;
  receipt_number: string | null;
  authorisation_code: string | null;
  masked_pan: string | null;
  taken_at: TimeColumn;
  /** The site's civil date (`2026-03-02`) of `taken_at`: the day the payment counts in. */
  site_day: string;
  history: JsonColumn;
  received_at: TimeColumn;
  updated_at: TimeColumn;
}

/** One end-of-day settlement a counter ran (`payment.endOfDay`). */
export interface EndOfDayReportsTable {
  report_id: string;
  mutation_id: string;
  workstation_id: string;
  site_id: string;
  counter_number: number;
  clerk_login: string;
  terminal_id: string | null;
  ran_at: TimeColumn;
  site_day: string;
  terminal_totals: JsonColumn;
  journal_totals: JsonColumn;
  differences: JsonColumn;
  balanced: FlagColumn;
  received_at: TimeColumn;
}

export interface PaymentTables {
  payments: PaymentsTable;
  end_of_day_reports: EndOfDayReportsTable;
}
