import { z } from 'zod';

/**
 * Live events from the central server (WebSocket `/api/v1/events?after=<id>`). Ids grow; a client
 * that reconnects with the last id it saw gets what it missed, then the live stream.
 */
export const liveEventTypeSchema = z.enum([
  'reference.changed',
  'mutation.applied',
  /** The queue of a site changed (`queueChangedEventSchema` in queue.ts): refresh its view. */
  'queue.changed',
  /** A supervisor's message to a counter (`counterMessageSchema` in supervisor.ts). */
  'counter.message',
  /** A counter PC's report changed a device's state (`workstationStatusEventSchema`). */
  'workstation.status',
]);

export const liveEventSchema = z.object({
  id: z.string().regex(/^\d+$/),
  type: liveEventTypeSchema,
  at: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;

export const LIVE_EVENTS_PATH = '/api/v1/events';

/**
 * How the server ends a live events socket, besides the standard codes (1001: the server is
 * stopping, reconnect with `after`; 1011: it failed, reconnect with `after` after a pause). A
 * refused upgrade answers HTTP 401 (not authorized) or 400 (`after` is not an event id).
 */
export const LIVE_EVENTS_CLOSE_CODES = {
  /** The client read too slowly and the server's buffer for it filled: reconnect with `after`. */
  tooSlow: 4408,
  /** `after` is older than retention or was never issued here: pull in full, reconnect without it. */
  resumeExpired: 4410,
} as const;
