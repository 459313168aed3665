import type { JsonColumn, TimeColumn } from './storeColumns';

/** One supervisor action (migration 009): who did what, when. */
export interface SupervisorActionsTable {
  id: string;
  site_id: string;
  day: string;
  kind:
    'counter-categories' | 'counter-opened' | 'counter-closed' | 'ticket-moved' | 'message-sent';
  actor: string;
  at: TimeColumn;
  counter_id: string | null;
  ticket_number: string | null;
  details: JsonColumn;
}

/** A short message a supervisor sent to a counter's screen. */
export interface CounterMessagesTable {
  id: string;
  site_id: string;
  counter_id: string;
  counter_number: number;
  text: string;
  sender_login: string;
  sender_name: string;
  sent_at: TimeColumn;
}

export interface SupervisorTables {
  supervisor_actions: SupervisorActionsTable;
  counter_messages: CounterMessagesTable;
}
