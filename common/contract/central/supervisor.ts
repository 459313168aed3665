import { z } from 'zod';
import { apiErrorCodes } from './apiError';
import { payloadIssueSchema } from '../ipcError';
import { pauseReasonSchema, ticketNumberSchema } from './queue';
import { paymentMethodSchema } from './payments';

/**
 * The shift lead's overview of a site (docs/supervisor.md): counters, queues, today's figures,
 * the day's chart series, the forecast against closing time, alerts, payments, the locker, and
 * the supervisor's actions and the day's exports. Routes admit the roles supervisor and admin
 * only; a supervisor sees and acts on their own site, an admin on any.
 *
 * No personal data of residents: tickets are numbers, categories and times. Clerks appear by
 * login and display name (staff at work, as the counter's own panel shows them).
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase id: letters, digits, . _ -');
const instant = z.iso.datetime();
const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date');
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'an HH:MM time');
const count = z.int().min(0);
const grosze = z.int().min(0);

// ---- counters -----------------------------------------------------------------------------------

/**
 * What a counter is doing now, as the supervisor reads it:
 * - `calling`: a ticket was called or recalled within the last minute (the resident walks up);
 * - `serving`: a ticket is at it, its last call over a minute ago;
 * - `idle`: open with nobody at it;
 * - `paused`: paused, with its reason;
 * - `closed`.
 */
export const supervisorCounterActivitySchema = z.enum([
  'serving',
  'calling',
  'idle',
  'paused',
  'closed',
]);
export type SupervisorCounterActivity = z.infer<typeof supervisorCounterActivitySchema>;

export const supervisorCounterSchema = z.strictObject({
  counterId: id,
  number: z.int().min(1),
  name: z.string(),
  activity: supervisorCounterActivitySchema,
  /** Why it is paused; null unless paused. */
  pauseReason: pauseReasonSchema.nullable(),
  /** When its current state (open, paused, closed) began; null: never opened. */
  stateSince: instant.nullable(),
  clerk: z.strictObject({ login: z.string(), displayName: z.string() }).nullable(),
  /** The ticket at it; null when none. */
  ticket: z
    .strictObject({
      ticketId: z.uuid(),
      number: ticketNumberSchema,
      categoryId: id,
      calledAt: instant,
      lastCalledAt: instant,
      recalls: count,
      /** Minutes since it was first called at this counter (the time spent on it). */
      minutes: count,
    })
    .nullable(),
  /** Visits finished at it today. */
  servedToday: count,
  /** The categories it serves, in its order. */
  categoryIds: z.array(id),
  /** The counter PC at it (a workstation with its number), and its last sync push. */
  workstation: z
    .strictObject({
      workstationId: z.string(),
      /** The last mutation the server received from it; null: none yet. */
      lastPushAt: instant.nullable(),
    })
    .nullable(),
});
export type SupervisorCounter = z.infer<typeof supervisorCounterSchema>;

// ---- queues -------------------------------------------------------------------------------------

export const supervisorQueueSchema = z.strictObject({
  categoryId: id,
  prefix: z.string(),
  name: z.string(),
  waiting: count,
  waitingPriority: count,
  /** Minutes the longest-waiting ticket has waited; 0 when nobody waits. */
  longestWaitMinutes: count,
  /** For a resident taking a ticket now. */
  estimatedWaitMinutes: count,
  /** Appointments due in the next hour not yet called (booked or checked in). */
  appointmentsNextHour: count,
  /** Open (not paused) counters serving the category now. */
  openCounters: count,
});
export type SupervisorQueue = z.infer<typeof supervisorQueueSchema>;

/** A ticket waiting now, for the "move to another category" action (numbers only). */
export const supervisorWaitingTicketSchema = z.strictObject({
  ticketId: z.uuid(),
  number: ticketNumberSchema,
  categoryId: id,
  priority: z.boolean(),
  appointment: z.boolean(),
  queuedAt: instant,
  waitedMinutes: count,
});
export type SupervisorWaitingTicket = z.infer<typeof supervisorWaitingTicketSchema>;

