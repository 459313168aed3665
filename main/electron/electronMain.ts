import path from 'node:path';
import { app, dialog } from 'electron';
import { APP_NAME, APP_VERSION } from '../app/buildInfo';
import { readinessLine, startupFailure } from '../app/startupMessages';
import { embeddedCentralStarter } from '../embedded/startEmbeddedCentral';
import { startWithEnrolment, type EnrollingWorkstation } from '../enrolment/startWithEnrolment';
import { createLogger } from '../logging/logger';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { connectIpc } from './ipcBridge';
import { printLabelPageInHiddenWindow } from './systemLabelPrinter';
import { safeStorageIdentityStore } from './safeStorageIdentityStore';
import { applySecurityBaseline } from './security';
import { createWindowManager } from './windows';
import { electronUpdaterFor } from './electronUpdater';

// The Electron shell: windows, the IPC transport and the security handlers. Everything else is
// the same main-process services the browser host runs (main/app/startWorkstation.ts).

const outDir = path.resolve(import.meta.dirname, '..');

// `--data-dir DIR` (as the browser host takes it) puts the config, database and logs elsewhere:
// a second test profile, a support person's copy of a PC's folder. Set before anything reads it.
const dataDirArg = process.argv.indexOf('--data-dir');
if (dataDirArg > 0 && process.argv[dataDirArg + 1]) {
  app.setPath('userData', path.resolve(process.argv[dataDirArg + 1]!));
}

if (!app.requestSingleInstanceLock()) {
  // A second start on the same PC: the first instance brings its window forward instead.
  app.quit();
} else {
  registerAppScheme();
  let workstation: EnrollingWorkstation | null = null;
  const windows = createWindowManager(path.join(outDir, 'preload', 'electronPreload.cjs'));

  app.on('second-instance', () => windows.show('counter'));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!workstation) return;
    event.preventDefault();
    const closing = workstation;
    workstation = null;
    void closing.close().finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      applySecurityBaseline();
      serveRenderer(path.join(outDir, 'renderer'));
      const dataDir = app.getPath('userData');
      const logger = await createLogger({ dataDir });
      // A PC not yet enrolled at its remote central server shows the first-start screen first.
      workstation = await startWithEnrolment({
        identityStore: safeStorageIdentityStore(dataDir, logger),
        dataDir,
        host: 'electron',
        appName: APP_NAME,
        appVersion: APP_VERSION,
        logger,
        startEmbeddedCentral: embeddedCentralStarter(APP_VERSION),
        openWindow: (kind) => {
          windows.show(kind);
          return { opened: true, route: `#/${kind}` };
        },
        onReadiness: (event) => console.log(readinessLine(event)),
        printLabelPage: printLabelPageInHiddenWindow,
        // Run from source there is nothing to install: the feed is only read (docs/updates.md).
        ...(app.isPackaged ? { createUpdater: electronUpdaterFor(logger) } : {}),
        pickFolder: async (title) => {
          const picked = await dialog.showOpenDialog({
            title,
            properties: ['openDirectory', 'createDirectory'],
          });
          return picked.canceled ? null : (picked.filePaths[0] ?? null);
        },
      });
      connectIpc(workstation.dispatch, workstation.hub, logger);
      windows.show('counter');
    })
    .catch((error: unknown) => {
      const message = startupFailure(error);
      console.error(message);
      dialog.showErrorBox(APP_NAME, message);
      app.exit(1);
    });
}
