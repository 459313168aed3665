import { z } from 'zod';
import {
  counterMessageSchema,
  moveTicketRequestSchema,
  sendCounterMessageRequestSchema,
  setCounterCategoriesRequestSchema,
  setCounterStateRequestSchema,
  supervisorOverviewSchema,
} from './central/supervisor';
import { defineChannel, defineEvent } from './defineChannel';

/**
 * The supervisor's window (the HTTP side is `central/supervisor.ts`, docs/supervisor.md). Main
 * asks the central server for the overview and asks again on every relevant live event
 * (debounced), pushing `supervisor:overviewChanged`. Only a logged-in user with the role
 * supervisor or admin may use these channels: anyone else is answered `forbidden`.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase id: letters, digits, . _ -');
const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date');

/**
 * Why a supervisor channel was refused: nobody logged in; the user is not a supervisor or an
 * admin; the session is an offline one (no central session); the central server did not
 * answer, or refused the session; the server refused the action (its reason in the message:
 * a ticket at the counter, a closed counter needing a clerk, the ticket no longer waiting…);
 * no such counter, category or ticket; the export was not saved.
 */
export const supervisorErrorCodes = [
  'not-logged-in',
  'forbidden',
  'offline-session',
  'central-unreachable',
  'unauthorized',
  'refused',
  'not-found',
  'export-failed',
] as const;
export type SupervisorErrorCode = (typeof supervisorErrorCodes)[number];

/** How the window's data stands with the central server. */
export const supervisorLinkSchema = z.enum(['online', 'offline', 'refused']);

/** What the window shows: the last overview, and whether it is fresh. */
export const supervisorViewSchema = z.object({
  link: supervisorLinkSchema,
  /** Why not online (one of `supervisorErrorCodes`); null when online. */
  problemCode: z.enum(supervisorErrorCodes).nullable(),
  /** The last overview read; null until the first answer (kept while offline, shown as stale). */
  overview: supervisorOverviewSchema.nullable(),
  /** When `overview` was read. */
  updatedAt: z.iso.datetime().nullable(),
});
export type SupervisorView = z.infer<typeof supervisorViewSchema>;

/**
 * How an export ended: saved into the folder the supervisor picked (Electron), handed to the
 * window to download (browser host: the files' bytes, base64), or the picker was cancelled.
 */
export const exportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.enum(['text/csv', 'application/pdf']),
  contentBase64: z.string(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

export const exportResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), folder: z.string(), fileNames: z.array(z.string()) }),
  z.object({ outcome: z.literal('download'), files: z.array(exportFileSchema) }),
  z.object({ outcome: z.literal('cancelled') }),
]);
export type ExportResult = z.infer<typeof exportResultSchema>;

export const exportRequestSchema = z.strictObject({
  /** `csv`: every table of the day, one file each; `pdf`: the shift report. */
  format: z.enum(['csv', 'pdf']),
  /** The site's civil date; absent: today. */
  day: civilDate.optional(),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

const noPayload = z.strictObject({});
const action = <R extends z.ZodType>(summary: string, request: R) =>
  defineChannel({
    summary,
    request,
    response: supervisorViewSchema,
    errorCodes: supervisorErrorCodes,
  });

export const supervisorChannels = {
  'supervisor:overview': action(
    "The site's overview now (asked from the central server): counters, queues, figures, chart series, forecast, alerts, payments, locker.",
    noPayload,
  ),
  'supervisor:setCounterCategories': action(
    "Change a counter's categories and their order (reference data: counter PCs get it through sync).",
    setCounterCategoriesRequestSchema.extend({ counterId: id }),
  ),
  'supervisor:setCounterState': action(
    'Close a counter (refused with a ticket at it) or end its pause.',
    setCounterStateRequestSchema.extend({ counterId: id }),
  ),
  'supervisor:moveTicket': action(
    'Move a waiting ticket to another category, keeping its place in time.',
    moveTicketRequestSchema.extend({ ticketId: z.uuid() }),
  ),
  'supervisor:sendMessage': action(
    "Send a short message to a counter's screen.",
    sendCounterMessageRequestSchema.extend({ counterId: id }),
  ),
  'supervisor:export': defineChannel({
    summary:
      'Export the day: every table as CSV, or the shift report as PDF; saved to a folder the supervisor picks (browser host: downloaded).',
    request: exportRequestSchema,
    response: exportResultSchema,
    errorCodes: supervisorErrorCodes,
  }),
} as const;

export const supervisorEvents = {
  'supervisor:overviewChanged': defineEvent({
    summary:
      'The overview changed (a call, a ticket, a counter, a payment, an action), or the link to the central server went up or down.',
    payload: supervisorViewSchema,
  }),
  'supervisor:counterMessage': defineEvent({
    summary:
      "A supervisor sent a message to this PC's counter (shown on the counter's screen until dismissed).",
    payload: counterMessageSchema,
  }),
} as const;
