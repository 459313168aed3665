import { sql } from 'kysely';
import type {
  CategoryOverview,
  DisplayState,
  KioskState,
  QueueOverview,
} from '../../common/contract/central/queue';
import { fromStoreFlag, fromStoreSeq, fromStoreTime, toStoreTime } from '../store/storeValues';
import { readCallingRules } from './callingRules';
import { toCounterState, ticketsHeldBy } from './counterView';
import { estimatedWaitMinutes, paceOf, sitePace } from './estimates';
import { hoursOn, issueWindowRefusal } from './issueWindow';
import type { QueueDeps } from './queueDeps';
import { DISPLAY_CALL_ACTIONS } from './queueJournal';
import { siteOf } from './queueReference';
import { siteLocalTime } from '../../common/domain/siteClock';

const NEXT_PER_CATEGORY = 20;
const LAST_CALLS = 10;

type WaitingCount = {
  category_id: string;
  waiting: number | string;
  waiting_priority: number | string | null;
  oldest: Date | string | null;
};

async function waitingByCategory(deps: QueueDeps, siteId: string, day: string) {
  const rows = await deps.store.db
    .selectFrom('queue_tickets')
    .select((eb) => [
      'category_id',
      eb.fn.countAll<number | string>().as('waiting'),
      sql<number | string | null>`sum(case when priority then 1 else 0 end)`.as('waiting_priority'),
      eb.fn.min('queued_at').as('oldest'),
    ])
    .where('site_id', '=', siteId)
    .where('day', '=', day)
    .where('status', '=', 'waiting')
    .groupBy('category_id')
    .execute();
  return new Map((rows as WaitingCount[]).map((row) => [row.category_id, row]));
}

/** Queues, appointments and counters of a site, for the counters and the supervisor. */
export async function queueOverview(deps: QueueDeps, siteId: string): Promise<QueueOverview> {
  const reference = await deps.reference.current();
  siteOf(reference, siteId);
  const now = deps.clock.now();
  const { day } = siteLocalTime(now, deps.timeZone);
  const { rules } = await readCallingRules(deps.store.db, siteId);
  const db = deps.store.db;
  const counters = reference.countersOf(siteId);
  const [waiting, pace, numbers, counterRows, held, nextRows, appointments, noShows] =
    await Promise.all([
      waitingByCategory(deps, siteId, day),
      sitePace(db, reference, siteId, day, rules.defaultServiceMinutes),
      db
        .selectFrom('queue_numbers')
        .select(['category_id', 'last_number'])
        .where('site_id', '=', siteId)
        .where('day', '=', day)
        .execute(),
      db.selectFrom('queue_counters').selectAll().where('site_id', '=', siteId).execute(),
      ticketsHeldBy(
        db,
        counters.map((counter) => counter.id),
      ),
      sql<{
        id: string;
        category_id: string;
        number: string;
        priority: boolean | number;
        booking_code: string | null;
        queued_at: Date | string;
        target_counter_id: string | null;
      }>`select id, category_id, number, priority, booking_code, queued_at, target_counter_id from (
          select id, category_id, number, priority, booking_code, queued_at, target_counter_id,
            row_number() over (partition by category_id order by queued_at, id) as place
          from queue_tickets
          where site_id = ${siteId} and day = ${day} and status = 'waiting'
        ) as waiting where place <= ${NEXT_PER_CATEGORY} order by queued_at, id`.execute(db),
      db
        .selectFrom('queue_appointments as a')
        .leftJoin('queue_tickets as t', 't.id', 'a.ticket_id')
        .select(['a.category_id', 'a.due_at', 'a.status', 't.number', 't.status as ticket_status'])
        .where('a.site_id', '=', siteId)
        .where('a.day', '=', day)
        .where((eb) =>
          eb.or([
            eb.and([
              eb('a.status', '=', 'booked'),
              eb(
                'a.due_at',
                '>=',
                toStoreTime(new Date(now.getTime() - rules.appointmentGraceMinutes * 60_000)),
              ),
            ]),
            eb.and([eb('a.status', '=', 'checked-in'), eb('t.status', '=', 'waiting')]),
          ]),
        )
        .orderBy('a.due_at')
        .limit(20)
        .execute(),
      db
        .selectFrom('queue_tickets')
        .select(['id', 'number', 'updated_at'])
        .where('site_id', '=', siteId)
        .where('day', '=', day)
        .where('status', '=', 'no-show')
        .orderBy('updated_at', 'desc')
        .limit(50)
        .execute(),
    ]);

  const issued = new Map(numbers.map((row) => [row.category_id, Number(row.last_number)]));
  const categories: CategoryOverview[] = reference.categoriesOf(siteId).map((category) => {
    const count = waiting.get(category.id);
    const waitingCount = Number(count?.waiting ?? 0);
    const categoryPace = paceOf(pace, category, rules.defaultServiceMinutes);
    const oldest = count?.oldest ? Date.parse(fromStoreTime(count.oldest)) : null;
    return {
      categoryId: category.id,
      prefix: category.prefix,
      name: category.name,
      waiting: waitingCount,
      waitingPriority: Number(count?.waiting_priority ?? 0),
      longestWaitMinutes:
        oldest === null ? 0 : Math.max(0, Math.floor((now.getTime() - oldest) / 60_000)),
      estimatedWaitMinutes: estimatedWaitMinutes(waitingCount, categoryPace),
      serviceMinutes: Math.round(categoryPace.serviceMinutes * 10) / 10,
      issuedToday: issued.get(category.id) ?? 0,
      dailyCap: category.dailyCap,
      next: nextRows.rows
        .filter((row) => row.category_id === category.id)
        .map((row) => ({
          ticketId: row.id,
          number: row.number,
          priority: fromStoreFlag(row.priority),
          appointment: row.booking_code !== null,
          queuedAt: fromStoreTime(row.queued_at),
          targetCounterId: row.target_counter_id,
        })),
    };
  });
  const rowsById = new Map(counterRows.map((row) => [row.counter_id, row]));
  return {
    siteId,
    now: now.toISOString(),
    day,
    categories,
    nextAppointments: appointments.map((row) => ({
      categoryId: row.category_id,
      dueAt: fromStoreTime(row.due_at),
      status: row.status === 'checked-in' ? ('checked-in' as const) : ('booked' as const),
      ticketNumber: row.number ?? null,
    })),
    counters: counters.map((counter) =>
      toCounterState(
        counter,
        rowsById.get(counter.id) ?? null,
        held.filter((ticket) => ticket.counterId === counter.id),
        day,
      ),
    ),
    noShows: noShows.map((row) => ({
      ticketId: row.id,
      number: row.number,
      at: fromStoreTime(row.updated_at),
    })),
  };
}

