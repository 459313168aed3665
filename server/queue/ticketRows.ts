import type { Selectable } from 'kysely';
import {
  ticketChecklistSchema,
  visitOutcomeSchema,
  type Ticket,
} from '../../common/contract/central/queue';
import {
  fromStoreFlag,
  fromStoreJson,
  fromStoreTime,
  toStoreFlag,
  toStoreJson,
  toStoreTime,
} from '../store/storeValues';
import type { QueueTicketsTable } from '../store/tables/queueTables';
import { z } from 'zod';

export type TicketRow = Selectable<QueueTicketsTable>;

const time = (value: Date | string | null): string | null =>
  value === null ? null : fromStoreTime(value);
const servicesSchema = z.array(z.string());

/** A stored ticket as the API shows it; its JSON columns checked on the way out. */
export function rowToTicket(row: TicketRow): Ticket {
  const dueAt = time(row.due_at);
  return {
    id: row.id,
    siteId: row.site_id,
    categoryId: row.category_id,
    number: row.number,
    day: row.day,
    source: row.source,
    priority: fromStoreFlag(row.priority),
    appointment:
      row.booking_code !== null && dueAt !== null ? { bookingCode: row.booking_code, dueAt } : null,
    issuedAt: fromStoreTime(row.issued_at),
    queuedAt: fromStoreTime(row.queued_at),
    status: row.status,
    counterId: row.counter_id,
    targetCounterId: row.target_counter_id,
    calledAt: time(row.called_at),
    lastCalledAt: time(row.last_called_at),
    recalls: row.recalls,
    servedAt: time(row.served_at),
    finishedAt: time(row.finished_at),
    services: servicesSchema.parse(fromStoreJson(row.services)),
    outcome: row.outcome === null ? null : visitOutcomeSchema.parse(row.outcome),
    checklist:
      row.checklist === null ? null : ticketChecklistSchema.parse(fromStoreJson(row.checklist)),
  };
}

/** A new ticket as a row to insert. */
export function ticketToRow(ticket: Ticket, now: Date) {
  return {
    id: ticket.id,
    site_id: ticket.siteId,
    category_id: ticket.categoryId,
    number: ticket.number,
    day: ticket.day,
    source: ticket.source,
    priority: toStoreFlag(ticket.priority),
    booking_code: ticket.appointment?.bookingCode ?? null,
    due_at: ticket.appointment ? toStoreTime(new Date(ticket.appointment.dueAt)) : null,
    issued_at: toStoreTime(new Date(ticket.issuedAt)),
    queued_at: toStoreTime(new Date(ticket.queuedAt)),
    status: ticket.status,
    counter_id: ticket.counterId,
    target_counter_id: ticket.targetCounterId,
    called_at: ticket.calledAt === null ? null : toStoreTime(new Date(ticket.calledAt)),
    last_called_at:
      ticket.lastCalledAt === null ? null : toStoreTime(new Date(ticket.lastCalledAt)),
    recalls: ticket.recalls,
    served_at: null,
    finished_at: null,
    services: toStoreJson(ticket.services),
    outcome: ticket.outcome,
    checklist: ticket.checklist === null ? null : toStoreJson(ticket.checklist),
    updated_at: toStoreTime(now),
  };
}

/** `B017`: the prefix and the day's number, three digits (four past 999). */
export function formatTicketNumber(prefix: string, number: number): string {
  return `${prefix}${String(number).padStart(3, '0')}`;
}
