import { z } from 'zod';
import { apiErrorCodes } from './apiError';
import { payloadIssueSchema } from '../ipcError';

/**
 * The central queue engine's contract (docs/queue-engine.md): tickets, counters, the calling
 * rules of a site, the counter commands, the kiosk, the display board and the overview.
 *
 * No personal data ever enters the queue: a ticket is a number, a category, times and flags.
 * Times are ISO-8601 instants (`…Z`); `day` is the site's civil date (Europe/Warsaw).
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase id: letters, digits, . _ -');
const instant = z.iso.datetime();
const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date');
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'an HH:MM time');

/** `B017`: the category's prefix and the day's number in it (three digits, four past 999). */
export const ticketNumberSchema = z
  .string()
  .regex(/^[A-Z]{1,2}\d{3,4}$/, 'a ticket number such as B017');

/** A booking code from the online booking, as the resident types it (case and spaces ignored). */
export const bookingCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{4,16}$/, 'a booking code: 4 to 16 letters, digits or dashes');

// ---- tickets ----------------------------------------------------------------------------------

/**
 * Where a ticket came from: the hall's kiosk, a checked-in appointment, the Resident
 * Assistant, a clerk's walk-in (a resident without a ticket, served at once), or entered by
 * hand by staff (the kiosk is out of order).
 */
export const ticketSourceSchema = z.enum([
  'kiosk',
  'appointment',
  'assistant',
  'walk-in',
  'manual',
]);
export type TicketSource = z.infer<typeof ticketSourceSchema>;

/**
 * waiting: in the queue (also a transferred, redirected or brought-back ticket);
 * called: at a counter (called and being served, until finished, no-show, parked or transferred);
 * parked: put aside by its counter (the resident fetches a document), taken back by it later;
 * no-show: the resident did not come after the recalls (may be brought back as waiting);
 * done: finished.
 */
export const ticketStatusSchema = z.enum(['waiting', 'called', 'parked', 'no-show', 'done']);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

/** The booked slot an appointment ticket came from. */
export const ticketAppointmentSchema = z.strictObject({
  bookingCode: bookingCodeSchema,
  dueAt: instant,
});
export type TicketAppointment = z.infer<typeof ticketAppointmentSchema>;

/** The state of one required document, as the Resident Assistant checked it. */
export const checklistDocumentStateSchema = z.enum(['present', 'missing', 'not-needed']);

/** The Resident Assistant's check of the documents for a case type (no personal data). */
export const ticketChecklistSchema = z.strictObject({
  caseTypeId: id,
  documents: z
    .array(z.strictObject({ documentId: id, state: checklistDocumentStateSchema }))
    .max(100),
});
export type TicketChecklist = z.infer<typeof ticketChecklistSchema>;

/** What a finished visit did: the case types handled and how it ended. */
export const visitOutcomeSchema = z.enum([
  /** Settled at the counter (a document issued, a registration done). */
  'settled',
  /** An application filed; the case goes on without the resident. */
  'application-filed',
  /** Documents were missing: the resident comes back. */
  'documents-missing',
  /** Information or advice only. */
  'information',
  /** Sent elsewhere (another office, another authority). */
  'referred-elsewhere',
  'other',
]);
export type VisitOutcome = z.infer<typeof visitOutcomeSchema>;

export const ticketSchema = z.strictObject({
  id: z.uuid(),
  siteId: id,
  categoryId: id,
  number: ticketNumberSchema,
  /** The site's civil date the ticket was issued on; a ticket is called only on its day. */
  day: civilDate,
  source: ticketSourceSchema,
  /** A resident with a right to priority (disability, pregnancy and the like). */
  priority: z.boolean(),
  appointment: ticketAppointmentSchema.nullable(),
  issuedAt: instant,
  /**
   * The time that orders the ticket in its queue: when it was issued (an appointment: its due
   * time). Kept on a transfer, a redirect and a no-show brought back, so nobody queues again.
   */
  queuedAt: instant,
  status: ticketStatusSchema,
  /** The counter the ticket is (or was last) at; null while it has never been called. */
  counterId: id.nullable(),
  /** A transfer to a named counter: only that counter calls it. */
  targetCounterId: id.nullable(),
  /** When its current (or last) counter first called it. */
  calledAt: instant.nullable(),
  /** The last call or recall, what the display board shows. */
  lastCalledAt: instant.nullable(),
  /** Recalls at the current counter (0 after the first call). */
  recalls: z.int().min(0),
  /** When the visit that finished it began (its last call); null until done. */
  servedAt: instant.nullable(),
  finishedAt: instant.nullable(),
  /** The case types handled, once finished. */
  services: z.array(id),
  outcome: visitOutcomeSchema.nullable(),
  checklist: ticketChecklistSchema.nullable(),
});
export type Ticket = z.infer<typeof ticketSchema>;