// ---- today's figures ----------------------------------------------------------------------------

/** Median and 90th percentile of a set of durations, minutes (one decimal); null: no data. */
export const durationStatsSchema = z.strictObject({
  count,
  medianMinutes: z.number().min(0).nullable(),
  p90Minutes: z.number().min(0).nullable(),
});
export type DurationStats = z.infer<typeof durationStatsSchema>;

/** The share of called residents whose wait was within the site's target. */
export const withinTargetSchema = z.strictObject({
  targetMinutes: z.int().min(1),
  within: count,
  of: count,
  /** within / of, 0..1; null when nobody has been called yet. */
  share: z.number().min(0).max(1).nullable(),
});
export type WithinTarget = z.infer<typeof withinTargetSchema>;

/** The visit figures the site's day and each clerk share. */
const visitFiguresShape = {
  served: count,
  noShows: count,
  transfers: count,
  /** From queueing to the first call (per clerk: of the residents this clerk called). */
  wait: durationStatsSchema,
  /** From the visit's call to its finish. */
  service: durationStatsSchema,
  withinTarget: withinTargetSchema,
};

/** Of every ticket called and every visit finished today. */
export const dayFiguresSchema = z.strictObject({
  issued: count,
  ...visitFiguresShape,
});
export type DayFigures = z.infer<typeof dayFiguresSchema>;

/** The same per clerk (who finished the visits, who marked the no-shows, who transferred). */
export const clerkFiguresSchema = z.strictObject({
  login: z.string(),
  displayName: z.string(),
  ...visitFiguresShape,
});
export type ClerkFigures = z.infer<typeof clerkFiguresSchema>;

// ---- the day's series (charts) ------------------------------------------------------------------

export const TIMELINE_BUCKET_MINUTES = 15;

/** One 15-minute slot of the day, from the site's opening (or the first ticket) to now. */
export const timelineBucketSchema = z.strictObject({
  /** The slot's start. */
  start: instant,
  /** HH:MM of the start, in the site's time (the chart's label). */
  label: timeOfDay,
  /** Tickets issued in the slot. */
  arrivals: count,
  /** Visits finished in the slot. */
  served: count,
  /** Tickets waiting at the slot's end (or now, for the current slot). */
  waitingAtEnd: count,
});
export type TimelineBucket = z.infer<typeof timelineBucketSchema>;

// ---- forecast -----------------------------------------------------------------------------------

/**
 * When the queue will be empty with the counters open now and the recent service times,
 * against the closing time:
 * - `ok`: empty before closing;
 * - `at-risk`: residents who took a ticket before `cutoff` may not be served before closing;
 * - `overrun`: empty only after closing, but everyone before `cutoff` is served in time;
 * - `no-counters`: people wait and no counter is open;
 * - `closed`: the site is closed today or has closed;
 * - `empty`: nobody waits.
 */
export const forecastStatusSchema = z.enum([
  'ok',
  'at-risk',
  'overrun',
  'no-counters',
  'closed',
  'empty',
]);
export type ForecastStatus = z.infer<typeof forecastStatusSchema>;

export const forecastSchema = z.strictObject({
  status: forecastStatusSchema,
  waiting: count,
  /** Open (not paused) counters now. */
  openCounters: count,
  /** The median service time of the visits finished in the last hour (or the site's default). */
  serviceMinutes: z.number().min(0),
  /** When the last waiting ticket should be called; null: nobody waits or no counter is open. */
  emptyAt: instant.nullable(),
  /** Today's closing time; null: closed today. */
  closesAt: instant.nullable(),
  /** Closing minus emptyAt, minutes (negative: after closing); null with emptyAt null. */
  marginMinutes: z.int().nullable(),
  /** The time the warning speaks about ("who took a ticket before 15:00"). */
  cutoff: timeOfDay,
  /** Waiting tickets queued before the cutoff that the forecast calls after closing. */
  atRiskTickets: count,
});
export type Forecast = z.infer<typeof forecastSchema>;

