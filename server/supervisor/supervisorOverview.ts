import type {
  SupervisorCounter,
  SupervisorCounterActivity,
  SupervisorOverview,
  SupervisorQueue,
} from '../../common/contract/central/supervisor';
import { TIMELINE_BUCKET_MINUTES } from '../../common/contract/central/supervisor';
import type { PauseReason } from '../../common/contract/central/queue';
import { readCallingRules } from '../queue/callingRules';
import { estimatedWaitMinutes } from '../queue/estimates';
import { hoursOn } from '../queue/issueWindow';
import { siteOf } from '../queue/queueReference';
import { siteInstant, siteLocalTime } from '../../common/domain/siteClock';
import type { DayRows } from './dayRows';
import { createDayRowsCache } from './dayRowsCache';
import { lockerSummary } from './lockerSummary';
import { paymentOverview } from './paymentSummary';
import { actionsOfDay, appointmentsNextHour, counterWorkstations, displayNames } from './siteReads';
import { currentAlerts } from './stats/alerts';
import { clerkFigures, dayFigures } from './stats/dayFigures';
import { forecastQueue } from './stats/forecast';
import { percentileOfSorted, roundMinutes, sortedAscending } from './stats/percentiles';
import { serviceOf, waitStart } from './stats/ticketFacts';
import { dayTimeline, slotFloor } from './stats/timeline';
import type { SupervisorDeps } from './supervisorDeps';
import { reportedDevicesByCounter } from './reportedDevices';

/** "Residents who took a ticket before 15:00" (the wording; the office's rule). */
export const FORECAST_CUTOFF = '15:00';
/** A call this recent means the resident is still walking up. */
const CALLING_MS = 60_000;
/** Service times of the visits finished this recently drive the forecast. */
const RECENT_SERVICE_MS = 60 * 60_000;
const WAITING_LIST_LIMIT = 200;
const ACTIONS_LIMIT = 50;

const ms = (value: Date | string | null): number | null =>
  value === null ? null : value instanceof Date ? value.getTime() : Date.parse(value);
const iso = (at: number) => new Date(at).toISOString();
const minutesSince = (now: number, at: number) => Math.max(0, Math.floor((now - at) / 60_000));

/**
 * The supervisor's overview of a site now. Reads the day's tickets and the journal's figure
 * actions (`dayRowsCache`: in full once a minute, otherwise only what the journal says changed
 * since the last refresh), the counters' rows, appointments, counter PCs' pushes, payments,
 * the locker and the day's actions; everything else is computed from those in memory by the
 * pure functions of `stats/`.
 *
 * `forecastSince` remembers, per site and day, when the forecast's warning was first seen, so
 * its alert keeps the time it started across refreshes (one server process's memory).
 */
