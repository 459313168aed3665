import { z } from 'zod';
import { caseRegistrationSchema } from './cases';
import { endOfDayReportSchema, paymentRecordMutationSchema } from './payments';
import {
  caseMarkReadySchema,
  lockerDepositMutationSchema,
  lockerTransitionMutationSchema,
} from './lockers';
import { referenceEntitySchemas } from './reference';

/**
 * The sync protocol (docs/sync-api.md). Push: a counter PC sends its outbox as mutations, each
 * with an id it made itself; the server applies each id at most once and answers a replay with
 * the first answer. Pull: the server returns what changed since the PC's cursor, in pages.
 */

// ---- mutations (push) -------------------------------------------------------------------------

/** A visit served while the central server was unreachable: the resident's paper ticket number. */
export const manualVisitSchema = z.strictObject({
  siteId: z.string().min(1),
  counterNumber: z.int().min(1).max(999),
  ticketNumber: z.string().regex(/^[A-Z]{1,2}\d{1,4}$/, 'a ticket number such as B017'),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  clerkLogin: z.string().min(1),
  note: z.string().max(500),
});
export type ManualVisit = z.infer<typeof manualVisitSchema>;

/** Every kind of mutation, with the schema of its payload. Each domain adds its own here. */
export const mutationPayloadSchemas = {
  'visit.recordManual': manualVisitSchema,
  'case.register': caseRegistrationSchema,
  'payment.record': paymentRecordMutationSchema,
  'payment.endOfDay': endOfDayReportSchema,
  'case.markReady': caseMarkReadySchema,
  'locker.deposit': lockerDepositMutationSchema,
  'locker.transition': lockerTransitionMutationSchema,
} as const;
export type MutationType = keyof typeof mutationPayloadSchemas;
export const mutationTypeSchema = z.enum([
  'visit.recordManual',
  'case.register',
  'payment.record',
  'payment.endOfDay',
  'case.markReady',
  'locker.deposit',
  'locker.transition',
]);

/** What `visit.recordManual` answers when applied: the id the visit is kept under. */
export const manualVisitResultSchema = z.strictObject({ visitId: z.uuid() });

export const mutationSchema = z.strictObject({
  /** Made by the counter PC (a UUID) when it wrote the change: the key of at-most-once. */
  id: z.uuid(),
  /**
   * One of `mutationTypeSchema`'s, but any name passes the request check: a type this server
   * does not know (a newer PC) is that one mutation `rejected`, not the whole batch refused.
   */
  type: z.string().min(1).max(100),
  payload: z.unknown(),
  /** When the clerk made the change, by the PC's clock. */
  createdAt: z.iso.datetime(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const PUSH_BATCH_LIMIT = 500;

export const pushRequestSchema = z.strictObject({
  mutations: z.array(mutationSchema).min(1).max(PUSH_BATCH_LIMIT),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({
    id: z.uuid(),
    status: z.literal('applied'),
    result: z.record(z.string(), z.unknown()),
  }),
  /** Refused for good (its payload breaks a rule): the PC shows it as failed, with the reason. */
  z.object({ id: z.uuid(), status: z.literal('rejected'), reason: z.string() }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(mutationResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---- changes (pull) ---------------------------------------------------------------------------

const changeOf = <K extends keyof typeof referenceEntitySchemas>(entity: K) =>
  z.object({
    entity: z.literal(entity),
    id: z.string(),
    /** The change's position in the server's feed; the PC's cursor moves past it. */
    seq: z.string().regex(/^\d+$/),
    deleted: z.boolean(),
    data: referenceEntitySchemas[entity].nullable(),
  });

export const changeSchema = z.discriminatedUnion('entity', [
  changeOf('site'),
  changeOf('department'),
  changeOf('category'),
  changeOf('counter'),
  changeOf('caseType'),
]);
export type Change = z.infer<typeof changeSchema>;

export const PULL_PAGE_LIMIT = 5000;

export const pullQuerySchema = z.strictObject({
  /** The last seq the PC has applied; `0` (or absent) for everything. */
  after: z.string().regex(/^\d+$/).default('0'),
  limit: z.coerce.number().int().min(1).max(PULL_PAGE_LIMIT).default(1000),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const pullResponseSchema = z.object({
  /**
   * The feed's identity: random, made once per central store. A cursor belongs to one feed; when
   * the id is not the one the PC pulled its cursor from (the store was replaced), the PC drops
   * its mirror and pulls from `0`.
   */
  feedId: z.string().min(1).max(100),
  changes: z.array(changeSchema),
  /** Pass as `after` for the next page. */
  cursor: z.string().regex(/^\d+$/),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
