import { randomUUID } from 'node:crypto';
import type {
  IssueRefusal,
  IssueTicketResponse,
  IssuedTicket,
  Ticket,
  TicketAppointment,
  TicketChecklist,
  TicketSource,
} from '../../common/contract/central/queue';
import type { Category, Site } from '../../common/contract/central/reference';
import { readCallingRules } from './callingRules';
import { estimatedWaitMinutes, paceOf, sitePace } from './estimates';
import { issueWindowRefusal } from './issueWindow';
import { queueEvent, type Outcome, type QueueDeps } from './queueDeps';
import { writeJournal } from './queueJournal';
import type { QueueReference } from './queueReference';
import { siteOf } from './queueReference';
import { inQueueTransaction, type QueueTx } from './queueTransaction';
import { siteLocalTime } from '../../common/domain/siteClock';
import { takeTicketNumber } from './ticketNumbers';
import { formatTicketNumber, rowToTicket, ticketToRow } from './ticketRows';
import { toStoreTime } from '../store/storeValues';

export type IssueTicketInput = {
  siteId: string;
  categoryId: string;
  priority: boolean;
  source: Extract<TicketSource, 'kiosk' | 'assistant' | 'manual'>;
  checklist: TicketChecklist | null;
  /** The login of who issued it, or `kiosk`. */
  actor: string;
};

/** A new ticket for the store: the caller has its number and its place in time. */
export type NewTicket = {
  site: Site;
  category: Category;
  day: string;
  number: number;
  source: TicketSource;
  priority: boolean;
  appointment: TicketAppointment | null;
  queuedAt: Date;
  checklist: TicketChecklist | null;
  /** Straight to a counter (a walk-in): called there at once. */
  atCounterId?: string;
};

export async function insertTicket(tx: QueueTx, fresh: NewTicket, now: Date): Promise<Ticket> {
  const atCounter = fresh.atCounterId ?? null;
  const ticket: Ticket = {
    id: randomUUID(),
    siteId: fresh.site.id,
    categoryId: fresh.category.id,
    number: formatTicketNumber(fresh.category.prefix, fresh.number),
    day: fresh.day,
    source: fresh.source,
    priority: fresh.priority,
    appointment: fresh.appointment,
    issuedAt: now.toISOString(),
    queuedAt: fresh.queuedAt.toISOString(),
    status: atCounter ? 'called' : 'waiting',
    counterId: atCounter,
    targetCounterId: null,
    calledAt: atCounter ? now.toISOString() : null,
    lastCalledAt: atCounter ? now.toISOString() : null,
    recalls: 0,
    servedAt: null,
    finishedAt: null,
    services: [],
    outcome: null,
    checklist: fresh.checklist,
  };
  await tx.insertInto('queue_tickets').values(ticketToRow(ticket, now)).execute();
  return ticket;
}

/** Waiting tickets of its category queued no later than this one: its place in the line. */
export async function positionOf(tx: QueueTx, ticket: Ticket): Promise<number> {
  const row = await tx
    .selectFrom('queue_tickets')
    .select((eb) => eb.fn.countAll<string | number>().as('ahead'))
    .where('site_id', '=', ticket.siteId)
    .where('day', '=', ticket.day)
    .where('status', '=', 'waiting')
    .where('category_id', '=', ticket.categoryId)
    .where('queued_at', '<', toStoreTime(new Date(ticket.queuedAt)))
    .executeTakeFirstOrThrow();
  return Number(row.ahead) + 1;
}

/** The ticket as the kiosk prints it: its category, its place and the estimated wait. */
export async function describeIssued(
  deps: QueueDeps,
  reference: QueueReference,
  ticket: Ticket,
  category: Category,
): Promise<IssuedTicket> {
  const { rules } = await readCallingRules(deps.store.db, ticket.siteId);
  const [position, pace] = await Promise.all([
    positionOf(deps.store.db, ticket),
    sitePace(deps.store.db, reference, ticket.siteId, ticket.day, rules.defaultServiceMinutes),
  ]);
  return {
    ticket,
    categoryName: category.name,
    position,
    estimatedWaitMinutes: estimatedWaitMinutes(
      position - 1,
      paceOf(pace, category, rules.defaultServiceMinutes),
    ),
  };
}

const refused = (refusal: IssueRefusal): Outcome<IssueTicketResponse> => ({
  value: { outcome: 'refused', refusal },
  events: [],
});

/**
 * Issues a ticket (the kiosk, the Resident Assistant, staff by hand): within the site's
 * service hours (its timetable in force that day, holidays and exceptions, from opening to the
 * last ticket), numbered per category per day, within the category's daily cap. A refusal is
 * an answer the kiosk shows, not an error.
 */
export async function issueTicket(
  deps: QueueDeps,
  input: IssueTicketInput,
): Promise<Outcome<IssueTicketResponse>> {
  const reference = await deps.reference.current();
  const site = siteOf(reference, input.siteId);
  const category = reference.categories.get(input.categoryId);
  if (!category || category.siteId !== site.id) {
    return refused({
      reason: 'unknown-category',
      message: 'Nie ma takiej kategorii spraw w tym budynku.',
    });
  }
  const now = deps.clock.now();
  const { day, time } = siteLocalTime(now, deps.timeZone);
  const closed = issueWindowRefusal(site, day, time);
  if (closed) return refused(closed);

  const ticket = await inQueueTransaction(deps.store, async (tx) => {
    const number = await takeTicketNumber(tx, category, day, true);
    if (number === null) return null;
    const issued = await insertTicket(
      tx,
      {
        site,
        category,
        day,
        number,
        source: input.source,
        priority: input.priority,
        appointment: null,
        queuedAt: now,
        checklist: input.checklist,
      },
      now,
    );
    await writeJournal(tx, {
      siteId: site.id,
      day,
      at: now,
      action: 'ticket-issued',
      actor: input.actor,
      ticket: issued,
      details: { source: input.source, priority: input.priority },
    });
    return issued;
  });
  if (!ticket) {
    return refused({
      reason: 'daily-cap-reached',
      dailyCap: category.dailyCap ?? 9999,
      message: `Na dziś wydaliśmy już wszystkie bilety do kategorii „${category.name}”. Zapraszamy w kolejnym dniu pracy urzędu.`,
    });
  }
  const described = await describeIssued(deps, reference, ticket, category);
  return {
    value: { outcome: 'issued', ...described },
    events: [queueEvent(site.id, 'ticket-issued', ticket)],
  };
}

/** Reads a ticket as stored now. */
export async function readTicket(tx: QueueTx, ticketId: string): Promise<Ticket | null> {
  const row = await tx
    .selectFrom('queue_tickets')
    .selectAll()
    .where('id', '=', ticketId)
    .executeTakeFirst();
  return row ? rowToTicket(row) : null;
}
