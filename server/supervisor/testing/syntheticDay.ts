import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { formatTicketNumber } from '../../queue/ticketRows';
import type { CentralDatabase } from '../../store/centralDatabase';
import { toStoreFlag, toStoreJson, toStoreTime } from '../../store/storeValues';

/**
 * A day of tickets written straight into the queue's tables, with the journal rows the figures
 * read (the first call, the finish, a no-show, a transfer), so a test knows every wait and
 * service time in advance. Times are minutes after `start`.
 */
export type SyntheticTicket = {
  categoryId: string;
  prefix: string;
  issuedMinute: number;
  /** null: still waiting. */
  calledMinute: number | null;
  /** null: not finished (at the counter now, or a no-show). */
  finishedMinute: number | null;
  counterId: string | null;
  clerk: string | null;
  noShow?: boolean;
  transferredBy?: string;
  source?: 'kiosk' | 'walk-in';
};

export type SyntheticDay = {
  siteId: string;
  day: string;
  /** The instant minute 0 stands for. */
  start: Date;
  tickets: readonly SyntheticTicket[];
};

const BATCH = 400;

/** Writes the day; answers the tickets' ids in order. */
export async function writeSyntheticDay(
  db: Kysely<CentralDatabase>,
  day: SyntheticDay,
): Promise<string[]> {
  const at = (minute: number) => toStoreTime(new Date(day.start.getTime() + minute * 60_000));
  const numbers = new Map<string, number>();
  const ids: string[] = [];
  const ticketRows = [];
  const journalRows = [];
  for (const ticket of day.tickets) {
    const id = randomUUID();
    ids.push(id);
    const next = (numbers.get(ticket.prefix) ?? 0) + 1;
    numbers.set(ticket.prefix, next);
    const number = formatTicketNumber(ticket.prefix, next);
    const status =
      ticket.calledMinute === null
        ? 'waiting'
        : ticket.noShow
          ? 'no-show'
          : ticket.finishedMinute === null
            ? 'called'
            : 'done';
    const called = ticket.calledMinute === null ? null : at(ticket.calledMinute);
    ticketRows.push({
      id,
      site_id: day.siteId,
      category_id: ticket.categoryId,
      number,
      day: day.day,
      source: ticket.source ?? 'kiosk',
      priority: toStoreFlag(false),
      booking_code: null,
      due_at: null,
      issued_at: at(ticket.issuedMinute),
      queued_at: at(ticket.issuedMinute),
      status,
      counter_id: ticket.calledMinute === null ? null : ticket.counterId,
      target_counter_id: null,
      called_at: called,
      last_called_at: called,
      recalls: 0,
      served_at: status === 'done' ? called : null,
      finished_at: ticket.finishedMinute === null ? null : at(ticket.finishedMinute),
      services: toStoreJson([]),
      outcome: status === 'done' ? 'settled' : null,
      checklist: null,
      updated_at: at(ticket.finishedMinute ?? ticket.calledMinute ?? ticket.issuedMinute),
    } as const);
    const journal = (action: string, minute: number, actor: string) => ({
      site_id: day.siteId,
      day: day.day,
      at: at(minute),
      action,
      actor,
      ticket_id: id,
      ticket_number: number,
      category_id: ticket.categoryId,
      counter_id: ticket.counterId,
      counter_number: null,
      details: toStoreJson({}),
    });
    const clerk = ticket.clerk ?? 'urzednik1';
    if (ticket.calledMinute !== null) {
      journalRows.push(
        journal(
          ticket.source === 'walk-in' ? 'walk-in-started' : 'ticket-called',
          ticket.calledMinute,
          clerk,
        ),
      );
    }
    if (ticket.noShow && ticket.calledMinute !== null) {
      journalRows.push(journal('ticket-no-show', ticket.calledMinute + 3, clerk));
    }
    if (ticket.transferredBy && ticket.calledMinute !== null) {
      journalRows.push(journal('ticket-transferred', ticket.calledMinute, ticket.transferredBy));
    }
    if (ticket.finishedMinute !== null && !ticket.noShow) {
      journalRows.push(journal('visit-finished', ticket.finishedMinute, clerk));
    }
  }
  for (let from = 0; from < ticketRows.length; from += BATCH) {
    await db
      .insertInto('queue_tickets')
      .values(ticketRows.slice(from, from + BATCH))
      .execute();
  }
  // Journal rows in time order: the journal's id order is its time order.
  journalRows.sort((a, b) => a.at.localeCompare(b.at));
  for (let from = 0; from < journalRows.length; from += BATCH) {
    await db
      .insertInto('queue_journal')
      .values(journalRows.slice(from, from + BATCH))
      .execute();
  }
  return ids;
}
