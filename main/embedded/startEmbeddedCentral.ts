import path from 'node:path';
import type { StartEmbeddedCentral } from '../app/startWorkstation';
import { ensureWorkstation } from '../../server/auth/workstations';
import { startCentralServer } from '../../server/startCentralServer';
import { openCentralStore } from '../../server/store/openCentralStore';

/** The embedded server's store, beside the app's own database in the data folder. */
export const EMBEDDED_CENTRAL_FILE_NAME = 'central.sqlite';

/**
 * The embedded default: with no central address configured, the app runs the central server
 * itself, on 127.0.0.1 and a free port, with the demo data, so a single PC (a demo, a test)
 * needs nothing else. It registers this PC as a workstation of its configured site and
 * counter (the same id on every start, a fresh token each time) and hands the token back.
 * This is the one place outside server/ that imports it (the lint rule allows only this folder).
 */
export function embeddedCentralStarter(version: string): StartEmbeddedCentral {
  return async ({ dataDir, logger, site, counter }) => {
    const store = await openCentralStore({
      kind: 'sqlite',
      file: path.join(dataDir, EMBEDDED_CENTRAL_FILE_NAME),
    });
    try {
      const server = await startCentralServer({
        host: '127.0.0.1',
        port: 0,
        version,
        store,
        demoData: true,
        // Warnings (failed logins, faults) reach the PC's log; every sync request would be noise.
        logger: logger.child({ component: 'central' }, { level: 'warn' }),
        // Bundled into out/main/*.js: the hall's kiosk and display pages are in out/hall.
        hallDir: path.resolve(import.meta.dirname, '../hall'),
        // Release files a tester drops in the data folder, served at /updates/ (docs/updates.md).
        releasesDir: path.join(dataDir, 'releases'),
      });
      const { token } = await ensureWorkstation(store, {
        id: `embedded-${site.id}-${counter.number}`,
        siteId: site.id,
        counterNumber: counter.number,
      });
      return {
        url: server.url,
        workstationToken: token,
        close: async () => {
          await server.close();
          await store.close();
        },
      };
    } catch (error) {
      await store.close();
      throw error;
    }
  };
}
