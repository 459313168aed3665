import type { ClerkEvent, TicketFact } from './ticketFacts';
import { serviceOf, waitOf } from './ticketFacts';
import { summarizeDurations, type DurationSummary } from './percentiles';
import { withinTargetShare, type WithinTargetShare } from './withinTarget';

export type Figures = {
  issued: number;
  served: number;
  noShows: number;
  transfers: number;
  wait: DurationSummary;
  service: DurationSummary;
  withinTarget: WithinTargetShare;
};

export type ClerkFigures = Omit<Figures, 'issued'> & { login: string };

/**
 * Today's figures of a site: tickets issued, visits finished, no-shows and transfers (from the
 * journal: a ticket transferred twice counts twice), waits (to the first call, walk-ins left
 * out) and service times, and the share of waits within the site's target.
 */
export function dayFigures(
  tickets: readonly TicketFact[],
  events: readonly ClerkEvent[],
  targetMinutes: number,
): Figures {
  const waits: number[] = [];
  const services: number[] = [];
  let served = 0;
  for (const ticket of tickets) {
    const wait = waitOf(ticket);
    if (wait !== null) waits.push(wait);
    const service = serviceOf(ticket);
    if (service !== null) {
      services.push(service);
      served += 1;
    }
  }
  return {
    issued: tickets.length,
    served,
    noShows: events.filter((event) => event.kind === 'no-show').length,
    transfers: events.filter((event) => event.kind === 'transfer').length,
    wait: summarizeDurations(waits),
    service: summarizeDurations(services),
    withinTarget: withinTargetShare(waits, targetMinutes),
  };
}

/**
 * The same per clerk: the visits each finished, the no-shows each marked, the transfers each
 * made, the waits of the residents each called first, sorted by login.
 */
export function clerkFigures(
  tickets: readonly TicketFact[],
  events: readonly ClerkEvent[],
  targetMinutes: number,
): ClerkFigures[] {
  type Acc = { waits: number[]; services: number[]; noShows: number; transfers: number };
  const byClerk = new Map<string, Acc>();
  const of = (login: string): Acc => {
    let acc = byClerk.get(login);
    if (!acc) {
      acc = { waits: [], services: [], noShows: 0, transfers: 0 };
      byClerk.set(login, acc);
    }
    return acc;
  };
  for (const ticket of tickets) {
    const wait = waitOf(ticket);
    if (wait !== null && ticket.firstCalledBy !== null) of(ticket.firstCalledBy).waits.push(wait);
    const service = serviceOf(ticket);
    if (service !== null && ticket.finishedBy !== null) {
      of(ticket.finishedBy).services.push(service);
    }
  }
  for (const event of events) {
    if (event.kind === 'no-show') of(event.actor).noShows += 1;
    else of(event.actor).transfers += 1;
  }
  return [...byClerk.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([login, acc]) => ({
      login,
      served: acc.services.length,
      noShows: acc.noShows,
      transfers: acc.transfers,
      wait: summarizeDurations(acc.waits),
      service: summarizeDurations(acc.services),
      withinTarget: withinTargetShare(acc.waits, targetMinutes),
    }));
}