// ---- alerts -------------------------------------------------------------------------------------

/**
 * Every kind of alert. `terminal-offline` and `printer-offline` come from the counter PCs' status
 * reports (common/contract/central/workstationStatus.ts, docs/supervisor.md).
 */
export const alertKindSchema = z.enum([
  /** A resident waits over the site's target. */
  'wait-over-target',
  /** A counter is open and idle while its categories have people waiting. */
  'counter-idle-with-waiting',
  /** A payment terminal is offline. */
  'terminal-offline',
  /** A label printer is offline. */
  'printer-offline',
  /** A payment awaits manual reconciliation (the end of day found a difference). */
  'payment-needs-reconciliation',
  /** A counter PC's sync is behind (it served visits and has not pushed for a while). */
  'sync-behind',
  /** The forecast says residents who came before the cutoff may not be served before closing. */
  'forecast-at-risk',
]);
export type AlertKind = z.infer<typeof alertKindSchema>;

export const alertSchema = z.strictObject({
  /** Stable while the alert lasts (kind and subject): the window keeps "seen" by it. */
  id: z.string().min(1).max(200),
  kind: alertKindSchema,
  severity: z.enum(['warning', 'critical']),
  /** When the situation began. */
  since: instant,
  counterId: id.nullable(),
  counterNumber: z.int().nullable(),
  categoryId: id.nullable(),
  ticketNumber: ticketNumberSchema.nullable(),
  workstationId: z.string().nullable(),
  terminalId: z.string().nullable(),
  /** A plain-English detail for logs and tests; the window words the alert from its fields. */
  detail: z.string(),
});
export type Alert = z.infer<typeof alertSchema>;

// ---- payments and the locker --------------------------------------------------------------------

export const methodTotalSchema = z.strictObject({
  method: paymentMethodSchema,
  count,
  totalGrosze: grosze,
});

/** The end of day of one terminal: not run yet, balanced, or with differences to reconcile. */
export const reconciliationStatusSchema = z.enum(['not-run', 'balanced', 'differences']);
export type ReconciliationStatus = z.infer<typeof reconciliationStatusSchema>;

export const terminalTotalsSchema = z.strictObject({
  /** The terminal's id as it reports it; null: payments recorded without one. */
  terminalId: z.string().nullable(),
  counterNumber: z.int().nullable(),
  methods: z.array(methodTotalSchema),
  totalGrosze: grosze,
  endOfDay: reconciliationStatusSchema,
  endOfDayAt: instant.nullable(),
});
export type TerminalTotals = z.infer<typeof terminalTotalsSchema>;

export const paymentsSummarySchema = z.strictObject({
  /** false: the server has no payments module yet (the rest is empty). */
  available: z.boolean(),
  terminals: z.array(terminalTotalsSchema),
  methods: z.array(methodTotalSchema),
  /** Approved minus reversed and refunded, today. */
  totalGrosze: grosze,
  /** The site's end of day: balanced only when every terminal that took payments is balanced. */
  reconciliation: reconciliationStatusSchema,
});
export type PaymentsSummary = z.infer<typeof paymentsSummarySchema>;

export const lockerSummarySchema = z.strictObject({
  /** false: the site has no locker, or the server has no locker module yet. */
  available: z.boolean(),
  depositsToday: count,
  /** Waiting for pickup and expiring within a day. */
  expiringSoon: count,
  /** Past their pickup deadline, not picked up. */
  expired: count,
});
export type LockerSummary = z.infer<typeof lockerSummarySchema>;

// ---- actions ------------------------------------------------------------------------------------

