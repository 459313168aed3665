import type { CounterCommandResponse, Ticket } from '../../common/contract/central/queue';
import { fromStoreFlag, toStoreFlag, toStoreTime } from '../store/storeValues';
import {
  requireFreeCounter,
  requireOwnCounter,
  runCounterCommand,
  type CounterCommandScope,
} from './counterCommand';
import type { CounterChange } from './counterRows';
import { afterCall, preferredClass, type TicketClass } from './priorityRatio';
import { queueEvent, type ClerkAtCounter, type Outcome, type QueueDeps } from './queueDeps';
import { writeJournal } from './queueJournal';
import { rowToTicket, type TicketRow } from './ticketRows';
import type { QueueChange } from '../../common/contract/central/queue';

/** The calling order's steps (docs/queue-engine.md, "Call next"), journaled with each call. */
export const CALL_RANK = {
  transferredHere: 0,
  appointmentDue: 1000,
  longWait: 2000,
  ordinary: 3000,
  appointmentNotYetDue: 4000,
} as const;

type TicketQuery = ReturnType<typeof waitingTickets>;

/** Today's waiting tickets (each step narrows them to a prefix of its index). */
function waitingTickets(scope: Pick<CounterCommandScope, 'tx' | 'day'>) {
  return scope.tx
    .selectFrom('queue_tickets')
    .selectAll()
    .where('day', '=', scope.day)
    .where('status', '=', 'waiting');
}

/** One step of the calling order: the tickets it considers, best first. */
type CallStep = { rank: number; select: (query: TicketQuery) => TicketQuery };

/**
 * The calling order as steps, each one indexed query (docs/queue-engine.md, "Call next"): the
 * first step that finds a ticket decides. Within a step the oldest `queuedAt` goes first (an
 * appointment's is its booked time).
 */
function callSteps(
  scope: Pick<CounterCommandScope, 'tx' | 'counter' | 'site' | 'rules' | 'now' | 'day'>,
  preferred: TicketClass,
): CallStep[] {
  const { counter, rules, now } = scope;
  const categories = counter.categoryIds;
  const dueBy = toStoreTime(new Date(now.getTime() + rules.appointmentCallAheadMinutes * 60_000));
  /** With appointments first, appointment tickets wait for their own steps. */
  const walkInsOnly = (query: TicketQuery) =>
    rules.appointmentsFirst ? query.where('booking_code', 'is', null) : query;
  const atSite = (query: TicketQuery) => query.where('site_id', '=', scope.site.id);
  const inQueue = (query: TicketQuery) =>
    walkInsOnly(atSite(query).where('target_counter_id', 'is', null));
  const steps: CallStep[] = [
    {
      rank: CALL_RANK.transferredHere,
      select: (query) => query.where('target_counter_id', '=', counter.id).orderBy('queued_at'),
    },
  ];
  if (categories.length === 0) return steps;
  if (rules.appointmentsFirst) {
    steps.push({
      rank: CALL_RANK.appointmentDue,
      select: (query) =>
        atSite(query)
          .where('due_at', '<=', dueBy)
          .where('booking_code', 'is not', null)
          .where('target_counter_id', 'is', null)
          .where('category_id', 'in', categories)
          .orderBy('due_at')
          .orderBy('queued_at'),
    });
  }
  for (const rule of rules.longWait) {
    if (!categories.includes(rule.categoryId)) continue;
    const waitedSince = toStoreTime(new Date(now.getTime() - rule.minutes * 60_000));
    steps.push({
      rank: CALL_RANK.longWait,
      select: (query) =>
        inQueue(query.where('category_id', '=', rule.categoryId))
          .where('queued_at', '<', waitedSince)
          .orderBy('queued_at'),
    });
  }
  const classes: TicketClass[] =
    preferred === 'priority' ? ['priority', 'ordinary'] : ['ordinary', 'priority'];
  for (const categoryId of categories) {
    for (const kind of classes) {
      steps.push({
        rank: CALL_RANK.ordinary,
        select: (query) =>
          inQueue(
            query
              .where('category_id', '=', categoryId)
              .where('priority', '=', toStoreFlag(kind === 'priority')),
          ).orderBy('queued_at'),
      });
    }
  }
  if (rules.appointmentsFirst) {
    steps.push({
      rank: CALL_RANK.appointmentNotYetDue,
      select: (query) =>
        atSite(query)
          .where('due_at', 'is not', null)
          .where('booking_code', 'is not', null)
          .where('target_counter_id', 'is', null)
          .where('category_id', 'in', categories)
          .orderBy('due_at')
          .orderBy('queued_at'),
    });
  }
  return steps;
}

