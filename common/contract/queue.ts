import { z } from 'zod';
import {
  counterStateKindSchema,
  counterStateSchema,
  finishFieldSchema,
  finishRequestSchema,
  pauseReasonSchema,
  queueErrorReasons,
  resumeParkedRequestSchema,
  ticketReferenceSchema,
  transferRequestSchema,
  upcomingAppointmentSchema,
  walkInRequestSchema,
} from './central/queue';
import { defineChannel, defineEvent } from './defineChannel';

/**
 * The counter panel, as the counter window sees it (the HTTP side is `central/queue.ts`): this
 * counter's state and the ticket at it, how many wait in the categories it serves (numbers
 * only, never names), the next appointments, and the manual visit served while the central
 * server is unreachable. Every command answers the panel after it.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase id: letters, digits, . _ -');
const instant = z.iso.datetime();

/**
 * How the panel stands with the central queue engine:
 * - `idle`: nobody is logged in, or the first answer has not come yet;
 * - `online`: the last exchange succeeded;
 * - `offline`: the central server did not answer (serve residents by their paper ticket);
 * - `offline-session`: the clerk logged in offline (no session on the server): log in again to
 *   call tickets;
 * - `refused`: the server answers but refuses this PC or this session (see `problem`).
 */
export const queueLinkSchema = z.enum(['idle', 'online', 'offline', 'offline-session', 'refused']);
export type QueueLink = z.infer<typeof queueLinkSchema>;

/** A waiting ticket as the panel lists it: its number, never who holds it. */
export const panelWaitingTicketSchema = z.object({
  ticketId: z.uuid(),
  number: z.string(),
  priority: z.boolean(),
  appointment: z.boolean(),
  queuedAt: instant,
  /** Transferred to a named counter: only that counter calls it. */
  targetCounterId: id.nullable(),
});

/** One category this counter serves: how many wait, and the first numbers in calling order. */
export const panelCategorySchema = z.object({
  categoryId: id,
  prefix: z.string(),
  name: z.string(),
  waiting: z.int().min(0),
  waitingPriority: z.int().min(0),
  longestWaitMinutes: z.int().min(0),
  estimatedWaitMinutes: z.int().min(0),
  next: z.array(panelWaitingTicketSchema),
});
export type PanelCategory = z.infer<typeof panelCategorySchema>;

/** Another counter of the site, for the transfer dialog. */
export const panelCounterSchema = z.object({
  counterId: id,
  number: z.int(),
  name: z.string(),
  state: counterStateKindSchema,
  categoryIds: z.array(id),
});
export type PanelCounter = z.infer<typeof panelCounterSchema>;

/** The calling rules that decide what the panel offers (no-show timing, finish fields). */
export const panelRulesSchema = z.object({
  noShowMinRecalls: z.int().min(0),
  noShowMinMinutes: z.int().min(0),
  requiredFinishFields: z.array(finishFieldSchema),
  allowCallOutOfOrder: z.boolean(),
});
export type PanelRules = z.infer<typeof panelRulesSchema>;

/** A visit served by the paper ticket's number while the central server did not answer. */
export const manualVisitInProgressSchema = z.object({
  id: z.uuid(),
  ticketNumber: z.string(),
  startedAt: instant,
  clerkLogin: z.string(),
});
export type ManualVisitInProgress = z.infer<typeof manualVisitInProgressSchema>;

export const queuePanelSchema = z.object({
  siteId: z.string(),
  counterNumber: z.int(),
  link: queueLinkSchema,
  /** Why the link is not online, for a person (the server's or the network's words). */
  problem: z.string().nullable(),
  /** The same as a code of `queueErrorCodes` (the window words it); null when online. */
  problemCode: z.string().nullable(),
  /** The central server's time now, as best this PC knows it: durations tick from it. */
  now: instant,
  /** When the queue was last read from the central server; null: never in this session. */
  updatedAt: instant.nullable(),
  /** This PC's counter on the central server; null until it has answered. */
  counter: counterStateSchema.nullable(),
  /** The categories this counter serves, in its order. */
  categories: z.array(panelCategorySchema),
  /** Today's appointments in this counter's categories not yet called, by time. */
  nextAppointments: z.array(upcomingAppointmentSchema),
  /** The site's other counters. */
  counters: z.array(panelCounterSchema),
  /** Today's no-shows of this counter's categories, newest first, to bring one back. */
  noShows: z.array(z.object({ ticketId: z.uuid(), number: z.string(), at: instant })),
  rules: panelRulesSchema.nullable(),
  manualVisit: manualVisitInProgressSchema.nullable(),
});
export type QueuePanel = z.infer<typeof queuePanelSchema>;

