import type {
  ClerkFigures,
  DayFigures,
  DurationStats,
  Forecast,
  PaymentsSummary,
  SupervisorAction,
  TimelineBucket,
  WithinTarget,
} from '../../../common/contract/central/supervisor';
import { TIMELINE_BUCKET_MINUTES } from '../../../common/contract/central/supervisor';
import { hoursOn } from '../../queue/issueWindow';
import { siteOf } from '../../queue/queueReference';
import { siteInstant, siteLocalTime } from '../../../common/domain/siteClock';
import { readDayRows } from '../dayRows';
import { paymentOverview } from '../paymentSummary';
import { actionsOfDay, displayNames } from '../siteReads';
import { clerkFigures, dayFigures } from '../stats/dayFigures';
import { summarizeDurations } from '../stats/percentiles';
import { serviceOf, waitOf, type TicketFact } from '../stats/ticketFacts';
import { dayTimeline, slotFloor } from '../stats/timeline';
import { withinTargetShare } from '../stats/withinTarget';
import type { SupervisorDeps } from '../supervisorDeps';
import type { OverviewBuilder } from '../supervisorOverview';

export type CategoryFigures = {
  categoryId: string;
  prefix: string;
  name: string;
  issued: number;
  served: number;
  noShows: number;
  wait: DurationStats;
  service: DurationStats;
  withinTarget: WithinTarget;
};

export type CounterFigures = {
  number: number;
  name: string;
  served: number;
  service: DurationStats;
};

/** One ticket row of the export: numbers, categories, times; never who the resident is. */
export type TicketLine = TicketFact & { prefix: string; counterNumber: number | null };

/**
 * Everything the day's exports show, for today (from the overview, with the forecast) or for
 * an earlier day (from that day's rows). No personal data of residents.
 */
export type DayReport = {
  siteId: string;
  siteName: string;
  day: string;
  generatedAt: string;
  targetWaitMinutes: number;
  hours: { opens: string; closes: string } | null;
  figures: DayFigures;
  clerks: ClerkFigures[];
  categories: CategoryFigures[];
  counters: CounterFigures[];
  timeline: TimelineBucket[];
  tickets: TicketLine[];
  payments: PaymentsSummary;
  actions: SupervisorAction[];
  /** Only for today. */
  forecast: Forecast | null;
  timeZone: string;
};

/** The day's report of a site: `day` absent means today. */
export async function readDayReport(
  deps: SupervisorDeps,
  buildOverview: OverviewBuilder,
  siteId: string,
  day?: string,
): Promise<DayReport> {
  const reference = await deps.reference.current();
  const site = siteOf(reference, siteId);
  const now = deps.clock.now();
  const today = siteLocalTime(now, deps.timeZone).day;
  const reportDay = day ?? today;
  const db = deps.store.db;
  const rows = await readDayRows(db, siteId, reportDay);
  const target = site.targetWaitMinutes;
  const hours = hoursOn(site, reportDay);
  const categories = reference.categoriesOf(siteId);
  const counters = reference.countersOf(siteId);

  let figures: DayFigures;
  let clerks: ClerkFigures[];
  let timeline: TimelineBucket[];
  let payments: PaymentsSummary;
  let actions: SupervisorAction[];
  let forecast: Forecast | null = null;
  if (reportDay === today) {
    const overview = await buildOverview(siteId, rows);
    ({ figures, clerks, timeline, payments, forecast } = overview);
    actions = await actionsOfDay(db, siteId, reportDay);
  } else {
    figures = dayFigures(rows.tickets, rows.events, target);
    const list = clerkFigures(rows.tickets, rows.events, target);
    const names = await displayNames(
      db,
      list.map((clerk) => clerk.login),
    );
    clerks = list.map((clerk) => ({
      ...clerk,
      displayName: names.get(clerk.login) ?? clerk.login,
    }));
    const opens = hours ? siteInstant(reportDay, hours.opens, deps.timeZone).getTime() : null;
    const closes = hours ? siteInstant(reportDay, hours.closes, deps.timeZone).getTime() : null;
    let first = opens ?? Infinity;
    let last = closes ?? 0;
    for (const ticket of rows.tickets) {
      first = Math.min(first, ticket.issuedAt);
      last = Math.max(last, ticket.issuedAt, ticket.finishedAt ?? 0);
    }
    timeline =
      first === Infinity
        ? []
        : dayTimeline(
            rows.tickets,
            slotFloor(first, TIMELINE_BUCKET_MINUTES),
            last,
            TIMELINE_BUCKET_MINUTES,
          ).map((slot) => ({
            start: new Date(slot.start).toISOString(),
            label: siteLocalTime(new Date(slot.start), deps.timeZone).time,
            arrivals: slot.arrivals,
            served: slot.served,
            waitingAtEnd: slot.waitingAtEnd,
          }));
    payments = (await paymentOverview(db, siteId, reportDay)).summary;
    actions = await actionsOfDay(db, siteId, reportDay);
  }

  const prefixOf = new Map(categories.map((category) => [category.id, category.prefix]));
  const numberOf = new Map(counters.map((counter) => [counter.id, counter.number]));
  return {
    siteId,
    siteName: site.name,
    day: reportDay,
    generatedAt: now.toISOString(),
    targetWaitMinutes: target,
    hours: hours ? { opens: hours.opens, closes: hours.closes } : null,
    figures,
    clerks,
    categories: categories.map((category) => {
      const inCategory = rows.tickets.filter((ticket) => ticket.categoryId === category.id);
      const waits = inCategory.map(waitOf).filter((wait): wait is number => wait !== null);
      const services = inCategory.map(serviceOf).filter((value): value is number => value !== null);
      return {
        categoryId: category.id,
        prefix: category.prefix,
        name: category.name,
        issued: inCategory.length,
        served: services.length,
        noShows: inCategory.filter((ticket) => ticket.status === 'no-show').length,
        wait: summarizeDurations(waits),
        service: summarizeDurations(services),
        withinTarget: withinTargetShare(waits, target),
      };
    }),
    counters: counters.map((counter) => {
      const services = rows.tickets
        .filter((ticket) => ticket.counterId === counter.id)
        .map(serviceOf)
        .filter((value): value is number => value !== null);
      return {
        number: counter.number,
        name: counter.name,
        served: services.length,
        service: summarizeDurations(services),
      };
    }),
    timeline,
    tickets: rows.tickets
      .map((ticket) => ({
        ...ticket,
        prefix: prefixOf.get(ticket.categoryId) ?? '',
        counterNumber: ticket.counterId ? (numberOf.get(ticket.counterId) ?? null) : null,
      }))
      .sort((a, b) => a.issuedAt - b.issuedAt || a.number.localeCompare(b.number)),
    payments,
    actions,
    forecast,
    timeZone: deps.timeZone,
  };
}
