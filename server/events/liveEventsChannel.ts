import { createHash } from 'node:crypto';

const PREFIX = 'okienko_live_events';
const LONGEST_IDENTIFIER = 63; // PostgreSQL's NAMEDATALEN - 1; LISTEN would cut a longer name

/**
 * The NOTIFY channel of one schema's live events. Channels are per database, not per schema, so
 * the schema is part of the name: two city halls (or two test runs) in one database never wake
 * each other. A schema too long to fit is replaced by a hash of it, never cut.
 */
export function liveEventsChannel(schema: string | undefined): string {
  if (!schema) return PREFIX;
  const named = `${PREFIX}__${schema}`;
  if (named.length <= LONGEST_IDENTIFIER) return named;
  return `${PREFIX}__${createHash('sha256').update(schema).digest('hex').slice(0, 40)}`;
}