export const supervisorActionKindSchema = z.enum([
  'counter-categories',
  'counter-opened',
  'counter-closed',
  'ticket-moved',
  'message-sent',
]);
export type SupervisorActionKind = z.infer<typeof supervisorActionKindSchema>;

/** One recorded action: who did what, when (`supervisor_actions`). */
export const supervisorActionSchema = z.strictObject({
  id: z.string(),
  siteId: id,
  kind: supervisorActionKindSchema,
  actor: z.string(),
  at: instant,
  counterId: id.nullable(),
  ticketNumber: ticketNumberSchema.nullable(),
  /** What changed: the new categories, the target category, the message's text… */
  details: z.record(z.string(), z.unknown()),
});
export type SupervisorAction = z.infer<typeof supervisorActionSchema>;

export const COUNTER_MESSAGE_MAX = 200;

/** A short message to a counter, shown on its screen (`counter.message` live event). */
export const counterMessageSchema = z.strictObject({
  messageId: z.uuid(),
  siteId: id,
  counterId: id,
  counterNumber: z.int().min(1),
  text: z.string().min(1).max(COUNTER_MESSAGE_MAX),
  /** The sender's display name. */
  from: z.string(),
  at: instant,
});
export type CounterMessage = z.infer<typeof counterMessageSchema>;

/** PUT counter categories: the categories it serves, in its order (at least one). */
export const setCounterCategoriesRequestSchema = z.strictObject({
  categoryIds: z
    .array(id)
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'a category is listed twice' }),
});
export type SetCounterCategoriesRequest = z.infer<typeof setCounterCategoriesRequestSchema>;

/**
 * POST counter state. `closed`: closes the counter (refused while a ticket is at it or parked by
 * it); `open`: ends a pause. A closed counter is opened by a clerk logging in at it.
 */
export const setCounterStateRequestSchema = z.strictObject({
  state: z.enum(['open', 'closed']),
});
export type SetCounterStateRequest = z.infer<typeof setCounterStateRequestSchema>;

/** POST move ticket: a waiting ticket to another category, keeping its place in time. */
export const moveTicketRequestSchema = z.strictObject({ toCategoryId: id });
export type MoveTicketRequest = z.infer<typeof moveTicketRequestSchema>;

export const sendCounterMessageRequestSchema = z.strictObject({
  text: z.string().trim().min(1).max(COUNTER_MESSAGE_MAX),
});
export type SendCounterMessageRequest = z.infer<typeof sendCounterMessageRequestSchema>;

/** Every action answers the recorded action. */
export const supervisorActionResponseSchema = z.strictObject({ action: supervisorActionSchema });
export type SupervisorActionResponse = z.infer<typeof supervisorActionResponseSchema>;

/** Why an action was refused (`error.reason`), beside the API's code. */
export const supervisorErrorReasons = [
  'unknown-site',
  'unknown-counter',
  'unknown-category',
  'unknown-ticket',
  'category-of-another-site',
  'counter-has-ticket',
  'counter-needs-clerk',
  'ticket-not-waiting',
  'other-site',
] as const;
export const supervisorErrorReasonSchema = z.enum(supervisorErrorReasons);
export type SupervisorErrorReason = z.infer<typeof supervisorErrorReasonSchema>;

export const supervisorErrorSchema = z.object({
  error: z.object({
    code: z.enum(apiErrorCodes),
    message: z.string(),
    issues: z.array(payloadIssueSchema).optional(),
    /** The supervisor's reason, or the queue engine's (a string) for a move it refused. */
    reason: z.string().optional(),
  }),
});

// ---- the overview -------------------------------------------------------------------------------

