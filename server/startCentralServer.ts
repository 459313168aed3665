import { buildCentralServer, type CentralServerOptions } from './buildCentralServer';

export type StartedCentralServer = { url: string; close(): Promise<void> };

/** Builds the central server and makes it listen; port 0 picks a free port. */
export async function startCentralServer(
  options: CentralServerOptions & { host: string; port: number },
): Promise<StartedCentralServer> {
  const app = await buildCentralServer(options);
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') {
    await app.close();
    throw new Error('The central server did not report a TCP address.');
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () => app.close(),
  };
}
