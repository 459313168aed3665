import type { TicketFact } from './ticketFacts';

export type TimelineSlot = {
  /** Epoch milliseconds of the slot's start. */
  start: number;
  arrivals: number;
  served: number;
  waitingAtEnd: number;
};

/**
 * The day in slots of `slotMinutes` from `from` (the opening, or the first ticket if earlier;
 * slots fall on the clock's quarters when `from` does) up to the slot holding `now`:
 * arrivals (tickets issued), visits finished, and how many waited at the slot's end. A ticket
 * waits from its issue to its first call (its wait after a transfer is not redrawn).
 * One pass over the tickets, then one over the slots.
 */
export function dayTimeline(
  tickets: readonly TicketFact[],
  from: number,
  now: number,
  slotMinutes: number,
): TimelineSlot[] {
  const size = slotMinutes * 60_000;
  if (now < from) return [];
  const slots = Math.floor((now - from) / size) + 1;
  const arrivals = new Int32Array(slots);
  const served = new Int32Array(slots);
  // +1 where a ticket starts waiting, -1 where it stops; the running sum is the waiting count.
  const delta = new Int32Array(slots + 1);
  const slotOf = (at: number) => Math.min(slots, Math.max(0, Math.floor((at - from) / size)));

  for (const ticket of tickets) {
    const arrived = slotOf(ticket.issuedAt);
    if (arrived < slots) arrivals[arrived]! += 1;
    if (ticket.finishedAt !== null && ticket.status === 'done') {
      const finished = slotOf(ticket.finishedAt);
      if (finished < slots) served[finished]! += 1;
    }
    const leftAt = ticket.firstCalledAt;
    if (leftAt === null && ticket.status !== 'waiting') continue;
    delta[arrived]! += 1;
    if (leftAt !== null) delta[slotOf(leftAt)]! -= 1;
  }

  const timeline: TimelineSlot[] = [];
  let waiting = 0;
  for (let slot = 0; slot < slots; slot += 1) {
    waiting += delta[slot]!;
    timeline.push({
      start: from + slot * size,
      arrivals: arrivals[slot]!,
      served: served[slot]!,
      waitingAtEnd: waiting,
    });
  }
  return timeline;
}

/** The start of the slot holding `at`, on the clock's quarter hours (UTC and Warsaw agree). */
export function slotFloor(at: number, slotMinutes: number): number {
  const size = slotMinutes * 60_000;
  return Math.floor(at / size) * size;
}