// ---- counters ---------------------------------------------------------------------------------

export const counterStateKindSchema = z.enum(['closed', 'open', 'paused']);
export type CounterStateKind = z.infer<typeof counterStateKindSchema>;

export const pauseReasonSchema = z.enum(['break', 'back-office', 'training', 'meeting', 'other']);
export type PauseReason = z.infer<typeof pauseReasonSchema>;

export const counterClerkSchema = z.strictObject({
  login: z.string(),
  displayName: z.string(),
});

export const counterStateSchema = z.strictObject({
  counterId: id,
  siteId: id,
  number: z.int().min(1),
  name: z.string(),
  state: counterStateKindSchema,
  /** Why it is paused; null unless paused. */
  pauseReason: pauseReasonSchema.nullable(),
  /** Who opened it; null while closed. */
  clerk: counterClerkSchema.nullable(),
  /** The ticket at the counter (status `called`), at most one. */
  currentTicket: ticketSchema.nullable(),
  /** The tickets this counter parked today, to take back. */
  parkedTickets: z.array(ticketSchema),
  /** The categories it serves, in the order it serves them. */
  categoryIds: z.array(id),
  /** Visits finished at this counter today. */
  servedToday: z.int().min(0),
  /** When its current state (open, paused, closed) began. */
  since: instant.nullable(),
});
export type CounterState = z.infer<typeof counterStateSchema>;

// ---- calling rules ----------------------------------------------------------------------------

/** "When someone has waited over N minutes in category X, call X first." */
export const longWaitRuleSchema = z.strictObject({
  categoryId: id,
  minutes: z.int().min(1).max(600),
});

export const finishFieldSchema = z.enum(['services', 'outcome']);
export type FinishField = z.infer<typeof finishFieldSchema>;

/**
 * How a site's counters call (docs/queue-engine.md, "Call next"). A supervisor may change them
 * during the day; the next call uses them.
 */
export const callingRulesSchema = z.strictObject({
  /** Checked-in appointments are called first once due (see `appointmentCallAheadMinutes`). */
  appointmentsFirst: z.boolean(),
  /** An appointment ticket counts as due this many minutes before its time. */
  appointmentCallAheadMinutes: z.int().min(0).max(120),
  /** A resident checking in later than this past the booked time gets an ordinary ticket. */
  appointmentGraceMinutes: z.int().min(0).max(240),
  /** Per counter, out of `ordinary + priority` calls when both wait: this many of each. */
  priorityRatio: z.strictObject({
    ordinary: z.int().min(0).max(20),
    priority: z.int().min(0).max(20),
  }),
  longWait: z.array(longWaitRuleSchema).max(50),
  /** Whether a clerk may call a chosen waiting ticket (journaled). */
  allowCallOutOfOrder: z.boolean(),
  /** A no-show may be marked only after this many recalls and minutes since the first call. */
  noShow: z.strictObject({
    minRecalls: z.int().min(0).max(10),
    minMinutes: z.int().min(0).max(60),
  }),
  /** What a clerk must record to finish a visit. */
  requiredFinishFields: z
    .array(finishFieldSchema)
    .refine((fields) => new Set(fields).size === fields.length, {
      error: 'a field is listed twice',
    }),
  /** The service time assumed for an estimate when a category has no finished visit today. */
  defaultServiceMinutes: z.int().min(1).max(240),
});
export type CallingRules = z.infer<typeof callingRulesSchema>;