/** The hall's display board: ticket numbers and counter numbers only, never a name. */
export async function displayState(deps: QueueDeps, siteId: string): Promise<DisplayState> {
  const reference = await deps.reference.current();
  const site = siteOf(reference, siteId);
  const now = deps.clock.now();
  const { day } = siteLocalTime(now, deps.timeZone);
  const db = deps.store.db;
  const [serving, calls] = await Promise.all([
    db
      .selectFrom('queue_tickets')
      .select(['number', 'counter_id', 'last_called_at'])
      .where('site_id', '=', siteId)
      .where('day', '=', day)
      .where('status', '=', 'called')
      .orderBy('last_called_at', 'desc')
      .execute(),
    db
      .selectFrom('queue_journal')
      .select(['id', 'ticket_number', 'counter_number', 'at', 'action'])
      .where('site_id', '=', siteId)
      .where('day', '=', day)
      .where('action', 'in', [...DISPLAY_CALL_ACTIONS])
      .orderBy('id', 'desc')
      .limit(LAST_CALLS)
      .execute(),
  ]);
  return {
    siteId,
    siteName: site.name,
    now: now.toISOString(),
    serving: serving.flatMap((row) => {
      const counter = row.counter_id ? reference.counters.get(row.counter_id) : undefined;
      return counter ? [{ ticketNumber: row.number, counterNumber: counter.number }] : [];
    }),
    lastCalls: calls.flatMap((row) =>
      row.ticket_number !== null && row.counter_number !== null
        ? [
            {
              callId: fromStoreSeq(row.id),
              ticketNumber: row.ticket_number,
              counterNumber: row.counter_number,
              at: fromStoreTime(row.at),
              recall: row.action === 'ticket-recalled',
            },
          ]
        : [],
    ),
  };
}

/** What the kiosk offers now: today's hours, why no ticket can be taken, each category's wait. */
export async function kioskState(deps: QueueDeps, siteId: string): Promise<KioskState> {
  const reference = await deps.reference.current();
  const site = siteOf(reference, siteId);
  const now = deps.clock.now();
  const { day, time } = siteLocalTime(now, deps.timeZone);
  const { rules } = await readCallingRules(deps.store.db, siteId);
  const [waiting, pace, numbers] = await Promise.all([
    waitingByCategory(deps, siteId, day),
    sitePace(deps.store.db, reference, siteId, day, rules.defaultServiceMinutes),
    deps.store.db
      .selectFrom('queue_numbers')
      .select(['category_id', 'last_number'])
      .where('site_id', '=', siteId)
      .where('day', '=', day)
      .execute(),
  ]);
  const issued = new Map(numbers.map((row) => [row.category_id, Number(row.last_number)]));
  const hours = hoursOn(site, day);
  return {
    siteId,
    siteName: site.name,
    now: now.toISOString(),
    day,
    hours,
    refusal: issueWindowRefusal(site, day, time),
    categories: reference.categoriesOf(siteId).map((category) => {
      const waitingCount = Number(waiting.get(category.id)?.waiting ?? 0);
      const capReached =
        category.dailyCap !== null && (issued.get(category.id) ?? 0) >= category.dailyCap;
      return {
        categoryId: category.id,
        prefix: category.prefix,
        name: category.name,
        waiting: waitingCount,
        estimatedWaitMinutes: estimatedWaitMinutes(
          waitingCount,
          paceOf(pace, category, rules.defaultServiceMinutes),
        ),
        refusal: capReached
          ? {
              reason: 'daily-cap-reached' as const,
              dailyCap: category.dailyCap ?? 0,
              message: `Na dziś wydaliśmy już wszystkie bilety do kategorii „${category.name}”.`,
            }
          : null,
      };
    }),
  };
}
