import { z } from 'zod';

/**
 * Live events from the central server (WebSocket `/api/v1/events?after=<id>`). Ids grow; a client
 * that reconnects with the last id it saw gets what it missed, then the live stream.
 */
export const liveEventTypeSchema = z.enum(['reference.changed', 'mutation.applied']);

export const liveEventSchema = z.object({
  id: z.string().regex(/^\d+$/),
  type: liveEventTypeSchema,
  at: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;

export const LIVE_EVENTS_PATH = '/api/v1/events';
