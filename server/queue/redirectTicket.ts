import type { RedirectTicketRequest, Ticket } from '../../common/contract/central/queue';
import { toStoreJson, toStoreTime } from '../store/storeValues';
import { queueEvent, type Outcome, type QueueDeps } from './queueDeps';
import { writeJournal } from './queueJournal';
import { categoryAtSite } from './queueReference';
import { refuse } from './queueRefusal';
import { inQueueTransaction } from './queueTransaction';
import { siteLocalTime } from './siteClock';
import { findTicket } from './ticketLookup';
import { rowToTicket } from './ticketRows';

/**
 * The Resident Assistant sends a waiting ticket to the right department's queue (and attaches
 * the document check): it keeps its `queuedAt`, so the resident keeps their place in time.
 * `siteId`: the assistant's site (null: any site, an admin).
 */
export async function redirectTicket(
  deps: QueueDeps,
  ticketId: string,
  request: RedirectTicketRequest,
  actor: { login: string; siteId: string | null },
): Promise<Outcome<{ ticket: Ticket }>> {
  const reference = await deps.reference.current();
  return inQueueTransaction(deps.store, async (tx) => {
    const now = deps.clock.now();
    const found = await tx
      .selectFrom('queue_tickets')
      .select(['site_id'])
      .where('id', '=', ticketId)
      .executeTakeFirst();
    if (!found || (actor.siteId !== null && found.site_id !== actor.siteId)) {
      return refuse('unknown-ticket', `There is no ticket ${ticketId} at your site.`);
    }
    const { day } = siteLocalTime(now, deps.timeZone);
    const ticket = await findTicket(tx, deps.store.dialect, found.site_id, day, { ticketId });
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
