import { z } from 'zod';
import { compartmentSizeSchema, depositIdSchema } from './lockerLabel';
import { depositStateSchema } from './central/lockers';
import { defineChannel, defineEvent } from './defineChannel';

/**
 * The locker desk (issue 9, docs/lockers.md): ready cases and their deposits in the urzędomat,
 * as the renderer sees them. Everything works offline: the ready cases come from a local cache
 * the desk pulls from the central server, the deposits live in the desk's database and each
 * change goes to the server through the outbox. The pickup code is never here.
 */

const instant = z.iso.datetime();
const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Why a case cannot be deposited:
 * - unknown-case: no case with this id or number among the ready cases nor on this PC;
 * - not-locker-eligible: its case type does not allow pickup from the locker;
 * - not-ready: its result is not marked ready yet;
 * - already-deposited: it has a deposit that is not returned or picked up;
 * - no-contact: the applicant left neither a phone number nor an e-mail address, so the pickup
 *   code cannot be sent;
 * - no-locker-at-site: this PC's site has no locker.
 */
export const depositRefusalSchema = z.enum([
  'unknown-case',
  'not-locker-eligible',
  'not-ready',
  'already-deposited',
  'no-contact',
  'no-locker-at-site',
]);
export type DepositRefusal = z.infer<typeof depositRefusalSchema>;

/** ok: in time; expiring: the last day of pickup is today or tomorrow; expired: it has passed. */
export const depositExpirySchema = z.enum(['ok', 'expiring', 'expired']);
export type DepositExpiry = z.infer<typeof depositExpirySchema>;

/** A case the locker can take, from the desk's cache. Initials only, no contact details. */
export const lockerReadyCaseSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string(),
  caseTypeId: z.string(),
  /** The case type's name in the UI's language, as the reference cache has it. */
  caseTypeName: z.string(),
  siteId: z.string(),
  applicantInitials: z.string(),
  contact: z.object({ sms: z.boolean(), email: z.boolean() }),
  readyAt: instant,
});
export type LockerReadyCase = z.infer<typeof lockerReadyCaseSchema>;

export const lockerReadyCasesSchema = z.object({
  cases: z.array(lockerReadyCaseSchema),
  /** When the cache was last filled from the central server; null: never. */
  refreshedAt: instant.nullable(),
});
export type LockerReadyCases = z.infer<typeof lockerReadyCasesSchema>;

export const depositHistoryEntrySchema = z.object({
  state: depositStateSchema,
  at: instant,
  by: z.string(),
});
export type DepositHistoryEntry = z.infer<typeof depositHistoryEntrySchema>;

/**
 * pending: a change waits in the outbox; synced: the server has every change; rejected: the
 * server refused one for good (`syncError` says why).
 */
export const depositSyncSchema = z.enum(['pending', 'synced', 'rejected']);
export type DepositSync = z.infer<typeof depositSyncSchema>;

