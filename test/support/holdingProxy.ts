import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of the central server that can let the server apply a push and then
 * hold its answer back, forever: the moment a counter PC is most fragile (the server has the
 * batch; the PC does not know it yet). A test kills the PC there.
 */
export async function startHoldingProxy(target: () => string) {
  let holding = false;
  const heldWaiters: (() => void)[] = [];
  let held = 0;

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void forward(request, Buffer.concat(chunks)).then(
        async (answer) => {
          const body = Buffer.from(await answer.arrayBuffer());
          if (holding && request.url?.startsWith('/api/v1/sync/push')) {
            held += 1;
            for (const waiter of heldWaiters.splice(0)) waiter();
            return; // The answer never leaves.
          }
          const headers: Record<string, string> = {};
          for (const name of ['content-type', 'retry-after']) {
            const value = answer.headers.get(name);
            if (value !== null) headers[name] = value;
          }
          response.writeHead(answer.status, headers).end(body);
        },
        () => response.writeHead(502).end(),
      );
    });
  });

  async function forward(request: http.IncomingMessage, body: Buffer): Promise<Response> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) {
        headers[name] = value;
      }
    }
    return fetch(`${target()}${request.url ?? '/'}`, {
      method: request.method ?? 'GET',
      headers,
      ...(body.length > 0 ? { body } : {}),
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    /** From now on the server applies each push, and its answer is kept back. */
    holdPushAnswers(): void {
      holding = true;
    },
    /** Resolves once the server has applied a push whose answer is held. */
    pushHeld(): Promise<void> {
      if (held > 0) return Promise.resolve();
      return new Promise((resolve) => heldWaiters.push(resolve));
    },
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