/** The rules of a site that has none stored. */
export const DEFAULT_CALLING_RULES: CallingRules = {
  appointmentsFirst: true,
  appointmentCallAheadMinutes: 5,
  appointmentGraceMinutes: 15,
  priorityRatio: { ordinary: 2, priority: 1 },
  longWait: [],
  allowCallOutOfOrder: false,
  noShow: { minRecalls: 2, minMinutes: 3 },
  requiredFinishFields: ['outcome'],
  defaultServiceMinutes: 10,
};

/** GET/PUT /api/v1/queue/sites/:siteId/rules. */
export const callingRulesResponseSchema = z.strictObject({
  siteId: id,
  rules: callingRulesSchema,
  /** When and by whom they were last changed; null: the defaults. */
  updatedAt: instant.nullable(),
  updatedBy: z.string().nullable(),
});
export type CallingRulesResponse = z.infer<typeof callingRulesResponseSchema>;

// ---- counter commands (the clerk at a counter PC) ---------------------------------------------

/** Every counter command answers the counter's state after it, and the ticket it touched. */
export const counterCommandResponseSchema = z.strictObject({
  counter: counterStateSchema,
  /** The ticket the command touched (called, finished, transferred…); null when none. */
  ticket: ticketSchema.nullable(),
});
export type CounterCommandResponse = z.infer<typeof counterCommandResponseSchema>;

export const emptyCommandSchema = z.strictObject({});

export const pauseCounterRequestSchema = z.strictObject({ reason: pauseReasonSchema });
export type PauseCounterRequest = z.infer<typeof pauseCounterRequestSchema>;

/** A ticket a clerk names: by its id, or by the number on the resident's paper (today's). */
export const ticketReferenceSchema = z.union([
  z.strictObject({ ticketId: z.uuid() }),
  z.strictObject({ number: ticketNumberSchema }),
]);
export type TicketReference = z.infer<typeof ticketReferenceSchema>;

/** Call a chosen waiting ticket (only where the site allows it; journaled). */
export const callTicketRequestSchema = ticketReferenceSchema;

/** Take back a ticket this counter parked. */
export const resumeParkedRequestSchema = z.strictObject({ ticketId: z.uuid() });

/** Bring a no-show back into the queue, at its original time. */
export const bringBackRequestSchema = ticketReferenceSchema;

/** Transfer the ticket at the counter: to another category's queue, or to a named counter. */
export const transferRequestSchema = z.union([
  z.strictObject({ toCategoryId: id }),
  z.strictObject({ toCounterId: id }),
]);
export type TransferRequest = z.infer<typeof transferRequestSchema>;

/** Finish the visit at the counter; the site's rules say which fields are required. */
export const finishRequestSchema = z.strictObject({
  services: z.array(id).max(20),
  outcome: visitOutcomeSchema.nullable(),
});
export type FinishRequest = z.infer<typeof finishRequestSchema>;

/** A resident without a ticket, served at once: a ticket issued straight to this counter. */
export const walkInRequestSchema = z.strictObject({
  categoryId: id,
  priority: z.boolean(),
});
export type WalkInRequest = z.infer<typeof walkInRequestSchema>;

// ---- issuing: kiosk, assistant, appointment check-in ------------------------------------------

/** Why a ticket was not issued, with what the kiosk shows the resident. */
export const issueRefusalSchema = z.discriminatedUnion('reason', [
  /** Closed all day: a holiday (its name), a one-day exception, or no hours that weekday. */
  z.strictObject({
    reason: z.literal('closed-today'),
    name: z.string().nullable(),
    message: z.string(),
  }),
  /** Before opening: the first ticket is issued at `opens`. */
  z.strictObject({ reason: z.literal('not-open-yet'), opens: timeOfDay, message: z.string() }),
  /** The last ticket of the day was issued at `lastTicket`. */
  z.strictObject({
    reason: z.literal('after-last-ticket'),
    lastTicket: timeOfDay,
    message: z.string(),
  }),
  /** The category's tickets for today are gone (`dailyCap`). */
  z.strictObject({
    reason: z.literal('daily-cap-reached'),
    dailyCap: z.int(),
    message: z.string(),
  }),
  /** No such category at this site. */
  z.strictObject({ reason: z.literal('unknown-category'), message: z.string() }),
]);
export type IssueRefusal = z.infer<typeof issueRefusalSchema>;
export type IssueRefusalReason = IssueRefusal['reason'];

