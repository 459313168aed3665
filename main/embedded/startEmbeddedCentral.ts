import type { StartEmbeddedCentral } from '../app/startWorkstation';
import { startCentralServer } from '../../server/startCentralServer';

/**
 * The embedded default: with no central address configured, the app runs the central server
 * itself, on 127.0.0.1 and a free port, so a single PC (a demo, a test) needs nothing else.
 * This is the one place outside server/ that imports it (the lint rule allows only this folder).
 */
export function embeddedCentralStarter(version: string): StartEmbeddedCentral {
  return async () => {
    const server = await startCentralServer({
      host: '127.0.0.1',
      port: 0,
      version,
      store: 'sqlite',
      demoData: true,
    });
    return server;
  };
}
