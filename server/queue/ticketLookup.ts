import type { Ticket, TicketReference } from '../../common/contract/central/queue';
import type { StoreDialect } from '../store/storeConfig';
import { refuse } from './queueRefusal';
import type { QueueTx } from './queueTransaction';
import { rowToTicket } from './ticketRows';

/**
 * The ticket a clerk names, by id or by today's number at the site, locked for the
 * transaction on PostgreSQL (a counter calling it at the same moment waits, then sees it taken).
 */
export async function findTicket(
  tx: QueueTx,
  dialect: StoreDialect,
  siteId: string,
  day: string,
  reference: TicketReference,
): Promise<Ticket> {
  let query = tx.selectFrom('queue_tickets').selectAll().where('site_id', '=', siteId);
  query =
    'ticketId' in reference
      ? query.where('id', '=', reference.ticketId)
      : query.where('day', '=', day).where('number', '=', reference.number);
  if (dialect === 'postgres') query = query.forUpdate();
  const rows = await query.limit(2).execute();
  const what = 'ticketId' in reference ? reference.ticketId : reference.number;
  if (rows.length === 0) {
    return refuse('unknown-ticket', `There is no ticket ${what} at this site today.`);
  }
  if (rows.length > 1) {
    return refuse(
      'ambiguous-ticket-number',
      `Two tickets today are numbered ${what} (two categories share a prefix): choose it from the list.`,
    );
  }
  return rowToTicket(rows[0]!);
}
