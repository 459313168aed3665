import type { ColumnType } from 'kysely';

/**
 * One live event, kept so a client that reconnects with the last id it saw gets what it missed.
 * `id` is a bigserial on PostgreSQL (read back as a string) and an AUTOINCREMENT integer on
 * SQLite (a number); `data` is the event's JSON text; `at` is timestamptz on PostgreSQL (a Date)
 * and ISO-8601 text on SQLite. Queries compare ids through `liveEventIdValue` (a bigint).
 */
export interface LiveEventsTable {
  id: ColumnType<string | number, never, never>;
  type: ColumnType<string, string, never>;
  data: ColumnType<string, string, never>;
  at: ColumnType<Date | string, string, never>;
}

/**
 * One row (id 1): the highest id that retention has deleted. A client resuming below it may
 * have missed events and is told so, rather than silently getting a stream with a hole.
 */
export interface LiveEventsPrunedTable {
  id: ColumnType<number, number, never>;
  through_id: ColumnType<string | number, never, never>;
}

export interface EventTables {
  live_events: LiveEventsTable;
  live_events_pruned: LiveEventsPrunedTable;
}