/** A ticket just issued, as the kiosk prints it. */
export const issuedTicketSchema = z.strictObject({
  ticket: ticketSchema,
  categoryName: z.string(),
  /** Tickets ahead in its category, plus one. */
  position: z.int().min(1),
  estimatedWaitMinutes: z.int().min(0),
});
export type IssuedTicket = z.infer<typeof issuedTicketSchema>;

export const issueTicketResponseSchema = z.discriminatedUnion('outcome', [
  issuedTicketSchema.extend({ outcome: z.literal('issued') }),
  z.strictObject({ outcome: z.literal('refused'), refusal: issueRefusalSchema }),
]);
export type IssueTicketResponse = z.infer<typeof issueTicketResponseSchema>;

/** POST kiosk tickets (public). */
export const kioskIssueRequestSchema = z.strictObject({
  categoryId: id,
  /** The kiosk's "I have a right to priority" button. */
  priority: z.boolean().default(false),
});
export type KioskIssueRequest = z.infer<typeof kioskIssueRequestSchema>;

/** POST assistant tickets (the Resident Assistant, or staff issuing by hand). */
export const assistantIssueRequestSchema = z.strictObject({
  categoryId: id,
  priority: z.boolean(),
  /** `assistant` from the Resident Assistant's desk; `manual` when staff stand in for the kiosk. */
  source: z.enum(['assistant', 'manual']).default('assistant'),
  checklist: ticketChecklistSchema.nullable().default(null),
});
export type AssistantIssueRequest = z.infer<typeof assistantIssueRequestSchema>;

/** The Resident Assistant sends a waiting ticket to the right category, keeping its time. */
export const redirectTicketRequestSchema = z.strictObject({
  toCategoryId: id,
  checklist: ticketChecklistSchema.nullable().default(null),
});
export type RedirectTicketRequest = z.infer<typeof redirectTicketRequestSchema>;
export const redirectTicketResponseSchema = z.strictObject({ ticket: ticketSchema });

/**
 * The same, naming the ticket at a site: by its id, or by the number on the resident's paper
 * ticket (today's), which is what the assistant at the desk has in hand.
 */
export const redirectAtSiteRequestSchema = z.strictObject({
  ticket: ticketReferenceSchema,
  toCategoryId: id,
  checklist: ticketChecklistSchema.nullable().default(null),
});
export type RedirectAtSiteRequest = z.infer<typeof redirectAtSiteRequestSchema>;

/** POST kiosk check-in (public): the resident types the booking code. */
export const checkInRequestSchema = z.strictObject({ bookingCode: bookingCodeSchema });
export type CheckInRequest = z.infer<typeof checkInRequestSchema>;

export const checkInRefusalSchema = z.discriminatedUnion('reason', [
  z.strictObject({ reason: z.literal('unknown-booking-code'), message: z.string() }),
  /** Booked for another day (its date). */
  z.strictObject({ reason: z.literal('not-today'), day: civilDate, message: z.string() }),
  /** Booked at another site (its name). */
  z.strictObject({ reason: z.literal('other-site'), siteName: z.string(), message: z.string() }),
  z.strictObject({
    reason: z.literal('already-checked-in'),
    number: ticketNumberSchema,
    message: z.string(),
  }),
  z.strictObject({ reason: z.literal('cancelled'), message: z.string() }),
  /** Late past the grace period and too late for an ordinary ticket as well. */
  z.strictObject({
    reason: z.literal('after-last-ticket'),
    lastTicket: timeOfDay,
    message: z.string(),
  }),
  z.strictObject({
    reason: z.literal('closed-today'),
    name: z.string().nullable(),
    message: z.string(),
  }),
]);
export type CheckInRefusal = z.infer<typeof checkInRefusalSchema>;

