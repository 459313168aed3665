/**
 * One ticket of the day as the statistics read it: times in epoch milliseconds, who called it
 * first and who finished it (clerks' logins, from the queue journal). No personal data.
 */
export type TicketFact = {
  ticketId: string;
  number: string;
  categoryId: string;
  source: 'kiosk' | 'appointment' | 'assistant' | 'walk-in' | 'manual';
  priority: boolean;
  appointment: boolean;
  status: 'waiting' | 'called' | 'parked' | 'no-show' | 'done';
  issuedAt: number;
  queuedAt: number;
  /** The first call of the day, at whichever counter; null: never called. */
  firstCalledAt: number | null;
  /** Who made that call. */
  firstCalledBy: string | null;
  /** The last call or recall at its current counter. */
  lastCalledAt: number | null;
  /** Recalls at its current counter. */
  recalls: number;
  /** The call that began the visit that finished it. */
  servedAt: number | null;
  finishedAt: number | null;
  /** Who finished it. */
  finishedBy: string | null;
  counterId: string | null;
  targetCounterId: string | null;
};

/** A journal event the figures count per clerk (no-shows and transfers). */
export type ClerkEvent = { kind: 'no-show' | 'transfer'; actor: string; at: number };

/**
 * When the resident's wait began: the ticket's time, or the booked time of an appointment
 * checked in early (a resident who comes early for their slot is not kept waiting by us).
 */
export function waitStart(ticket: Pick<TicketFact, 'issuedAt' | 'queuedAt'>): number {
  return Math.max(ticket.issuedAt, ticket.queuedAt);
}

/** The wait of a called ticket (to its first call); null when never called or a walk-in. */
export function waitOf(ticket: TicketFact): number | null {
  if (ticket.firstCalledAt === null || ticket.source === 'walk-in') return null;
  return Math.max(0, ticket.firstCalledAt - waitStart(ticket));
}

/** The service time of a finished visit; null until finished. */
export function serviceOf(ticket: TicketFact): number | null {
  if (ticket.status !== 'done' || ticket.servedAt === null || ticket.finishedAt === null) {
    return null;
  }
  return Math.max(0, ticket.finishedAt - ticket.servedAt);
}
