import type {
  RedirectTicketRequest,
  Ticket,
  TicketReference,
} from '../../common/contract/central/queue';
import { toStoreJson, toStoreTime } from '../store/storeValues';
import { queueEvent, type Outcome, type QueueDeps } from './queueDeps';
import { writeJournal } from './queueJournal';
import { categoryAtSite, siteOf } from './queueReference';
import { refuse } from './queueRefusal';
import { inQueueTransaction, type QueueTx } from './queueTransaction';
import { siteLocalTime } from '../../common/domain/siteClock';
import { findTicket } from './ticketLookup';
import { rowToTicket } from './ticketRows';

/** Which ticket to redirect: by its id anywhere (its own site), or by reference at a site. */
export type RedirectTarget = { ticketId: string } | { siteId: string; ticket: TicketReference };

/**
 * The Resident Assistant sends a waiting ticket to the right department's queue (and attaches
 * the document check): it keeps its `queuedAt`, so the resident keeps their place in time.
 * The assistant names it by its id, or at a site by the number on the resident's paper ticket
 * (today's). `actor.siteId`: the assistant's site (null: any site, an admin).
 */
export async function redirectTicket(
  deps: QueueDeps,
  target: RedirectTarget,
  request: RedirectTicketRequest,
  actor: { login: string; siteId: string | null },
): Promise<Outcome<{ ticket: Ticket }>> {
  const reference = await deps.reference.current();
  if ('siteId' in target) siteOf(reference, target.siteId);
  return inQueueTransaction(deps.store, async (tx) => {
    const now = deps.clock.now();
    const { day } = siteLocalTime(now, deps.timeZone);
    const siteId = 'siteId' in target ? target.siteId : await siteOfTicket(tx, target.ticketId);
    if (siteId === null || (actor.siteId !== null && siteId !== actor.siteId)) {
      const what = 'ticketId' in target ? target.ticketId : describe(target.ticket);
      return refuse('unknown-ticket', `There is no ticket ${what} at your site.`);
    }
    const ticket = await findTicket(
      tx,
      deps.store.dialect,
      siteId,
      day,
      'siteId' in target ? target.ticket : { ticketId: target.ticketId },
    );
    if (ticket.status !== 'waiting') {
      refuse(
        'ticket-not-waiting',
        `Ticket ${ticket.number} is not waiting (it is ${ticket.status}): the counter transfers it.`,
      );
    }
    const category = categoryAtSite(reference, ticket.siteId, request.toCategoryId);
    const row = await tx
      .updateTable('queue_tickets')
      .set({
        category_id: category.id,
        target_counter_id: null,
        ...(request.checklist ? { checklist: toStoreJson(request.checklist) } : {}),
        updated_at: toStoreTime(now),
      })
      .where('id', '=', ticket.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const redirected = rowToTicket(row);
    await writeJournal(tx, {
      siteId: ticket.siteId,
      day: ticket.day,
      at: now,
      action: 'ticket-redirected',
      actor: actor.login,
      ticket: redirected,
      details: { fromCategoryId: ticket.categoryId, toCategoryId: category.id },
    });
    return {
      value: { ticket: redirected },
      events: [queueEvent(ticket.siteId, 'ticket-redirected', redirected)],
    };
  });
}

async function siteOfTicket(tx: QueueTx, ticketId: string): Promise<string | null> {
  const found = await tx
    .selectFrom('queue_tickets')
    .select(['site_id'])
    .where('id', '=', ticketId)
    .executeTakeFirst();
  return found?.site_id ?? null;
}

function describe(ticket: TicketReference): string {
  return 'ticketId' in ticket ? ticket.ticketId : ticket.number;
}
