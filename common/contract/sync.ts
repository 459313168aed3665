import { z } from 'zod';
import { defineChannel, defineEvent } from './defineChannel';

/**
 * The counter PC's sync, as the windows see it: whether the central server answers, how many
 * local changes wait to be sent, which ones the server refused (with its reason), and when the
 * last exchange succeeded. The HTTP side is `central/sync.ts`.
 */
/**
 * The live events link to the central server (pushed "something changed" hints): `connected`,
 * `connecting` (or waiting to try again), or `off` (not started, stopped, or no workstation token).
 */
export const liveConnectionStateSchema = z.enum(['connected', 'connecting', 'off']);
export type LiveConnectionState = z.infer<typeof liveConnectionStateSchema>;

export const syncStatusSchema = z.object({
  /** Whether the last exchange reached the central server; null before the first one. */
  online: z.boolean().nullable(),
  /** Local changes not yet confirmed by the server. */
  pending: z.int().nonnegative(),
  /** Changes the server refused: they wait for a person to retry or discard them. */
  failed: z.int().nonnegative(),
  lastPushAt: z.iso.datetime().nullable(),
  lastPullAt: z.iso.datetime().nullable(),
  /** Why the last exchange failed, for a person; null when it succeeded. */
  lastError: z.string().nullable(),
  /** Whether changes made elsewhere reach this PC at once (connected) or at the next poll. */
  live: liveConnectionStateSchema,
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const failedMutationSchema = z.object({
  /** The mutation's own id (the UUID the server knows it by). */
  id: z.uuid(),
  type: z.string(),
  createdAt: z.iso.datetime(),
  attempts: z.int().nonnegative(),
  /** The server's reason, word for word. */
  reason: z.string(),
  payload: z.unknown(),
});
export type FailedMutation = z.infer<typeof failedMutationSchema>;

const noPayload = z.object({}).strict();
const mutationRef = z.object({ id: z.uuid() }).strict();

export const syncChannels = {
  'sync:status': defineChannel({
    summary: 'Online or not, how many changes wait to be sent or failed, and the last sync times.',
    request: noPayload,
    response: syncStatusSchema,
  }),
  'sync:failedMutations': defineChannel({
    summary: 'The local changes the central server refused, oldest first, with its reasons.',
    request: noPayload,
    response: z.object({ mutations: z.array(failedMutationSchema) }),
  }),
  'sync:retryFailed': defineChannel({
    summary: 'Send a refused change again (after the cause was fixed on the server).',
    request: mutationRef,
    response: syncStatusSchema,
    errorCodes: ['not-logged-in', 'not-found'],
  }),
  'sync:discardFailed': defineChannel({
    summary: 'Give up a refused change for good (supervisor or admin only; logged with who).',
    request: mutationRef,
    response: syncStatusSchema,
    errorCodes: ['not-logged-in', 'forbidden', 'not-found'],
  }),
  'sync:syncNow': defineChannel({
    summary: 'Push the outbox and pull reference changes now, whatever the backoff says.',
    request: noPayload,
    response: syncStatusSchema,
  }),
} as const;

export const syncEvents = {
  'sync:statusChanged': defineEvent({
    summary: 'The sync status changed: a change was queued, sent or refused, or the link changed.',
    payload: syncStatusSchema,
  }),
} as const;
