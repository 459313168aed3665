import { z } from 'zod';
import { issueRefusalSchema, ticketChecklistSchema, ticketNumberSchema } from './central/queue';
import { defineChannel } from './defineChannel';

/**
 * The Resident Assistant's desk in the hall (the HTTP side is `central/queue.ts`): after checking
 * what the resident brought for a case type, the assistant issues a ticket in the case type's
 * category, or sends the resident's paper ticket there, with the checklist attached so the
 * counter clerk sees what was checked. No personal data: a ticket is a number and a category.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase id: letters, digits, . _ -');

/**
 * The number on the resident's paper ticket as the assistant types it: spaces and case do not
 * matter and the day's number is padded (`b 17` is `B017`).
 */
export const typedTicketNumberSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, '').toUpperCase())
  .transform((value) => {
    const match = /^([A-Z]{1,2})(\d{1,4})$/.exec(value);
    return match ? `${match[1]}${match[2]!.padStart(3, '0')}` : value;
  })
  .pipe(ticketNumberSchema);

/** A ticket the desk issued or redirected, as the assistant sees it (numbers only). */
export const assistantTicketSchema = z.object({
  ticketId: z.uuid(),
  number: ticketNumberSchema,
  categoryId: id,
  priority: z.boolean(),
  queuedAt: z.iso.datetime(),
  checklist: ticketChecklistSchema.nullable(),
});
export type AssistantTicket = z.infer<typeof assistantTicketSchema>;

export const assistantIssueTicketRequestSchema = z.strictObject({
  categoryId: id,
  /** The resident has a right to priority (disability, pregnancy and the like). */
  priority: z.boolean(),
  checklist: ticketChecklistSchema,
});
export type AssistantIssueTicketRequest = z.infer<typeof assistantIssueTicketRequestSchema>;

/**
 * Issued: the ticket, its category's name, its place in the queue and the estimated wait.
 * Refused: the engine's reason (closed today, before opening, after the last ticket, the day's
 * tickets gone, no such category) with its words for the resident, in Polish.
 */
export const assistantIssueTicketResponseSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('issued'),
    ticket: assistantTicketSchema,
    categoryName: z.string(),
    position: z.int().min(1),
    estimatedWaitMinutes: z.int().min(0),
  }),
  z.object({ outcome: z.literal('refused'), refusal: issueRefusalSchema }),
]);
export type AssistantIssueTicketResponse = z.infer<typeof assistantIssueTicketResponseSchema>;

export const assistantRedirectTicketRequestSchema = z.strictObject({
  ticketNumber: typedTicketNumberSchema,
  toCategoryId: id,
  checklist: ticketChecklistSchema,
});
export type AssistantRedirectTicketRequest = z.input<typeof assistantRedirectTicketRequestSchema>;

export const assistantRedirectTicketResponseSchema = z.object({ ticket: assistantTicketSchema });
export type AssistantRedirectTicketResponse = z.infer<typeof assistantRedirectTicketResponseSchema>;

/**
 * Why the desk could not do it:
 * - `offline`: the central server did not answer (nothing was issued or moved);
 * - `no-session`: nobody is logged in, the login was offline, or the server no longer accepts
 *   the session: log in again;
 * - `unknown-ticket`: no ticket with that number today at this site;
 * - `ticket-not-waiting`: the ticket is at a counter already, or finished (the counter transfers);
 * - `refused`: the engine refused otherwise (its reason in the message).
 */
export const assistantErrorCodes = [
  'offline',
  'no-session',
  'unknown-ticket',
  'ticket-not-waiting',
  'refused',
] as const;
export type AssistantErrorCode = (typeof assistantErrorCodes)[number];

export const assistantChannels = {
  'assistant:issueTicket': defineChannel({
    summary:
      "Issue a ticket in the case type's category at this PC's site, with the document checklist attached.",
    request: assistantIssueTicketRequestSchema,
    response: assistantIssueTicketResponseSchema,
    errorCodes: assistantErrorCodes,
  }),
  'assistant:redirectTicket': defineChannel({
    summary:
      "Send the resident's waiting ticket (by its paper number) to another category, keeping its time, with the checklist.",
    request: assistantRedirectTicketRequestSchema,
    response: assistantRedirectTicketResponseSchema,
    errorCodes: assistantErrorCodes,
  }),
} as const;
