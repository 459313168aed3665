import { WebSocket } from 'ws';
import {
  WIRE_PATH,
  WIRE_TOKEN_PARAM,
  type ChannelName,
  type ChannelRequest,
  type ChannelResponse,
  type IpcResult,
} from '../../common/contract';

/**
 * Talks to a browser host's IPC over its WebSocket as the page's bridge does, for a test that
 * drives a host process without a browser. `appUrl` is the address the host prints
 * (`okienko:listening {"url": …}`): it carries the origin and the per-run token.
 */
export async function connectIpcSocket(appUrl: string) {
  const url = new URL(appUrl);
  const token = url.searchParams.get(WIRE_TOKEN_PARAM);
  if (!token) throw new Error(`no token in ${appUrl}`);
  const socketUrl = `${url.origin.replace(/^http/, 'ws')}${WIRE_PATH}?${WIRE_TOKEN_PARAM}=${token}`;
  const ws = new WebSocket(socketUrl, { origin: url.origin });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let nextId = 1;
  const waiting = new Map<number, (result: IpcResult<unknown>) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; id?: number; result?: unknown };
    if (frame.type !== 'result' || frame.id === undefined) return;
    waiting.get(frame.id)?.(frame.result as IpcResult<unknown>);
    waiting.delete(frame.id);
  });
  return {
    invoke<C extends ChannelName>(channel: C, payload: ChannelRequest<C>) {
      const id = nextId++;
      return new Promise<IpcResult<unknown>>((resolve) => {
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
      });
    },
    /** The value of a call that must succeed; throws with the error otherwise. */
    async value<C extends ChannelName>(
      channel: C,
      payload: ChannelRequest<C>,
    ): Promise<ChannelResponse<C>> {
      const result = await this.invoke(channel, payload);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as ChannelResponse<C>;
    },
    close(): void {
      ws.terminate();
    },
  };
}

export type IpcSocketClient = Awaited<ReturnType<typeof connectIpcSocket>>;
