import {
  channels,
  events,
  isChannelName,
  isEventName,
  issuesFromZod,
  describeIssues,
  type ChannelName,
  type ClerkApi,
  type EventName,
  type IpcResult,
} from '../common/contract';
import { z } from 'zod';

/** What a host must provide to carry the contract: Electron's ipcRenderer or a WebSocket. */
export type ClerkTransport = {
  invoke(channel: ChannelName, payload: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
};

/**
 * Builds `window.clerk` from the contract over a transport. Only the contract's channel and
 * event names pass; every answer and event is parsed with its schema on arrival, so the
 * renderer only ever sees data of the declared shape.
 */
export function createClerkApi(transport: ClerkTransport): ClerkApi {
  async function invoke(channel: string, payload: unknown): Promise<IpcResult<unknown>> {
    if (!isChannelName(channel)) {
      return failure('unknown-channel', `There is no IPC channel named "${channel}".`);
    }
    let raw: unknown;
    try {
      raw = await transport.invoke(channel, payload);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return failure('unavailable', `The app's main process did not answer ${channel}: ${reason}`);
    }
    return parseResult(channel, raw);
  }

  function on(event: string, listener: (payload: unknown) => void): () => void {
    if (!isEventName(event)) throw new Error(`There is no event named "${event}".`);
    const schema = events[event].payload;
    return transport.subscribe(event, (payload) => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) listener(parsed.data);
      else
        console.warn(
          `Dropped a malformed ${event} event: ${describeIssues(issuesFromZod(parsed.error))}`,
        );
    });
  }

  return { invoke, on } as ClerkApi;
}

function parseResult(channel: ChannelName, raw: unknown): IpcResult<unknown> {
  const definition = channels[channel];
  const envelope = z
    .discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), value: definition.response }),
      z.object({ ok: z.literal(false), error: definition.error }),
    ])
    .safeParse(raw);
  if (envelope.success) return envelope.data as IpcResult<unknown>;
  return failure(
    'internal',
    `The answer to ${channel} does not match the contract: ${describeIssues(issuesFromZod(envelope.error))}`,
  );
}

function failure(code: string, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}
