import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WIRE_TOKEN_PARAM } from '../../common/contract';
import { contentSecurityPolicy } from '../app/contentSecurityPolicy';
import type { EventHub } from '../app/eventHub';
import type { IpcDispatch } from '../ipc/ipcDispatcher';
import type { Logger } from '../logging/logger';
import { attachIpcWebSocket } from './ipcWebSocket';
import { readStaticFile } from './staticFiles';

export const BRIDGE_SCRIPT_PATH = '/okienko-bridge.js';

export type BrowserHostServerOptions = {
  rendererDir: string;
  bridgeScriptFile: string;
  token: string;
  dispatch: IpcDispatch;
  hub: EventHub;
  logger: Logger;
  port?: number;
};

/**
 * Serves the built renderer on 127.0.0.1 and carries IPC over a WebSocket on the same origin.
 * index.html gets the bridge script ahead of the app: that script plays the Electron preload's
 * part, so the renderer's code is the same in both hosts.
 */
export async function startBrowserHostServer(options: BrowserHostServerOptions) {
  const { rendererDir, logger } = options;
  let origin = '';
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file =
      url.pathname === BRIDGE_SCRIPT_PATH
        ? readBridge(options.bridgeScriptFile)
        : readStaticFile(rendererDir, url.pathname);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const isHtml = file.contentType.startsWith('text/html');
    const body = isHtml ? injectBridge(file.body.toString('utf8')) : file.body;
    response.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Security-Policy': contentSecurityPolicy([origin.replace(/^http/, 'ws')]),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': isHtml ? 'no-store' : 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });

  const socket = attachIpcWebSocket({
    server,
    origin: () => origin,
    token: options.token,
    dispatch: options.dispatch,
    hub: options.hub,
    logger,
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    /** The address to open: it carries the token the bridge needs, once. */
    appUrl: (route = '/counter') => `${origin}/?${WIRE_TOKEN_PARAM}=${options.token}#${route}`,
    async close(): Promise<void> {
      socket.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBridge(file: string) {
  try {
    return { body: fs.readFileSync(file), contentType: 'text/javascript; charset=utf-8' };
  } catch {
    return null;
  }
}

function injectBridge(html: string): string {
  return html.replace('<head>', `<head>\n    <script src="${BRIDGE_SCRIPT_PATH}"></script>`);
}