export const supervisorOverviewSchema = z.strictObject({
  siteId: id,
  siteName: z.string(),
  now: instant,
  day: civilDate,
  /** Today's hours; null: closed today. */
  hours: z.strictObject({ opens: timeOfDay, closes: timeOfDay, lastTicket: timeOfDay }).nullable(),
  targetWaitMinutes: z.int().min(1),
  counters: z.array(supervisorCounterSchema),
  queues: z.array(supervisorQueueSchema),
  /** Tickets waiting now, longest wait first, at most 200. */
  waitingTickets: z.array(supervisorWaitingTicketSchema),
  figures: dayFiguresSchema,
  clerks: z.array(clerkFiguresSchema),
  /** 15-minute slots of the day so far. */
  timeline: z.array(timelineBucketSchema),
  forecast: forecastSchema,
  /** Alerts now, the most serious and oldest first. */
  alerts: z.array(alertSchema),
  payments: paymentsSummarySchema,
  locker: lockerSummarySchema,
  /** Today's actions by supervisors at this site, newest first, at most 50. */
  actions: z.array(supervisorActionSchema),
});
export type SupervisorOverview = z.infer<typeof supervisorOverviewSchema>;

// ---- exports ------------------------------------------------------------------------------------

/**
 * The day's tables, each one CSV file (`;`-separated, UTF-8 with BOM, Polish headers, so a
 * spreadsheet in Polish opens it as it is). No personal data of residents.
 */
export const exportTableSchema = z.enum([
  'tickets',
  'counters',
  'clerks',
  'categories',
  'timeline',
  'payments',
  'actions',
]);
export type ExportTable = z.infer<typeof exportTableSchema>;
export const exportTables = exportTableSchema.options;

/** `?day=YYYY-MM-DD` of the exports; absent: today. */
export const exportQuerySchema = z.strictObject({ day: civilDate.optional() });
export type ExportQuery = z.infer<typeof exportQuerySchema>;

// ---- paths --------------------------------------------------------------------------------------

const siteBase = (siteId: string) => `/api/v1/supervisor/sites/${encodeURIComponent(siteId)}`;
const counterBase = (siteId: string, counterId: string) =>
  `${siteBase(siteId)}/counters/${encodeURIComponent(counterId)}`;

/** The supervisor's routes (role supervisor or admin). */
export const supervisorPaths = {
  patterns: {
    overview: '/api/v1/supervisor/sites/:siteId/overview',
    counterCategories: '/api/v1/supervisor/sites/:siteId/counters/:counterId/categories',
    counterState: '/api/v1/supervisor/sites/:siteId/counters/:counterId/state',
    counterMessages: '/api/v1/supervisor/sites/:siteId/counters/:counterId/messages',
    moveTicket: '/api/v1/supervisor/sites/:siteId/tickets/:ticketId/move',
    exportTable: '/api/v1/supervisor/sites/:siteId/export/:table',
    report: '/api/v1/supervisor/sites/:siteId/report',
  },
  /** GET: the overview. */
  overview: (siteId: string) => `${siteBase(siteId)}/overview`,
  /** PUT: the counter's categories and their order (reference data; counter PCs sync it). */
  counterCategories: (siteId: string, counterId: string) =>
    `${counterBase(siteId, counterId)}/categories`,
  /** POST: open (end a pause) or close the counter. */
  counterState: (siteId: string, counterId: string) => `${counterBase(siteId, counterId)}/state`,
  /** POST: a short message to the counter's screen. */
  counterMessages: (siteId: string, counterId: string) =>
    `${counterBase(siteId, counterId)}/messages`,
  /** POST: move a waiting ticket to another category. */
  moveTicket: (siteId: string, ticketId: string) =>
    `${siteBase(siteId)}/tickets/${encodeURIComponent(ticketId)}/move`,
  /** GET: one table of the day as CSV (`text/csv`). */
  exportTable: (siteId: string, table: ExportTable, day?: string) =>
    `${siteBase(siteId)}/export/${table}${day ? `?day=${day}` : ''}`,
  /** GET: the day's shift report as PDF (`application/pdf`), in Polish. */
  report: (siteId: string, day?: string) => `${siteBase(siteId)}/report${day ? `?day=${day}` : ''}`,
} as const;