export const checkInResponseSchema = z.discriminatedUnion('outcome', [
  /** On time: an appointment ticket, called at its time ahead of walk-ins. */
  issuedTicketSchema.extend({ outcome: z.literal('checked-in'), dueAt: instant }),
  /** Late past the grace period: an ordinary ticket, and the kiosk says so. */
  issuedTicketSchema.extend({
    outcome: z.literal('late-ordinary-ticket'),
    dueAt: instant,
    graceMinutes: z.int(),
    message: z.string(),
  }),
  z.strictObject({ outcome: z.literal('refused'), refusal: checkInRefusalSchema }),
]);
export type CheckInResponse = z.infer<typeof checkInResponseSchema>;

/** GET kiosk (public): what the kiosk offers now. */
export const kioskCategorySchema = z.strictObject({
  categoryId: id,
  prefix: z.string(),
  name: z.string(),
  waiting: z.int().min(0),
  estimatedWaitMinutes: z.int().min(0),
  /** null: a ticket can be taken now; otherwise why not (the day's cap reached…). */
  refusal: issueRefusalSchema.nullable(),
});
export const kioskStateSchema = z.strictObject({
  siteId: id,
  siteName: z.string(),
  now: instant,
  day: civilDate,
  /** Today's hours at the site, or null when closed today. */
  hours: z.strictObject({ opens: timeOfDay, closes: timeOfDay, lastTicket: timeOfDay }).nullable(),
  /** Why no ticket can be taken at all now (closed, before opening, after the last ticket). */
  refusal: issueRefusalSchema.nullable(),
  categories: z.array(kioskCategorySchema),
});
export type KioskState = z.infer<typeof kioskStateSchema>;

// ---- display board (public, numbers only) -----------------------------------------------------

export const displayCallSchema = z.strictObject({
  /** Grows with every call and recall: a new value is a new call (play the sound). */
  callId: z.string().regex(/^\d+$/),
  ticketNumber: ticketNumberSchema,
  counterNumber: z.int(),
  at: instant,
  recall: z.boolean(),
});
export type DisplayCall = z.infer<typeof displayCallSchema>;

export const displayStateSchema = z.strictObject({
  siteId: id,
  siteName: z.string(),
  now: instant,
  /** Tickets at counters now, newest call first. */
  serving: z.array(z.strictObject({ ticketNumber: ticketNumberSchema, counterNumber: z.int() })),
  /** The last calls (and recalls) of today, newest first, at most 10. */
  lastCalls: z.array(displayCallSchema),
});
export type DisplayState = z.infer<typeof displayStateSchema>;

// ---- overview (clerks, supervisor) ------------------------------------------------------------

export const waitingTicketSummarySchema = z.strictObject({
  ticketId: z.uuid(),
  number: ticketNumberSchema,
  priority: z.boolean(),
  appointment: z.boolean(),
  queuedAt: instant,
  targetCounterId: id.nullable(),
});

export const categoryOverviewSchema = z.strictObject({
  categoryId: id,
  prefix: z.string(),
  name: z.string(),
  waiting: z.int().min(0),
  waitingPriority: z.int().min(0),
  /** Minutes the longest-waiting ticket has waited; 0 when nobody waits. */
  longestWaitMinutes: z.int().min(0),
  /** For a resident taking a ticket now. */
  estimatedWaitMinutes: z.int().min(0),
  /** Median service time today (or the default), minutes. */
  serviceMinutes: z.number().min(0),
  issuedToday: z.int().min(0),
  dailyCap: z.int().nullable(),
  /** The first waiting tickets of the category by their place in time (numbers only), at most 20. */
  next: z.array(waitingTicketSummarySchema),
});
export type CategoryOverview = z.infer<typeof categoryOverviewSchema>;

export const upcomingAppointmentSchema = z.strictObject({
  categoryId: id,
  dueAt: instant,
  status: z.enum(['booked', 'checked-in']),
  /** The ticket once checked in. */
  ticketNumber: ticketNumberSchema.nullable(),
});