export const lockerDepositSchema = z.object({
  depositId: depositIdSchema,
  /** The value of the label's barcodes: the deposit id itself. */
  barcode: z.string(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  caseTypeId: z.string(),
  applicantInitials: z.string(),
  /** The locker's site. */
  siteId: z.string(),
  compartmentSize: compartmentSizeSchema,
  state: depositStateSchema,
  stateAt: instant,
  depositDate: civilDate,
  lastPickupDay: civilDate,
  /** Computed today for a deposit in the locker (deposited / expired); null otherwise. */
  expiry: depositExpirySchema.nullable(),
  history: z.array(depositHistoryEntrySchema),
  sync: depositSyncSchema,
  syncError: z.string().nullable(),
});
export type LockerDeposit = z.infer<typeof lockerDepositSchema>;

export const caseDepositabilitySchema = z.object({
  caseId: z.uuid().nullable(),
  caseNumber: z.string().nullable(),
  depositable: z.boolean(),
  /** Null when depositable. */
  refusal: depositRefusalSchema.nullable(),
});
export type CaseDepositability = z.infer<typeof caseDepositabilitySchema>;

const depositRef = z.strictObject({ depositId: depositIdSchema });
const depositErrors = ['no-session', 'unknown-deposit', 'wrong-state'] as const;

/**
 * Which deposits to list: active: not final (prepared, label-printed, deposited, expired);
 * to-take-back: in the locker and expiring or expired; all: every deposit of the last 90 days.
 */
export const depositListFilterSchema = z.enum(['active', 'to-take-back', 'all']);
export type DepositListFilter = z.infer<typeof depositListFilterSchema>;

export const lockersChannels = {
  'lockers:readyCases': defineChannel({
    summary:
      'The ready, locker-eligible cases with no active deposit, from the desk’s cache (works offline).',
    request: z.strictObject({}),
    response: lockerReadyCasesSchema,
  }),
  'lockers:refreshReadyCases': defineChannel({
    summary: 'Pull the ready cases from the central server now, then answer the cache.',
    request: z.strictObject({}),
    response: lockerReadyCasesSchema,
    errorCodes: ['no-session', 'offline'],
  }),
  'lockers:checkCase': defineChannel({
    summary:
      'Whether a case (by id, or by the number typed or scanned) can be deposited, and why not.',
    request: z.union([
      z.strictObject({ caseId: z.uuid() }),
      z.strictObject({ caseNumber: z.string().trim().min(1).max(60) }),
    ]),
    response: caseDepositabilitySchema,
  }),
  'lockers:prepare': defineChannel({
    summary:
      'Prepare a deposit of a ready case in a compartment size: makes the deposit id (the barcode).',
    request: z.strictObject({ caseId: z.uuid(), compartmentSize: compartmentSizeSchema }),
    response: lockerDepositSchema,
    errorCodes: ['no-session', ...depositRefusalSchema.options],
  }),
  'lockers:deposit': defineChannel({
    summary: 'The envelope is in the locker: the server will send the resident the pickup code.',
    request: depositRef,
    response: lockerDepositSchema,
    errorCodes: depositErrors,
  }),
  'lockers:markPickedUp': defineChannel({
    summary: 'Record by hand that the resident picked the deposit up (the locker did not report).',
    request: depositRef,
    response: lockerDepositSchema,
    errorCodes: depositErrors,
  }),
  'lockers:returnToOffice': defineChannel({
    summary: 'The deposit was taken back to the office (expired, or withdrawn before pickup).',
    request: depositRef,
    response: lockerDepositSchema,
    errorCodes: depositErrors,
  }),
  'lockers:get': defineChannel({
    summary: 'One deposit with its dated history.',
    request: depositRef,
    response: lockerDepositSchema,
    errorCodes: ['unknown-deposit'],
  }),
  'lockers:list': defineChannel({
    summary: 'The desk’s deposits: active, to take back (expiring or expired), or all recent.',
    request: z.strictObject({ filter: depositListFilterSchema }),
    response: z.object({ deposits: z.array(lockerDepositSchema) }),
  }),
  'lockers:markReady': defineChannel({
    summary:
      'Mark a case’s result ready (from the case view): it becomes depositable if locker-eligible.',
    request: z.strictObject({ caseId: z.uuid() }),
    response: z.object({ caseId: z.uuid(), readyAt: instant }),
    errorCodes: ['no-session', 'unknown-case'],
  }),
  'lockers:caseReadiness': defineChannel({
    summary:
      'Whether a case is marked ready and its deposit under way, if any (for the case view).',
    request: z.strictObject({ caseId: z.uuid() }),
    response: z.object({
      caseId: z.uuid(),
      /** When it was marked ready, as this PC knows it; null: not marked (or not known here). */
      readyAt: instant.nullable(),
      /** The case type allows the locker (the reference data on this PC); null: type unknown. */
      lockerPickup: z.boolean().nullable(),
      deposit: lockerDepositSchema.nullable(),
    }),
  }),
} as const;

export const lockersEvents = {
  'lockers:depositChanged': defineEvent({
    summary: 'A deposit changed state or sync status (here, or from the server’s feed).',
    payload: lockerDepositSchema,
  }),
  'lockers:readyCasesChanged': defineEvent({
    summary: 'The ready-cases cache was refreshed from the central server.',
    payload: z.object({ refreshedAt: instant, count: z.int().min(0) }),
  }),
} as const;
