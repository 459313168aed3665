import type {
  CounterCommandResponse,
  FinishRequest,
  QueueChange,
  Ticket,
  TransferRequest,
} from '../../common/contract/central/queue';
import { toStoreJson, toStoreTime } from '../store/storeValues';
import {
  requireOwnCounter,
  runCounterCommand,
  ticketAtCounter,
  type CounterCommandResult,
  type CounterCommandScope,
} from './counterCommand';
import { queueEvent, type ClerkAtCounter, type Outcome, type QueueDeps } from './queueDeps';
import { writeJournal } from './queueJournal';
import { categoryAtSite } from './queueReference';
import { refuse } from './queueRefusal';
import { rowToTicket } from './ticketRows';
import type { QueueTicketsTable } from '../store/tables/queueTables';
import type { Updateable } from 'kysely';

/** Changes the ticket at the counter, frees the counter when it leaves, journals, announces. */
async function changeTicketAtCounter(
  scope: CounterCommandScope,
  ticket: Ticket,
  change: Updateable<QueueTicketsTable>,
  action: QueueChange,
  details: Record<string, unknown> = {},
): Promise<CounterCommandResult> {
  const { tx, counter, now } = scope;
  const row = await tx
    .updateTable('queue_tickets')
    .set({ ...change, updated_at: toStoreTime(now) })
    .where('id', '=', ticket.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const changed = rowToTicket(row);
  if (changed.status !== 'called') {
    const finished = changed.status === 'done';
    const servedCount = scope.row.served_day === scope.day ? scope.row.served_count + 1 : 1;
    await scope.updateCounter({
      current_ticket_id: null,
      ...(finished ? { served_day: scope.day, served_count: servedCount } : {}),
    });
  }
  await writeJournal(tx, {
    siteId: scope.site.id,
    day: scope.day,
    at: now,
    action,
    actor: scope.actor.clerk.login,
    ticket: changed,
    counter,
    details,
  });
  return { ticket: changed, events: [queueEvent(scope.site.id, action, changed, counter)] };
}

/** Calls the same ticket again (the display board shows it and sounds again). */
export function recallTicket(
  deps: QueueDeps,
  actor: ClerkAtCounter,
): Promise<Outcome<CounterCommandResponse>> {
  return runCounterCommand(deps, actor, async (scope) => {
    requireOwnCounter(scope, { pausedToo: true });
    const ticket = await ticketAtCounter(scope);
    return changeTicketAtCounter(
      scope,
      ticket,
      { recalls: ticket.recalls + 1, last_called_at: toStoreTime(scope.now) },
      'ticket-recalled',
      { recalls: ticket.recalls + 1 },
    );
  });
}

/**
 * The resident did not come: allowed once the ticket was recalled the site's number of times
 * and the minutes since its first call have passed, so a clerk cannot drop a resident who is
 * still walking to the counter.
 */
export function markNoShow(
  deps: QueueDeps,
  actor: ClerkAtCounter,
): Promise<Outcome<CounterCommandResponse>> {
  return runCounterCommand(deps, actor, async (scope) => {
    requireOwnCounter(scope, { pausedToo: true });
    const ticket = await ticketAtCounter(scope);
    const { minRecalls, minMinutes } = scope.rules.noShow;
    const waitedMs = scope.now.getTime() - Date.parse(ticket.calledAt ?? scope.now.toISOString());
    if (ticket.recalls < minRecalls || waitedMs < minMinutes * 60_000) {
      const leftMinutes = Math.max(0, Math.ceil((minMinutes * 60_000 - waitedMs) / 60_000));
      refuse(
        'no-show-too-early',
        `Ticket ${ticket.number} can be marked a no-show after ${minRecalls} recall(s) and ${minMinutes} min since its call; so far ${ticket.recalls} recall(s)${leftMinutes > 0 ? `, ${leftMinutes} min to go` : ''}.`,
      );
    }
    return changeTicketAtCounter(scope, ticket, { status: 'no-show' }, 'ticket-no-show', {
      recalls: ticket.recalls,
    });
  });
}

/**
 * Sends the ticket at the counter to another category's queue or to a named counter of the
 * site. It keeps its `queuedAt`, so the resident does not queue again from the end.
 */
export function transferTicket(
  deps: QueueDeps,
  actor: ClerkAtCounter,
  request: TransferRequest,
): Promise<Outcome<CounterCommandResponse>> {
  return runCounterCommand(deps, actor, async (scope) => {
    requireOwnCounter(scope, { pausedToo: true });
    const ticket = await ticketAtCounter(scope);
    const { reference, site, counter } = scope;
    const back = {
      status: 'waiting' as const,
      called_at: null,
      recalls: 0,
    };
    if ('toCategoryId' in request) {
      const category = categoryAtSite(reference, site.id, request.toCategoryId);
      if (category.id === ticket.categoryId) {
        refuse(
          'transfer-to-same-place',
          `Ticket ${ticket.number} is already in "${category.name}": to call it again later, park it.`,
        );
      }
      return changeTicketAtCounter(
        scope,
        ticket,
        { ...back, category_id: category.id, target_counter_id: null },
        'ticket-transferred',
        { fromCategoryId: ticket.categoryId, toCategoryId: category.id },
      );
    }
    const target = reference.counters.get(request.toCounterId);
    if (!target || target.siteId !== site.id) {
      return refuse(
        'unknown-counter',
        `There is no counter "${request.toCounterId}" at site "${site.id}".`,
      );
    }
    if (target.id === counter.id) {
      refuse(
        'transfer-to-same-place',
        `Ticket ${ticket.number} is at counter ${counter.number} already: to call it again later, park it.`,
      );
    }
    return changeTicketAtCounter(
      scope,
      ticket,
      { ...back, target_counter_id: target.id },
      'ticket-transferred',
      { toCounterId: target.id, toCounterNumber: target.number },
    );
  });
}

/** Puts the ticket aside (the resident fetches a document); this counter takes it back later. */
export function parkTicket(
  deps: QueueDeps,
  actor: ClerkAtCounter,
): Promise<Outcome<CounterCommandResponse>> {
  return runCounterCommand(deps, actor, async (scope) => {
    requireOwnCounter(scope, { pausedToo: true });
    const ticket = await ticketAtCounter(scope);
    return changeTicketAtCounter(scope, ticket, { status: 'parked' }, 'ticket-parked');
  });
}

/** Finishes the visit: what was done and how it ended, the site's required fields present. */
export function finishVisit(
  deps: QueueDeps,
  actor: ClerkAtCounter,
  request: FinishRequest,
): Promise<Outcome<CounterCommandResponse>> {
  return runCounterCommand(deps, actor, async (scope) => {
    requireOwnCounter(scope, { pausedToo: true });
    const ticket = await ticketAtCounter(scope);
    const required = scope.rules.requiredFinishFields;
    const issues = [
      ...(required.includes('services') && request.services.length === 0
        ? [{ path: 'services', message: 'this site requires at least one service done' }]
        : []),
      ...(required.includes('outcome') && request.outcome === null
        ? [{ path: 'outcome', message: "this site requires the visit's outcome" }]
        : []),
    ];
    if (issues.length > 0) {
      refuse(
        'finish-fields-missing',
        `Ticket ${ticket.number} cannot be finished without ${issues.map((issue) => issue.path).join(' and ')}.`,
        issues,
      );
    }
    return changeTicketAtCounter(
      scope,
      ticket,
      {
        status: 'done',
        served_at: toStoreTime(new Date(ticket.calledAt ?? scope.now.toISOString())),
        finished_at: toStoreTime(scope.now),
        services: toStoreJson(request.services),
        outcome: request.outcome,
      },
      'visit-finished',
      { services: request.services, outcome: request.outcome },
    );
  });
}
