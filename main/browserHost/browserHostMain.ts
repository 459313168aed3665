import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { APP_NAME, APP_VERSION } from '../app/buildInfo';
import { defaultDataDir } from '../app/dataDir';
import { machineLine, readinessLine, startupFailure } from '../app/startupMessages';
import { embeddedCentralStarter } from '../embedded/startEmbeddedCentral';
import { fileIdentityStore } from '../enrolment/fileIdentityStore';
import { startWithEnrolment } from '../enrolment/startWithEnrolment';
import { createLogger } from '../logging/logger';
import { startBrowserHostServer } from './browserHostServer';

// The browser host: the same main-process services as the Electron app, with the renderer served
// to a browser on 127.0.0.1 and IPC carried over a WebSocket guarded by a per-run token.
// `node out/main/browserHost.js [--data-dir DIR] [--port N]`

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
  },
});
const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  process.exit(2);
}
const outDir = path.resolve(import.meta.dirname, '..');

try {
  const logger = await createLogger({ dataDir });
  const token = randomBytes(24).toString('base64url');
  let appUrl = (route: string) => route;
  // A PC not yet enrolled at its remote central server shows the first-start screen first.
  const host = await startWithEnrolment({
    // The browser host keeps the identity in a file only its user may read (mode 0600).
    identityStore: fileIdentityStore(dataDir),
    dataDir,
    host: 'browser',
    appName: APP_NAME,
    appVersion: APP_VERSION,
    logger,
    startEmbeddedCentral: embeddedCentralStarter(APP_VERSION),
    // A browser tab cannot open a window for itself: the renderer opens the route it is given.
    openWindow: (window) => ({ opened: false, route: `#/${window}` }),
    onReadiness: (event) => console.log(readinessLine(event)),
  });
  const server = await startBrowserHostServer({
    rendererDir: path.join(outDir, 'renderer'),
    bridgeScriptFile: path.join(outDir, 'preload', 'webSocketBridge.js'),
    token,
    port,
    dispatch: host.dispatch,
    hub: host.hub,
    logger,
  });
  appUrl = server.appUrl;
  console.log(machineLine('listening', { url: appUrl('/counter'), dataDir }));
  console.log(`Okienko is serving the counter window at ${appUrl('/counter')}`);
  console.log(`  supervisor window: ${appUrl('/supervisor')}`);
  // The hall's pages come from the central server (the embedded one, or the configured one).
  void host.started.then((workstation) => {
    const centralUrl = workstation.central.status().url;
    if (!centralUrl) return;
    const site = `?site=${encodeURIComponent(workstation.config.site.id)}`;
    console.log(
      `  hall pages: kiosk: ${centralUrl}/hall/kiosk.html${site}, display board: ${centralUrl}/hall/display.html${site}`,
    );
  });

  const stop = async () => {
    await server.close();
    await host.close();
    console.log(machineLine('stopped', {}));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
} catch (error) {
  console.error(startupFailure(error));
  process.exit(1);
}
