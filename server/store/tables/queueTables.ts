import type { ColumnType } from 'kysely';
import type { FlagColumn, JsonColumn, NullableJsonColumn, TimeColumn } from './storeColumns';

type NullableTimeColumn = ColumnType<Date | string | null, string | null, string | null>;

/** One queue ticket (migration 005). No personal data: a number, a category, times, flags. */
export interface QueueTicketsTable {
  id: string;
  site_id: string;
  category_id: string;
  number: string;
  /** The site's civil date (YYYY-MM-DD) it was issued on. */
  day: string;
  source: 'kiosk' | 'appointment' | 'assistant' | 'walk-in' | 'manual';
  priority: FlagColumn;
  booking_code: string | null;
  due_at: NullableTimeColumn;
  issued_at: TimeColumn;
  queued_at: TimeColumn;
  status: 'waiting' | 'called' | 'parked' | 'no-show' | 'done';
  counter_id: string | null;
  target_counter_id: string | null;
  called_at: NullableTimeColumn;
  last_called_at: NullableTimeColumn;
  recalls: number;
  served_at: NullableTimeColumn;
  finished_at: NullableTimeColumn;
  /** A JSON array of case type ids. */
  services: JsonColumn;
  outcome: string | null;
  checklist: NullableJsonColumn;
  updated_at: TimeColumn;
}

/** The last number given in a category on a day: the next ticket takes the one after. */
export interface QueueNumbersTable {
  category_id: string;
  day: string;
  site_id: string;
  last_number: number;
}

/**
 * A counter's live state, made on its first command. Its row is what a call locks: one call
 * at a time per counter. `cycle_*` count the calls of each class in the current round of the
 * priority ratio.
 */
export interface QueueCountersTable {
  counter_id: string;
  site_id: string;
  state: 'closed' | 'open' | 'paused';
  pause_reason: string | null;
  clerk_user_id: string | null;
  clerk_login: string | null;
  clerk_display_name: string | null;
  current_ticket_id: string | null;
  since: NullableTimeColumn;
  cycle_priority: number;
  cycle_ordinary: number;
  served_day: string | null;
  served_count: number;
  updated_at: TimeColumn;
}

/** A booked slot from the online booking. */
export interface QueueAppointmentsTable {
  booking_code: string;
  site_id: string;
  category_id: string;
  day: string;
  due_at: TimeColumn;
  status: 'booked' | 'checked-in' | 'cancelled';
  ticket_id: string | null;
  checked_in_at: NullableTimeColumn;
  demo: FlagColumn;
  created_at: TimeColumn;
}

/** A site's calling rules (callingRulesSchema), validated on the way in and out. */
export interface QueueRulesTable {
  site_id: string;
  rules: JsonColumn;
  updated_at: TimeColumn;
  updated_by: string;
}

/** Every queue command: who, when, what (statistics, and the out-of-order calls' log). */
export interface QueueJournalTable {
  id: ColumnType<string | number, never, never>;
  site_id: string;
  day: string;
  at: TimeColumn;
  action: string;
  ticket_id: string | null;
  ticket_number: string | null;
  category_id: string | null;
  counter_id: string | null;
  counter_number: number | null;
  actor: string;
  details: JsonColumn;
}

export interface QueueTables {
  queue_tickets: QueueTicketsTable;
  queue_numbers: QueueNumbersTable;
  queue_counters: QueueCountersTable;
  queue_appointments: QueueAppointmentsTable;
  queue_rules: QueueRulesTable;
  queue_journal: QueueJournalTable;
}
