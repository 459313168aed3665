import { z } from 'zod';
import { caseRegistrationSchema } from './central/cases';
import { caseDraftDataSchema } from './caseDraft';
import { defineChannel, defineEvent } from './defineChannel';

/**
 * The case form and the cached cases, as the counter window sees them (docs/cases.md). Drafts
 * live only on this PC; a submitted case goes to the central server through the outbox
 * (`case.register`) and its number arrives when the server has applied it.
 */

const instant = z.iso.datetime();

export const caseDraftSchema = z.object({
  draftId: z.uuid(),
  data: caseDraftDataSchema,
  createdAt: instant,
  updatedAt: instant,
});
export type CaseDraft = z.infer<typeof caseDraftSchema>;

/** A draft in the list of drafts to resume: enough to recognise it, PESEL masked. */
export const caseDraftSummarySchema = z.object({
  draftId: z.uuid(),
  caseTypeId: z.string().nullable(),
  /** `Kowalski Jan` as typed so far; empty when no name is typed yet. */
  applicantName: z.string(),
  peselMasked: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  updatedAt: instant,
});
export type CaseDraftSummary = z.infer<typeof caseDraftSummarySchema>;

/**
 * pending: in the outbox, no number yet; registered: the server gave its number;
 * rejected: the server refused it for good (the reason says why; the sync panel lists it).
 */
export const caseStatusSchema = z.enum(['pending', 'registered', 'rejected']);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const caseRecordSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string().nullable(),
  status: caseStatusSchema,
  rejectedReason: z.string().nullable(),
  caseTypeId: z.string(),
  ticketNumber: z.string().nullable(),
  feeGrosze: z.int().min(0),
  submittedAt: instant,
  /** The case as registered; null once the cache has deleted its personal data (retention). */
  registration: caseRegistrationSchema.nullable(),
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;

/** One search hit: PESEL masked, the name as registered. */
export const caseSummarySchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string().nullable(),
  status: caseStatusSchema,
  caseTypeId: z.string(),
  applicantName: z.string(),
  peselMasked: z.string().nullable(),
  submittedAt: instant,
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

const draftRef = z.object({ draftId: z.uuid() }).strict();

export const casesChannels = {
  'cases:createDraft': defineChannel({
    summary:
      'Start a case draft (optionally for the served ticket, with its case type and checklist).',
    request: z.object({ data: caseDraftDataSchema.prefault({}) }).strict(),
    response: caseDraftSchema,
    errorCodes: ['no-session'],
  }),
  'cases:saveDraft': defineChannel({
    summary: 'Save what is typed in a draft, at once (every change of the form).',
    request: z.object({ draftId: z.uuid(), data: caseDraftDataSchema }).strict(),
    response: z.object({ draftId: z.uuid(), updatedAt: instant }),
    errorCodes: ['no-session', 'unknown-draft'],
  }),
  'cases:getDraft': defineChannel({
    summary: 'One draft, to resume it.',
    request: draftRef,
    response: caseDraftSchema,
    errorCodes: ['no-session', 'unknown-draft'],
  }),
  'cases:listDrafts': defineChannel({
    summary: 'The logged-in clerk’s drafts on this PC, newest first.',
    request: z.object({}).strict(),
    response: z.object({ drafts: z.array(caseDraftSummarySchema) }),
    errorCodes: ['no-session'],
  }),
  'cases:discardDraft': defineChannel({
    summary: 'Delete a draft the clerk no longer needs.',
    request: draftRef,
    response: z.object({ discarded: z.literal(true) }),
    errorCodes: ['no-session', 'unknown-draft'],
  }),
  'cases:submit': defineChannel({
    summary:
      'Validate a draft as a whole and register it through the outbox; `invalid-case` lists every problem at its field.',
    request: draftRef,
    response: caseRecordSchema,
    errorCodes: ['no-session', 'unknown-draft', 'invalid-case'],
  }),
  'cases:get': defineChannel({
    summary: 'One cached case, with its number once the server has given it.',
    request: z.object({ caseId: z.uuid() }).strict(),
    response: caseRecordSchema,
    errorCodes: ['no-session', 'unknown-case'],
  }),
  'cases:search': defineChannel({
    summary:
      'Search the cached cases by PESEL, name or case number (a prefix), as the clerk types.',
    request: z
      .object({
        query: z.string().max(100),
        limit: z.int().min(1).max(50).default(20),
      })
      .strict(),
    response: z.object({ results: z.array(caseSummarySchema) }),
    errorCodes: ['no-session'],
  }),
} as const;

export const casesEvents = {
  'cases:changed': defineEvent({
    summary: 'A cached case changed: its number arrived, or the server rejected it.',
    payload: z.object({
      caseId: z.uuid(),
      status: caseStatusSchema,
      caseNumber: z.string().nullable(),
    }),
  }),
} as const;