/** The paper ticket's number as typed: spaces and case do not matter (`b 017` is `B017`). */
export const paperTicketNumberSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{1,2}\d{1,4}$/, 'a ticket number such as B017'));

export const startManualVisitRequestSchema = z.strictObject({
  ticketNumber: paperTicketNumberSchema,
});
export const finishManualVisitRequestSchema = z.strictObject({
  note: z.string().trim().max(500, 'at most 500 characters'),
});

/**
 * Every way a queue command can be refused: the engine's reasons (central/queue.ts), and the
 * PC's own: nobody logged in, an offline session, the server unreachable, the session or the
 * workstation not accepted, asked too often, another refusal, and the manual visit's rules.
 */
export const queueErrorCodes = [
  ...queueErrorReasons,
  'not-logged-in',
  'offline-session',
  'central-unreachable',
  'unauthorized',
  'rate-limited',
  'refused',
  'queue-online',
  'manual-visit-open',
  'no-manual-visit',
] as const;
export type QueueErrorCode = (typeof queueErrorCodes)[number];

const noPayload = z.strictObject({});
const command = <R extends z.ZodType>(summary: string, request: R) =>
  defineChannel({ summary, request, response: queuePanelSchema, errorCodes: queueErrorCodes });

export const queueChannels = {
  'queue:state': command(
    'The counter panel: this counter, the ticket at it, the waiting per category, the next appointments, the manual visit.',
    noPayload,
  ),
  'queue:open': command('Open this counter for the logged-in clerk.', noPayload),
  'queue:close': command('Close this counter.', noPayload),
  'queue:callNext': command(
    'Call the next waiting ticket (the engine chooses it by the calling rules).',
    noPayload,
  ),
  'queue:recall': command('Call the ticket at the counter again (display and sound).', noPayload),
  'queue:noShow': command(
    'The resident did not come: allowed after the rules’ recalls and minutes.',
    noPayload,
  ),
  'queue:bringBack': command(
    'Bring a no-show back into the queue at its original time.',
    ticketReferenceSchema,
  ),
  'queue:transfer': command(
    'Send the ticket at the counter to another category or a named counter, keeping its time.',
    transferRequestSchema,
  ),
  'queue:park': command(
    'Put the visit aside (the resident fetches a document) and free the counter.',
    noPayload,
  ),
  'queue:resumeParked': command(
    'Take back a visit this counter parked.',
    resumeParkedRequestSchema,
  ),
  'queue:callTicket': command(
    'Call a chosen waiting ticket (where the site allows it; journaled).',
    ticketReferenceSchema,
  ),
  'queue:finish': command(
    'Finish the visit: the case types handled and the outcome, as the site’s rules require.',
    finishRequestSchema,
  ),
  'queue:pause': command(
    'Pause the counter, with a reason the supervisor sees.',
    z.strictObject({ reason: pauseReasonSchema }),
  ),
  'queue:resume': command('End the pause.', noPayload),
  'queue:walkIn': command(
    'Serve a resident without a ticket at once: a ticket issued straight to this counter.',
    walkInRequestSchema,
  ),
  'queue:startManualVisit': command(
    'Central server unreachable: start serving the resident by the number on their paper ticket.',
    startManualVisitRequestSchema,
  ),
  'queue:finishManualVisit': command(
    'Finish the manual visit: recorded locally with its outbox mutation, synced later.',
    finishManualVisitRequestSchema,
  ),
} as const;

export const queueEvents = {
  'queue:changed': defineEvent({
    summary:
      'The counter panel changed: this or another counter called, a ticket was issued, the link went up or down.',
    payload: queuePanelSchema,
  }),
} as const;
