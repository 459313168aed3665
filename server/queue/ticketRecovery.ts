import type {
  CounterCommandResponse,
  TicketReference,
  WalkInRequest,
} from '../../common/contract/central/queue';
import { toStoreTime } from '../store/storeValues';
import { putTicketAtCounter } from './callNext';
import { requireFreeCounter, requireOwnCounter, runCounterCommand } from './counterCommand';
import { insertTicket } from './issueTicket';
import { queueEvent, type ClerkAtCounter, type Outcome, type QueueDeps } from './queueDeps';
import { writeJournal } from './queueJournal';
import { categoryAtSite } from './queueReference';
import { refuse } from './queueRefusal';
import { takeTicketNumber } from './ticketNumbers';
import { findTicket } from './ticketLookup';
import { rowToTicket } from './ticketRows';

/**
 * Calls a chosen waiting ticket, out of the engine's order: only where the site's rules allow
 * it, only a ticket of the counter's categories (or sent to it), and always journaled.
 */
export function callTicketOutOfOrder(
  deps: QueueDeps,
  actor: ClerkAtCounter,
  reference: TicketReference,
): Promise<Outcome<CounterCommandResponse>> {
  return runCounterCommand(deps, actor, async (scope) => {
    requireOwnCounter(scope);
    requireFreeCounter(scope);
    const { site, counter, day, rules } = scope;
    if (!rules.allowCallOutOfOrder) {
      refuse(
        'out-of-order-not-allowed',
        `At ${site.name} tickets are called in the engine's order only (the supervisor decides).`,
      );
    }
    const ticket = await findTicket(scope.tx, deps.store.dialect, site.id, day, reference);
    if (ticket.day !== day) refuse('ticket-not-today', `Ticket ${ticket.number} is not of today.`);
    if (ticket.status !== 'waiting') {
      refuse(
        'ticket-not-waiting',
        `Ticket ${ticket.number} is not waiting (it is ${ticket.status}).`,
      );
    }
    const forThisCounter =
      ticket.targetCounterId === counter.id ||
      (ticket.targetCounterId === null && counter.categoryIds.includes(ticket.categoryId));
    if (!forThisCounter) {
      refuse(
        'category-not-served',
        `Ticket ${ticket.number} is not for counter ${counter.number} (another category or counter).`,
      );
    }
    const called = await putTicketAtCounter(scope, ticket.id, 'ticket-called-out-of-order', {
      queuedAt: ticket.queuedAt,
    });
    return {
      ticket: called,
      events: [queueEvent(site.id, 'ticket-called-out-of-order', called, counter)],
    };
  });
}

/** Takes back a ticket this counter parked: at the counter again. */
export function resumeParkedTicket(
  deps: QueueDeps,
  actor: ClerkAtCounter,
  ticketId: string,
): Promise<Outcome<CounterCommandResponse>> {
  return runCounterCommand(deps, actor, async (scope) => {
    requireOwnCounter(scope);
    requireFreeCounter(scope);
    const { tx, site, counter, day, now } = scope;
    const ticket = await findTicket(tx, deps.store.dialect, site.id, day, { ticketId });
    if (ticket.status !== 'parked' || ticket.counterId !== counter.id) {
      refuse(
        'ticket-not-parked',
        `Ticket ${ticket.number} is not parked at counter ${counter.number} (it is ${ticket.status}).`,
      );
    }
    const row = await tx
      .updateTable('queue_tickets')
      .set({ status: 'called', updated_at: toStoreTime(now) })
      .where('id', '=', ticket.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await scope.updateCounter({ current_ticket_id: ticket.id });
    const resumed = rowToTicket(row);
    await writeJournal(tx, {
      siteId: site.id,
      day,
      at: now,
      action: 'ticket-unparked',
      actor: actor.clerk.login,
      ticket: resumed,
      counter,
    });
    return { ticket: resumed, events: [queueEvent(site.id, 'ticket-unparked', resumed, counter)] };
  });
}

/**
 * Brings a no-show of today back into the queue as waiting, at its original time (the resident
 * came back): any open counter of the site may do it.
 */
export function bringBackNoShow(
  deps: QueueDeps,
  actor: ClerkAtCounter,
  reference: TicketReference,
): Promise<Outcome<CounterCommandResponse>> {
  return runCounterCommand(deps, actor, async (scope) => {
    requireOwnCounter(scope, { pausedToo: true });
    const { tx, site, counter, day, now } = scope;
    const ticket = await findTicket(tx, deps.store.dialect, site.id, day, reference);
    if (ticket.status !== 'no-show') {
      refuse(
        'ticket-not-no-show',
        `Ticket ${ticket.number} is not a no-show (it is ${ticket.status}).`,
      );
    }
    if (ticket.day !== day) refuse('ticket-not-today', `Ticket ${ticket.number} is not of today.`);
    const row = await tx
      .updateTable('queue_tickets')
      .set({ status: 'waiting', called_at: null, recalls: 0, updated_at: toStoreTime(now) })
      .where('id', '=', ticket.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const back = rowToTicket(row);
    await writeJournal(tx, {
      siteId: site.id,
      day,
      at: now,
      action: 'ticket-brought-back',
      actor: actor.clerk.login,
      ticket: back,
      counter,
    });
    return { ticket: back, events: [queueEvent(site.id, 'ticket-brought-back', back, counter)] };
  });
}

/**
 * A resident without a ticket, served at once: a ticket of the counter's category issued
 * straight to this counter (numbered like the rest; outside the daily cap and the kiosk's
 * hours: the clerk has decided to serve them).
 */
export function startWalkIn(
  deps: QueueDeps,
  actor: ClerkAtCounter,
  request: WalkInRequest,
): Promise<Outcome<CounterCommandResponse>> {
  return runCounterCommand(deps, actor, async (scope) => {
    requireOwnCounter(scope);
    requireFreeCounter(scope);
    const { tx, site, counter, day, now, reference } = scope;
    const category = categoryAtSite(reference, site.id, request.categoryId);
    if (!counter.categoryIds.includes(category.id)) {
      refuse(
        'category-not-served',
        `Counter ${counter.number} does not serve "${category.name}": transfer the resident instead.`,
      );
    }
    const number = await takeTicketNumber(tx, category, day, false);
    if (number === null) throw new Error(`Category ${category.id} has used all its numbers today.`);
    const ticket = await insertTicket(
      tx,
      {
        site,
        category,
        day,
        number,
        source: 'walk-in',
        priority: request.priority,
        appointment: null,
        queuedAt: now,
        checklist: null,
        atCounterId: counter.id,
      },
      now,
    );
    await scope.updateCounter({ current_ticket_id: ticket.id });
    await writeJournal(tx, {
      siteId: site.id,
      day,
      at: now,
      action: 'walk-in-started',
      actor: actor.clerk.login,
      ticket,
      counter,
      details: { priority: request.priority },
    });
    return { ticket, events: [queueEvent(site.id, 'walk-in-started', ticket, counter)] };
  });
}
