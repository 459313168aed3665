import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../store/centralDatabase';
import { fromStoreFlag } from '../store/storeValues';
import type { ClerkEvent, TicketFact } from './stats/ticketFacts';

/** The journal's actions the figures need: calls, walk-ins, no-shows, transfers, finishes. */
export const FIGURE_ACTIONS = [
  'ticket-called',
  'ticket-called-out-of-order',
  'walk-in-started',
  'ticket-no-show',
  'ticket-transferred',
  'visit-finished',
] as const;
const CALLS: ReadonlySet<string> = new Set([
  'ticket-called',
  'ticket-called-out-of-order',
  'walk-in-started',
]);
const FIGURES: ReadonlySet<string> = new Set(FIGURE_ACTIONS);

/** A stored time as epoch ms: PostgreSQL gives Date, SQLite ISO text. */
const ms = (value: Date | string): number =>
  value instanceof Date ? value.getTime() : Date.parse(value);
const msOrNull = (value: Date | string | null): number | null =>
  value === null ? null : ms(value);

export type DayRows = { tickets: TicketFact[]; events: ClerkEvent[] };

const TICKET_COLUMNS = [
  'id',
  'number',
  'category_id',
  'source',
  'priority',
  'booking_code',
  'status',
  'issued_at',
  'queued_at',
  'counter_id',
  'target_counter_id',
  'called_at',
  'last_called_at',
  'recalls',
  'served_at',
  'finished_at',
] as const;

export type TicketRow = Awaited<ReturnType<typeof readTicketRows>>[number];
export type JournalRow = {
  id: string | number;
  ticket_id: string | null;
  action: string;
  actor: string;
  at: Date | string;
};

/** The day's tickets of a site. */
export function readTicketRows(db: Kysely<CentralDatabase>, siteId: string, day: string) {
  return db
    .selectFrom('queue_tickets')
    .select(TICKET_COLUMNS)
    .where('site_id', '=', siteId)
    .where('day', '=', day)
    .execute();
}

/** Some tickets by id (the ones the journal says changed). */
export function readTicketsById(db: Kysely<CentralDatabase>, ids: readonly string[]) {
  return db
    .selectFrom('queue_tickets')
    .select(TICKET_COLUMNS)
    .where('id', 'in', [...ids])
    .execute();
}

/** The journal's rows of a site and day: the figure actions, or every action after an id. */
export function readJournalRows(
  db: Kysely<CentralDatabase>,
  siteId: string,
  day: string,
  after: number | null,
): Promise<JournalRow[]> {
  let query = db
    .selectFrom('queue_journal')
    .select(['id', 'ticket_id', 'action', 'actor', 'at'])
    .where('site_id', '=', siteId)
    .where('day', '=', day);
  query =
    after === null ? query.where('action', 'in', FIGURE_ACTIONS) : query.where('id', '>', after);
  return query.orderBy('id').execute();
}

/** Who called each ticket first, who finished it, and the no-shows and transfers per clerk. */
export type JournalFold = {
  firstCall: Map<string, { at: number; by: string }>;
  finishedBy: Map<string, string>;
  events: ClerkEvent[];
};

export const emptyFold = (): JournalFold => ({
  firstCall: new Map(),
  finishedBy: new Map(),
  events: [],
});

/** Folds journal rows, in id (time) order, into `fold`: the first call seen is the first. */
export function foldJournal(fold: JournalFold, rows: readonly JournalRow[]): void {
  for (const row of rows) {
    if (row.ticket_id === null || !FIGURES.has(row.action)) continue;
    if (CALLS.has(row.action)) {
      if (!fold.firstCall.has(row.ticket_id)) {
        fold.firstCall.set(row.ticket_id, { at: ms(row.at), by: row.actor });
      }
    } else if (row.action === 'visit-finished') {
      fold.finishedBy.set(row.ticket_id, row.actor);
    } else {
      fold.events.push({
        kind: row.action === 'ticket-no-show' ? 'no-show' : 'transfer',
        actor: row.actor,
        at: ms(row.at),
      });
    }
  }
}

/** One ticket's row with what the journal says of it. */
export function ticketFact(row: TicketRow, fold: JournalFold): TicketFact {
  const call = fold.firstCall.get(row.id);
  return {
    ticketId: row.id,
    number: row.number,
    categoryId: row.category_id,
    source: row.source,
    priority: fromStoreFlag(row.priority),
    appointment: row.booking_code !== null,
    status: row.status,
    issuedAt: ms(row.issued_at),
    queuedAt: ms(row.queued_at),
    // A ticket called before the journal kept calls still has its row's call time.
    firstCalledAt: call?.at ?? msOrNull(row.called_at),
    firstCalledBy: call?.by ?? null,
    lastCalledAt: msOrNull(row.last_called_at),
    recalls: row.recalls,
    servedAt: msOrNull(row.served_at),
    finishedAt: msOrNull(row.finished_at),
    finishedBy: fold.finishedBy.get(row.id) ?? null,
    counterId: row.counter_id,
    targetCounterId: row.target_counter_id,
  };
}

/**
 * A site's tickets of a day with who called them first and who finished them, and the day's
 * no-shows and transfers per clerk: two reads (the tickets, the journal's figure actions), one
 * pass to join them.
 */
export async function readDayRows(
  db: Kysely<CentralDatabase>,
  siteId: string,
  day: string,
): Promise<DayRows> {
  const [ticketRows, journalRows] = await Promise.all([
    readTicketRows(db, siteId, day),
    readJournalRows(db, siteId, day, null),
  ]);
  const fold = emptyFold();
  foldJournal(fold, journalRows);
  return { tickets: ticketRows.map((row) => ticketFact(row, fold)), events: fold.events };
}