/**
 * The next ticket for the counter by the site's rules, locked for this transaction: on
 * PostgreSQL each step's `LIMIT 1 FOR UPDATE SKIP LOCKED` passes over a ticket another counter
 * is taking at this very moment instead of waiting for it (and never gets it twice: the row is
 * re-checked once its lock is free). On SQLite the transaction holds the write lock already.
 */
export async function pickNextTicket(
  scope: CounterCommandScope,
  preferred: TicketClass,
): Promise<{ row: TicketRow; rank: number } | undefined> {
  for (const step of nextTicketQueries(scope, preferred)) {
    const row = await step.query.executeTakeFirst();
    if (row) return { row, rank: step.rank };
  }
  return undefined;
}

/** The queries of the calling order's steps, in order (tests check that each uses its index). */
export function nextTicketQueries(
  scope: Pick<CounterCommandScope, 'tx' | 'deps' | 'counter' | 'site' | 'rules' | 'now' | 'day'>,
  preferred: TicketClass,
) {
  return callSteps(scope, preferred).map((step) => {
    const query = step.select(waitingTickets(scope)).orderBy('id').limit(1);
    return {
      rank: step.rank,
      query: scope.deps.store.dialect === 'postgres' ? query.forUpdate().skipLocked() : query,
    };
  });
}

/** Puts a waiting ticket at the counter: called now, recalls from zero. */
export async function putTicketAtCounter(
  scope: CounterCommandScope,
  ticketId: string,
  action: QueueChange,
  details: Record<string, unknown> = {},
  counterChange: CounterChange = {},
): Promise<Ticket> {
  const { tx, counter, now } = scope;
  const row = await tx
    .updateTable('queue_tickets')
    .set({
      status: 'called',
      counter_id: counter.id,
      target_counter_id: null,
      called_at: toStoreTime(now),
      last_called_at: toStoreTime(now),
      recalls: 0,
      updated_at: toStoreTime(now),
    })
    .where('id', '=', ticketId)
    .where('status', '=', 'waiting')
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new Error(`Ticket ${ticketId} was taken while this counter held its lock.`);
  const ticket = rowToTicket(row);
  await scope.updateCounter({ ...counterChange, current_ticket_id: ticket.id });
  await writeJournal(tx, {
    siteId: scope.site.id,
    day: scope.day,
    at: now,
    action,
    actor: scope.actor.clerk.login,
    ticket,
    counter,
    details,
  });
  return ticket;
}

/** Calls by the queue's own order count in the priority ratio; transfers and appointments do not. */
const countsInRatio = (rank: number) =>
  rank >= CALL_RANK.longWait && rank < CALL_RANK.appointmentNotYetDue;

/**
 * Call next: the engine alone decides which waiting ticket the counter gets (see
 * docs/queue-engine.md). The counter must be open under the clerk's login and free. Nobody
 * waiting is an answer (`ticket: null`), not an error.
 */
export function callNext(
  deps: QueueDeps,
  actor: ClerkAtCounter,
): Promise<Outcome<CounterCommandResponse>> {
  return runCounterCommand(deps, actor, async (scope) => {
    requireOwnCounter(scope);
    requireFreeCounter(scope);
    const { row, rules, counter } = scope;
    const cycle = { priority: row.cycle_priority, ordinary: row.cycle_ordinary };
    const preferred = preferredClass(cycle, rules.priorityRatio);
    const next = await pickNextTicket(scope, preferred);
    if (!next) return { ticket: null, events: [] };
    const { row: picked, rank } = next;
    const after = countsInRatio(rank)
      ? afterCall(
          cycle,
          fromStoreFlag(picked.priority) ? 'priority' : 'ordinary',
          rules.priorityRatio,
        )
      : cycle;
    const ticket = await putTicketAtCounter(
      scope,
      picked.id,
      'ticket-called',
      { rank },
      { cycle_priority: after.priority, cycle_ordinary: after.ordinary },
    );
    return { ticket, events: [queueEvent(scope.site.id, 'ticket-called', ticket, counter)] };
  });
}
