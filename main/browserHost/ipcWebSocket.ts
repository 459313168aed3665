import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  WIRE_PATH,
  WIRE_TOKEN_PARAM,
  describeIssues,
  issuesFromZod,
  wireInvokeSchema,
  type WireFromHost,
} from '../../common/contract';
import type { EventHub } from '../app/eventHub';
import type { IpcDispatch } from '../ipc/ipcDispatcher';
import type { Logger } from '../logging/logger';

/** Frames larger than this are not IPC calls a counter window makes. */
const MAX_FRAME_BYTES = 1024 * 1024;

/**
 * Carries the IPC contract over a WebSocket. The sender check of the Electron shell becomes:
 * the connection must come from the host's own origin and carry the per-run token; each frame
 * is parsed before the dispatcher sees it, and a malformed one gets a typed error, not a crash.
 */
export function attachIpcWebSocket(options: {
  server: Server;
  origin: () => string;
  token: string;
  dispatch: IpcDispatch;
  hub: EventHub;
  logger: Logger;
}): { close(): void } {
  const { server, token, dispatch, hub, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const refusal =
      url.pathname !== WIRE_PATH
        ? '404 Not Found'
        : request.headers.origin !== options.origin()
          ? '403 Forbidden'
          : !tokenMatches(url.searchParams.get(WIRE_TOKEN_PARAM), token)
            ? '401 Unauthorized'
            : null;
    if (refusal) {
      logger.warn(
        { path: url.pathname, origin: request.headers.origin, refusal },
        'IPC socket refused',
      );
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        logger.warn({}, 'IPC socket sent a binary frame; ignored');
        return;
      }
      void answer(ws, data.toString());
    });
  });

  async function answer(ws: WebSocket, text: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      logger.warn({}, 'IPC socket sent a frame that is not JSON; ignored');
      return;
    }
    const frame = wireInvokeSchema.safeParse(json);
    if (!frame.success) {
      // Without a valid id there is no call to answer; say so in the log.
      logger.warn({ issues: describeIssues(issuesFromZod(frame.error)) }, 'IPC frame rejected');
      return;
    }
    const result = await dispatch(frame.data.channel, frame.data.payload);
    send(ws, { type: 'result', id: frame.data.id, result });
  }

  const unsubscribe = hub.subscribe((event, payload) => {
    for (const client of wss.clients) send(client, { type: 'event', event, payload });
  });

  return {
    close(): void {
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

function send(ws: WebSocket, frame: WireFromHost): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
}

function tokenMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