export const queueOverviewSchema = z.strictObject({
  siteId: id,
  now: instant,
  day: civilDate,
  categories: z.array(categoryOverviewSchema),
  /** Today's appointments not yet called, by time, at most 20. */
  nextAppointments: z.array(upcomingAppointmentSchema),
  counters: z.array(counterStateSchema),
  /** Today's no-shows, newest first (numbers only), at most 50: to bring one back. */
  noShows: z.array(z.strictObject({ ticketId: z.uuid(), number: ticketNumberSchema, at: instant })),
});
export type QueueOverview = z.infer<typeof queueOverviewSchema>;

// ---- appointments (the online booking's feed) -------------------------------------------------

export const appointmentStatusSchema = z.enum(['booked', 'checked-in', 'cancelled']);

/** One booked slot, as the online booking hands it over (no personal data). */
export const appointmentSchema = z.strictObject({
  bookingCode: bookingCodeSchema,
  siteId: id,
  categoryId: id,
  dueAt: instant,
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const importAppointmentsRequestSchema = z.strictObject({
  appointments: z.array(appointmentSchema).min(1).max(2000),
});
export const importAppointmentsResponseSchema = z.strictObject({
  /** New bookings stored; a code already stored is left as it is. */
  added: z.int().min(0),
});

// ---- live events and errors -------------------------------------------------------------------

/** What happened, in `queue.changed` events. */
export const queueChangeSchema = z.enum([
  'ticket-issued',
  'appointment-checked-in',
  'ticket-called',
  'ticket-called-out-of-order',
  'ticket-recalled',
  'ticket-no-show',
  'ticket-brought-back',
  'ticket-transferred',
  'ticket-redirected',
  'ticket-parked',
  'ticket-unparked',
  'visit-finished',
  'walk-in-started',
  'counter-opened',
  'counter-closed',
  'counter-paused',
  'counter-resumed',
  'rules-changed',
]);
export type QueueChange = z.infer<typeof queueChangeSchema>;

/** `data` of a `queue.changed` live event: a hint to refresh, with numbers only. */
export const queueChangedEventSchema = z.strictObject({
  siteId: id,
  change: queueChangeSchema,
  ticketId: z.uuid().nullable(),
  ticketNumber: ticketNumberSchema.nullable(),
  counterId: id.nullable(),
  counterNumber: z.int().nullable(),
});
export type QueueChangedEvent = z.infer<typeof queueChangedEventSchema>;

/**
 * Why the engine refused a command (the answer's `error.reason`), beside the API's `code`:
 * 404 `not-found` for unknown-*, 403 `forbidden` for not-a-counter-workstation and
 * counter-of-another-clerk, 400 `invalid-request` for finish-fields-missing,
 * invalid-rules and invalid-appointments, 409 `conflict` for the rest.
 */
export const queueErrorReasons = [
  'unknown-site',
  'unknown-counter',
  'unknown-ticket',
  'unknown-category',
  'not-a-counter-workstation',
  'counter-of-another-clerk',
  'counter-closed',
  'counter-paused',
  'counter-busy',
  'counter-idle',
  'counter-has-ticket',
  'category-not-served',
  'ticket-not-waiting',
  'ticket-not-at-counter',
  'ticket-not-parked',
  'ticket-not-no-show',
  'ticket-not-today',
  'ambiguous-ticket-number',
  'out-of-order-not-allowed',
  'no-show-too-early',
  'finish-fields-missing',
  'transfer-to-same-place',
  'invalid-rules',
  'invalid-appointments',
] as const;
export const queueErrorReasonSchema = z.enum(queueErrorReasons);
export type QueueErrorReason = z.infer<typeof queueErrorReasonSchema>;

/** The API's one error body, with the engine's reason when the engine refused. */
export const queueErrorSchema = z.object({
  error: z.object({
    code: z.enum(apiErrorCodes),
    message: z.string(),
    issues: z.array(payloadIssueSchema).optional(),
    reason: queueErrorReasonSchema.optional(),
  }),
});
export type QueueError = z.infer<typeof queueErrorSchema>;
