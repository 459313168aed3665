import type { CounterState, Ticket } from '../../common/contract/central/queue';
import { pauseReasonSchema } from '../../common/contract/central/queue';
import type { Counter } from '../../common/contract/central/reference';
import { fromStoreTime } from '../store/storeValues';
import type { CounterRow } from './counterRows';
import type { QueueTx } from './queueTransaction';
import { rowToTicket } from './ticketRows';

/** A counter's state from its reference entity, its row (null: never used: closed) and tickets. */
export function toCounterState(
  counter: Counter,
  row: CounterRow | null,
  tickets: readonly Ticket[],
  day: string,
): CounterState {
  const current = tickets.find((ticket) => ticket.status === 'called') ?? null;
  return {
    counterId: counter.id,
    siteId: counter.siteId,
    number: counter.number,
    name: counter.name,
    state: row?.state ?? 'closed',
    pauseReason:
      row?.state === 'paused' && row.pause_reason !== null
        ? pauseReasonSchema.parse(row.pause_reason)
        : null,
    clerk:
      row && row.state !== 'closed' && row.clerk_login !== null
        ? { login: row.clerk_login, displayName: row.clerk_display_name ?? row.clerk_login }
        : null,
    currentTicket: current,
    parkedTickets: tickets.filter((ticket) => ticket.status === 'parked' && ticket.day === day),
    categoryIds: counter.categoryIds,
    servedToday: row?.served_day === day ? row.served_count : 0,
    since: row?.since == null ? null : fromStoreTime(row.since),
  };
}

/** The tickets at a counter (called) or parked by it. */
export async function ticketsHeldBy(db: QueueTx, counterIds: readonly string[]): Promise<Ticket[]> {
  if (counterIds.length === 0) return [];
  const rows = await db
    .selectFrom('queue_tickets')
    .selectAll()
    .where('counter_id', 'in', counterIds)
    .where('status', 'in', ['called', 'parked'])
    .orderBy('queued_at')
    .execute();
  return rows.map(rowToTicket);
}

/** One counter's state as stored now (in a command's transaction, or outside). */
export async function readCounterState(
  db: QueueTx,
  counter: Counter,
  day: string,
): Promise<CounterState> {
  const [row, tickets] = await Promise.all([
    db
      .selectFrom('queue_counters')
      .selectAll()
      .where('counter_id', '=', counter.id)
      .executeTakeFirst(),
    ticketsHeldBy(db, [counter.id]),
  ]);
  return toCounterState(counter, row ?? null, tickets, day);
}
