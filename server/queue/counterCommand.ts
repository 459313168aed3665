import type {
  CounterCommandResponse,
  QueueChangedEvent,
  Ticket,
} from '../../common/contract/central/queue';
import type { CallingRules } from '../../common/contract/central/queue';
import type { Counter, Site } from '../../common/contract/central/reference';
import { readCallingRules } from './callingRules';
import {
  lockCounterRow,
  updateCounterRow,
  type CounterChange,
  type CounterRow,
} from './counterRows';
import { ticketsHeldBy, toCounterState } from './counterView';
import type { ClerkAtCounter, Outcome, QueueDeps } from './queueDeps';
import type { QueueReference } from './queueReference';
import { counterOf, siteOf } from './queueReference';
import { refuse } from './queueRefusal';
import { inQueueTransaction, type QueueTx } from './queueTransaction';
import { siteLocalTime } from '../../common/domain/siteClock';
import { rowToTicket } from './ticketRows';

/** What a counter command works with, inside its transaction, its counter's row locked. */
export type CounterCommandScope = {
  tx: QueueTx;
  deps: QueueDeps;
  reference: QueueReference;
  site: Site;
  counter: Counter;
  /** The counter's row as the transaction has it now (updateCounter keeps it current). */
  row: CounterRow;
  /** Changes the counter's row. */
  updateCounter(change: CounterChange): Promise<CounterRow>;
  actor: ClerkAtCounter;
  rules: CallingRules;
  now: Date;
  day: string;
};

/** What a command did: the ticket it touched and the events to announce. */
export type CounterCommandResult = { ticket: Ticket | null; events: QueueChangedEvent[] };

/**
 * Runs one counter command in one write transaction with the counter's row locked, then
 * answers the counter's state as the transaction leaves it. A refusal rolls everything back.
 */
export async function runCounterCommand(
  deps: QueueDeps,
  actor: ClerkAtCounter,
  work: (scope: CounterCommandScope) => Promise<CounterCommandResult>,
): Promise<Outcome<CounterCommandResponse>> {
  // The cached reference names the counter to lock; a counter added since is looked up afresh.
  const known =
    (await deps.reference.last()).counters.get(actor.counterId) ??
    counterOf(await deps.reference.current(), actor.counterId);
  return inQueueTransaction(deps.store, async (tx) => {
    const now = deps.clock.now();
    const { day } = siteLocalTime(now, deps.timeZone);
    const locked = await lockCounterRow(tx, deps.store.dialect, known, now);
    // The head was read under the lock: reference data changed since the cache was filled is
    // read again, in this transaction.
    const reference = await deps.reference.at(tx, locked.referenceHead);
    const counter = counterOf(reference, actor.counterId);
    const site = siteOf(reference, counter.siteId);
    const rules =
      counter.siteId === known.siteId
        ? locked.rules
        : (await readCallingRules(tx, counter.siteId)).rules;
    const scope: CounterCommandScope = {
      tx,
      deps,
      reference,
      site,
      counter,
      row: locked.row,
      async updateCounter(change) {
        scope.row = await updateCounterRow(tx, counter.id, change, now);
        return scope.row;
      },
      actor,
      rules,
      now,
      day,
    };
    const { ticket, events } = await work(scope);
    const held = await ticketsHeldBy(tx, [counter.id]);
    return { value: { counter: toCounterState(counter, scope.row, held, day), ticket }, events };
  });
}

/** The counter is open (or paused, when allowed) under this clerk's login. */
export function requireOwnCounter(
  scope: Pick<CounterCommandScope, 'row' | 'counter' | 'actor'>,
  { pausedToo = false } = {},
): void {
  const { row, counter, actor } = scope;
  if (row.state === 'closed') {
    refuse('counter-closed', `Counter ${counter.number} is closed: open it first.`);
  }
  if (row.clerk_user_id !== actor.clerk.userId) {
    refuse(
      'counter-of-another-clerk',
      `Counter ${counter.number} is open under the login ${row.clerk_login ?? '?'}: open it under yours to take it over.`,
    );
  }
  if (row.state === 'paused' && !pausedToo) {
    refuse('counter-paused', `Counter ${counter.number} is paused: resume it first.`);
  }
}

/** The ticket at the counter now, or the engine's refusal. */
export async function ticketAtCounter(scope: CounterCommandScope): Promise<Ticket> {
  const { tx, row, counter } = scope;
  if (row.current_ticket_id === null) {
    return refuse('counter-idle', `Counter ${counter.number} has no ticket at it: call one first.`);
  }
  // No row lock: a ticket at a counter changes only by that counter's commands, which the
  // counter's lock already runs one at a time.
  const ticket = await tx
    .selectFrom('queue_tickets')
    .selectAll()
    .where('id', '=', row.current_ticket_id)
    .executeTakeFirst();
  if (!ticket || ticket.status !== 'called' || ticket.counter_id !== counter.id) {
    throw new Error(`Counter ${counter.id} points at ticket ${row.current_ticket_id}, not at it.`);
  }
  return rowToTicket(ticket);
}

/** A counter that must be free to take a ticket. */
export function requireFreeCounter(scope: CounterCommandScope): void {
  const { row, counter } = scope;
  if (row.current_ticket_id !== null) {
    refuse(
      'counter-busy',
      `Counter ${counter.number} already has a ticket at it: finish it, mark a no-show, park or transfer it first.`,
    );
  }
}
