import net from 'node:net';

/**
 * A network label printer as the tests see it: listens on 127.0.0.1 (port 0 = any free one) and
 * keeps the bytes of each connection, complete once the sender half-closed it.
 */
export async function startTcpSink(port = 0) {
  const jobs: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      jobs.push(Buffer.concat(chunks));
      socket.end();
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The sink has no port.');
  return {
    port: address.port,
    /** The bytes of every finished connection, in the order they ended. */
    jobs: (): readonly Buffer[] => [...jobs],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export type TcpSink = Awaited<ReturnType<typeof startTcpSink>>;

/** A port nothing listens on (taken, then let go): a network printer that is switched off. */
export async function closedPort(): Promise<number> {
  const sink = await startTcpSink();
  await sink.close();
  return sink.port;
}

/** Polls until `check` holds (real I/O finishes on its own time), failing after a deadline. */
export async function waitUntil(check: () => boolean, what: string, deadlineMs = 5000) {
  const end = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting until ${what}.`);
    await new Promise<void>((resolve) => setTimeout(resolve, 5));
  }
}
