import { z } from 'zod';

/**
 * The browser host carries the IPC contract over a WebSocket; these are its frames. Both ends
 * parse what they receive with them (the host: requests from a page; the bridge: answers and
 * events from the host).
 */
export const wireInvokeSchema = z
  .object({
    type: z.literal('invoke'),
    id: z.int().nonnegative(),
    channel: z.string().max(100),
    payload: z.unknown(),
  })
  .strict();
export type WireInvoke = z.infer<typeof wireInvokeSchema>;

export const wireFromHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.int().nonnegative(), result: z.unknown() }),
  z.object({ type: z.literal('event'), event: z.string().max(100), payload: z.unknown() }),
]);
export type WireFromHost = z.infer<typeof wireFromHostSchema>;

/** Where the browser host listens for the bridge, and the query parameter of its token. */
export const WIRE_PATH = '/ipc';
export const WIRE_TOKEN_PARAM = 'token';
