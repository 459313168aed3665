import { z } from 'zod';
import { isCivilDate } from '../../domain/civilDate';
import { compartmentSizeSchema, depositIdSchema } from '../lockerLabel';

/**
 * The urzędomat (issue 9, docs/lockers.md): deposits of ready documents in the locker, as the
 * locker desk PC sends them to the central server (mutations `locker.deposit`,
 * `locker.transition`, `case.markReady`; docs/sync-api.md) and as the server answers the desk's
 * pull of ready cases. The pickup code is made by the server and never travels in any of these.
 */

const instant = z.iso.datetime();
const civilDate = z.string().refine(isCivilDate, { error: 'must be a YYYY-MM-DD date' });
const siteId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase id: letters, digits, . _ -');
const login = z.string().min(1).max(100);

/**
 * A deposit's life:
 * - prepared: the clerk chose the case and the compartment size; the deposit id exists;
 * - label-printed: the label's print job finished;
 * - deposited: the envelope is in the locker; the server makes the pickup code and notifies;
 * - picked-up: the resident took it (the locker's report, or a supervisor's confirmation);
 * - expired: the last day of pickup passed and it still lies in the locker;
 * - returned: taken back to the office (from any state before picked-up).
 */
export const depositStateSchema = z.enum([
  'prepared',
  'label-printed',
  'deposited',
  'picked-up',
  'expired',
  'returned',
]);
export type DepositState = z.infer<typeof depositStateSchema>;

/** The states a deposit may move to from each state; a final state has none. */
export const depositTransitions: Readonly<Record<DepositState, readonly DepositState[]>> = {
  prepared: ['label-printed', 'returned'],
  // A reprint keeps it label-printed; deposited only after a label exists.
  'label-printed': ['deposited', 'returned'],
  deposited: ['picked-up', 'expired', 'returned'],
  expired: ['picked-up', 'returned'],
  'picked-up': [],
  returned: [],
};

export function canTransition(from: DepositState, to: DepositState): boolean {
  return depositTransitions[from].includes(to);
}

/** States in which a case counts as deposited (a second deposit of it is refused). */
export const activeDepositStates: readonly DepositState[] = [
  'prepared',
  'label-printed',
  'deposited',
  'expired',
];

/** Days a deposit waits in the locker: the last day of pickup is the deposit date + this. */
export const LOCKER_PICKUP_DAYS = 7;

/** How the resident hears of the pickup code. */
export const notificationChannelSchema = z.enum(['sms', 'email']);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

/** The locker routes (docs/sync-api.md, docs/lockers.md). */
export const lockerPaths = {
  /** GET (locker, supervisor): the ready cases and the site's deposits, for the desk's cache. */
  readyCases: (siteId: string) => `/api/v1/lockers/sites/${encodeURIComponent(siteId)}/ready-cases`,
  patterns: {
    readyCases: '/api/v1/lockers/sites/:siteId/ready-cases',
  },
} as const;

// ---- mutations (push) -------------------------------------------------------------------------

/** `case.markReady`: the case's result (the document) is ready to be handed over. */
export const caseMarkReadySchema = z.strictObject({
  caseId: z.uuid(),
  at: instant,
  by: login,
});
export type CaseMarkReady = z.infer<typeof caseMarkReadySchema>;

export const caseMarkedReadyResultSchema = z.strictObject({
  caseId: z.uuid(),
  /** The first time it was marked ready; a repeat keeps it. */
  readyAt: instant,
});
export type CaseMarkedReadyResult = z.infer<typeof caseMarkedReadyResultSchema>;

/**
 * `locker.deposit`: the desk prepared a deposit (state `prepared`). The deposit id, made by the
 * desk PC, is also the barcode printed on the label. The dates are the label's: fixed when the
 * deposit is prepared, the last day of pickup `depositDate + LOCKER_PICKUP_DAYS`.
 */
export const lockerDepositMutationSchema = z
  .strictObject({
    depositId: depositIdSchema,
    caseId: z.uuid(),
    /** The site of the locker (`focha`). */
    siteId,
    compartmentSize: compartmentSizeSchema,
    depositDate: civilDate,
    lastPickupDay: civilDate,
    at: instant,
    by: login,
  })
  .refine((deposit) => deposit.lastPickupDay >= deposit.depositDate, {
    error: 'the last pickup day cannot come before the deposit date',
    path: ['lastPickupDay'],
  });
export type LockerDepositMutation = z.infer<typeof lockerDepositMutationSchema>;

/** `locker.transition`: a deposit moved to another state. */
export const lockerTransitionMutationSchema = z.strictObject({
  depositId: depositIdSchema,
  to: depositStateSchema.exclude(['prepared']),
  at: instant,
  by: login,
});
export type LockerTransitionMutation = z.infer<typeof lockerTransitionMutationSchema>;

/** What both locker mutations answer when applied: the deposit's state on the server. */
export const lockerDepositResultSchema = z.strictObject({
  depositId: depositIdSchema,
  state: depositStateSchema,
  /** The channel the pickup code went out by, once deposited; never the code. */
  notifiedBy: notificationChannelSchema.nullable(),
});
export type LockerDepositResult = z.infer<typeof lockerDepositResultSchema>;

// ---- the desk's pull (GET /api/v1/lockers/sites/:siteId/ready-cases) --------------------------

/**
 * A case ready for the locker: locker-eligible by its case type, marked ready, with no active
 * deposit. Only the applicant's initials and which contact channels exist (not the contact).
 */
export const readyCaseSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string().min(1),
  caseTypeId: z.string().min(1),
  /** The site the case was registered at (any site: the locker serves them all). */
  siteId: z.string().min(1),
  applicantInitials: z.string().max(10),
  contact: z.object({ sms: z.boolean(), email: z.boolean() }),
  readyAt: instant,
});
export type ReadyCase = z.infer<typeof readyCaseSchema>;

/** A deposit of the locker's site as the server knows it: the desk learns of pickups from it. */
export const serverDepositStateSchema = z.object({
  depositId: depositIdSchema,
  caseId: z.uuid(),
  state: depositStateSchema,
  stateAt: instant,
  stateBy: z.string(),
  lastPickupDay: civilDate,
  /** For a deposit in the locker (deposited, expired), by the server's day; null otherwise. */
  expiry: z.enum(['ok', 'expiring', 'expired']).nullable(),
});
export type ServerDepositState = z.infer<typeof serverDepositStateSchema>;

export const readyCasesResponseSchema = z.object({
  siteId: z.string().min(1),
  /** The server's clock when it answered. */
  asOf: instant,
  cases: z.array(readyCaseSchema),
  /** The site's deposits not yet final, and those that became final in the last 30 days. */
  deposits: z.array(serverDepositStateSchema),
});
export type ReadyCasesResponse = z.infer<typeof readyCasesResponseSchema>;
