import type { Logger } from '../logging/logger';
import type { Updater } from '../updates/updater';

/** The part of electron-updater's AppUpdater the app uses (a fake one in tests). */
export type AppUpdaterLike = {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  logger: {
    info(message?: unknown): void;
    warn(message?: unknown): void;
    error(message?: unknown): void;
    debug?(message: string): void;
  } | null;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{
    isUpdateAvailable: boolean;
    updateInfo: { version: string };
    downloadPromise?: Promise<unknown> | null;
  } | null>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'update-downloaded', listener: (event: { version: string }) => void): unknown;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
};

/**
 * electron-updater on the generic feed of this PC's central server (`<central>/updates/<channel>`,
 * set here at run time: the URL in electron-builder.yml is a placeholder, each city has its own
 * server). It downloads in the background and never installs on its own, not even at quit: the
 * update service (main/updates) decides when.
 */
export function updaterFromAppUpdater(
  appUpdater: AppUpdaterLike,
  url: string,
  logger: Logger,
): Updater {
  appUpdater.setFeedURL({ provider: 'generic', url });
  appUpdater.autoDownload = true;
  appUpdater.autoInstallOnAppQuit = false;
  appUpdater.allowDowngrade = false;
  appUpdater.logger = {
    info: (message?: unknown) => logger.info({ component: 'updater' }, String(message)),
    warn: (message?: unknown) => logger.warn({ component: 'updater' }, String(message)),
    error: (message?: unknown) => logger.error({ component: 'updater' }, String(message)),
    debug: (message: string) => logger.debug({ component: 'updater' }, message),
  };
  // Errors also reject checkForUpdates (and reach the logger); without a listener, an emitted
  // 'error' would be thrown.
  appUpdater.on('error', () => undefined);
  return {
    canInstall: true,
    async check() {
      const result = await appUpdater.checkForUpdates();
      // A failed download is logged (above) and tried again at the next check.
      result?.downloadPromise?.catch(() => undefined);
      return result?.isUpdateAvailable ? result.updateInfo.version : null;
    },
    onDownloaded(listener) {
      appUpdater.on('update-downloaded', (event) => listener(event.version));
    },
    install() {
      // Silent (the per-machine installer still asks Windows for an administrator once),
      // and the app starts again after it.
      appUpdater.quitAndInstall(true, true);
    },
  };
}