export function createOverviewBuilder(deps: SupervisorDeps) {
  const forecastSince = new Map<string, number>();
  const dayRows = createDayRowsCache(deps.store.db);

  return async function buildOverview(
    siteId: string,
    preloaded?: DayRows,
  ): Promise<SupervisorOverview> {
    const reference = await deps.reference.current();
    const site = siteOf(reference, siteId);
    const nowDate = deps.clock.now();
    const now = nowDate.getTime();
    const { day } = siteLocalTime(nowDate, deps.timeZone);
    const db = deps.store.db;
    const [
      rows,
      counterRows,
      rules,
      appointments,
      workstations,
      payments,
      locker,
      actions,
      reports,
    ] = await Promise.all([
      preloaded ?? dayRows.rows(siteId, day, now),
      db.selectFrom('queue_counters').selectAll().where('site_id', '=', siteId).execute(),
      readCallingRules(db, siteId),
      appointmentsNextHour(db, siteId, day, nowDate),
      counterWorkstations(db, siteId),
      paymentOverview(db, siteId, day),
      lockerSummary(db, site, day),
      actionsOfDay(db, siteId, day, ACTIONS_LIMIT),
      reportedDevicesByCounter(db, siteId),
    ]);
    const { tickets, events } = rows;
    const hours = hoursOn(site, day);
    const target = site.targetWaitMinutes;
    const byId = new Map(tickets.map((ticket) => [ticket.ticketId, ticket]));
    const waiting = tickets
      .filter((ticket) => ticket.status === 'waiting')
      .sort((a, b) => waitStart(a) - waitStart(b));

    // ---- counters ----
    const rowOf = new Map(counterRows.map((row) => [row.counter_id, row]));
    const finishedAt = new Map<string, number[]>();
    for (const ticket of tickets) {
      if (ticket.status === 'done' && ticket.counterId && ticket.finishedAt !== null) {
        const list = finishedAt.get(ticket.counterId) ?? [];
        list.push(ticket.finishedAt);
        finishedAt.set(ticket.counterId, list);
      }
    }
    const siteCounters = reference.countersOf(siteId);
    const alertCounters: Parameters<typeof currentAlerts>[0]['counters'][number][] = [];
    const counters: SupervisorCounter[] = siteCounters.map((counter) => {
      const row = rowOf.get(counter.id);
      const state = row?.state ?? 'closed';
      const current = row?.current_ticket_id ? byId.get(row.current_ticket_id) : undefined;
      const since = ms(row?.since ?? null);
      const calledAt = current ? (current.servedAt ?? current.firstCalledAt) : null;
      const lastCall = current ? (current.lastCalledAt ?? calledAt) : null;
      const activity: SupervisorCounterActivity =
        state === 'closed'
          ? 'closed'
          : state === 'paused'
            ? 'paused'
            : !current
              ? 'idle'
              : lastCall !== null && now - lastCall < CALLING_MS
                ? 'calling'
                : 'serving';
      const workstation = workstations.get(counter.number) ?? null;
      const finishes = finishedAt.get(counter.id) ?? [];
      const behindSince = workstation ? (workstation.lastPushAt ?? since) : null;
      alertCounters.push({
        counterId: counter.id,
        number: counter.number,
        state,
        hasTicket: current !== undefined,
        // With nothing at it, the row last changed when the counter got free (a finish, a
        // no-show, a park or a transfer) or opened: no other write touches it meanwhile.
        freeSince: current || !row ? null : ms(row.updated_at),
        categoryIds: counter.categoryIds,
        workstation: workstation
          ? {
              workstationId: workstation.workstationId,
              lastPushAt: workstation.lastPushAt,
              behindSince,
              finishedSincePush: finishes.filter((at) => behindSince !== null && at > behindSince)
                .length,
            }
          : null,
        report: reports.get(counter.number) ?? null,
      });
      return {
        counterId: counter.id,
        number: counter.number,
        name: counter.name,
        activity,
        pauseReason: state === 'paused' ? ((row?.pause_reason ?? 'other') as PauseReason) : null,
        stateSince: since === null ? null : iso(since),
        clerk:
          state !== 'closed' && row?.clerk_login
            ? { login: row.clerk_login, displayName: row.clerk_display_name ?? row.clerk_login }
            : null,
        ticket:
          current && calledAt !== null
            ? {
                ticketId: current.ticketId,
                number: current.number,
                categoryId: current.categoryId,
                calledAt: iso(calledAt),
                lastCalledAt: iso(lastCall ?? calledAt),
                recalls: current.recalls,
                minutes: minutesSince(now, calledAt),
              }
            : null,
        servedToday: row && row.served_day === day ? row.served_count : 0,
        categoryIds: counter.categoryIds,
        workstation: workstation
          ? {
              workstationId: workstation.workstationId,
              lastPushAt: workstation.lastPushAt === null ? null : iso(workstation.lastPushAt),
            }
          : null,
      };
    });

    // ---- service pace: the recent median, else the day's, else the rules' default ----
    const recent: number[] = [];
    const allServices: number[] = [];
    for (const ticket of tickets) {
      const service = serviceOf(ticket);
      if (service === null) continue;
      allServices.push(service);
      if (ticket.finishedAt !== null && now - ticket.finishedAt <= RECENT_SERVICE_MS) {
        recent.push(service);
      }
    }
    const paceMs =
      percentileOfSorted(sortedAscending(recent), 0.5) ??
      percentileOfSorted(sortedAscending(allServices), 0.5) ??
      rules.rules.defaultServiceMinutes * 60_000;
    const serviceMinutes = roundMinutes(paceMs / 60_000);

    // ---- queues ----
    const openCounterIds = new Set(
      counters
        .filter((c) => c.activity !== 'closed' && c.activity !== 'paused')
        .map((c) => c.counterId),
    );
    const queues: SupervisorQueue[] = reference.categoriesOf(siteId).map((category) => {
      const inCategory = waiting.filter((ticket) => ticket.categoryId === category.id);
      const serving = siteCounters.filter((counter) => counter.categoryIds.includes(category.id));
      const open = serving.filter((counter) => openCounterIds.has(counter.id)).length;
      const categoryServices = sortedAscending(
        tickets
          .filter((ticket) => ticket.categoryId === category.id)
          .map(serviceOf)
          .filter((value): value is number => value !== null),
      );
      const categoryMinutes =
        (percentileOfSorted(categoryServices, 0.5) ?? rules.rules.defaultServiceMinutes * 60_000) /
        60_000;
      const oldest = inCategory[0];
      return {
        categoryId: category.id,
        prefix: category.prefix,
        name: category.name,
        waiting: inCategory.length,
        waitingPriority: inCategory.filter((ticket) => ticket.priority).length,
        longestWaitMinutes: oldest ? minutesSince(now, waitStart(oldest)) : 0,
        estimatedWaitMinutes: estimatedWaitMinutes(inCategory.length, {
          serviceMinutes: categoryMinutes,
          counters: Math.max(1, open > 0 ? open : serving.length),
        }),
        appointmentsNextHour: appointments.get(category.id) ?? 0,
        openCounters: open,
      };
    });

    // ---- figures ----
    const figures = dayFigures(tickets, events, target);
    const clerkList = clerkFigures(tickets, events, target);
    const names = await displayNames(
      db,
      clerkList.map((clerk) => clerk.login),
    );

    // ---- timeline ----
    const opensAt = hours ? siteInstant(day, hours.opens, deps.timeZone).getTime() : now;
    const firstIssued = tickets.reduce((min, ticket) => Math.min(min, ticket.issuedAt), opensAt);
    const from = slotFloor(Math.min(opensAt, firstIssued), TIMELINE_BUCKET_MINUTES);
    const timeline = dayTimeline(tickets, from, now, TIMELINE_BUCKET_MINUTES).map((slot) => ({
      start: iso(slot.start),
      label: siteLocalTime(new Date(slot.start), deps.timeZone).time,
      arrivals: slot.arrivals,
      served: slot.served,
      waitingAtEnd: slot.waitingAtEnd,
    }));

    // ---- forecast ----
    const closesAt = hours ? siteInstant(day, hours.closes, deps.timeZone).getTime() : null;
    const forecast = forecastQueue({
      now,
      waiting: waiting.map((ticket) => ({ queuedAt: ticket.queuedAt, issuedAt: ticket.issuedAt })),
      openCounters: openCounterIds.size,
      serviceMinutes,
      closesAt,
      cutoffAt: siteInstant(day, FORECAST_CUTOFF, deps.timeZone).getTime(),
    });
    const forecastKey = `${siteId}#${day}`;
    if (forecast.status === 'at-risk') {
      if (!forecastSince.has(forecastKey)) forecastSince.set(forecastKey, now);
    } else forecastSince.delete(forecastKey);

    // ---- alerts ----
    const alerts = currentAlerts({
      now,
      targetMinutes: target,
      waiting: waiting.map((ticket) => ({
        number: ticket.number,
        categoryId: ticket.categoryId,
        waitStart: waitStart(ticket),
        targetCounterId: ticket.targetCounterId,
      })),
      counters: alertCounters,
      reconciliations: payments.reconciliations,
      forecastAtRisk:
        forecast.status === 'at-risk'
          ? { since: forecastSince.get(forecastKey) ?? now, tickets: forecast.atRiskTickets }
          : null,
    });

    return {
      siteId,
      siteName: site.name,
      now: iso(now),
      day,
      hours: hours
        ? { opens: hours.opens, closes: hours.closes, lastTicket: hours.lastTicket }
        : null,
      targetWaitMinutes: target,
      counters,
      queues,
      waitingTickets: waiting.slice(0, WAITING_LIST_LIMIT).map((ticket) => ({
        ticketId: ticket.ticketId,
        number: ticket.number,
        categoryId: ticket.categoryId,
        priority: ticket.priority,
        appointment: ticket.appointment,
        queuedAt: iso(ticket.queuedAt),
        waitedMinutes: minutesSince(now, waitStart(ticket)),
      })),
      figures,
      clerks: clerkList.map((clerk) => ({
        ...clerk,
        displayName: names.get(clerk.login) ?? clerk.login,
      })),
      timeline,
      forecast: {
        status: forecast.status,
        waiting: waiting.length,
        openCounters: openCounterIds.size,
        serviceMinutes,
        emptyAt: forecast.emptyAt === null ? null : iso(forecast.emptyAt),
        closesAt: closesAt === null ? null : iso(closesAt),
        marginMinutes: forecast.marginMinutes,
        cutoff: FORECAST_CUTOFF,
        atRiskTickets: forecast.atRiskTickets,
      },
      alerts,
      payments: payments.summary,
      locker,
      actions,
    };
  };
}

export type OverviewBuilder = ReturnType<typeof createOverviewBuilder>;
