import electronUpdater from 'electron-updater';
import type { Logger } from '../logging/logger';
import type { CreateUpdater } from '../updates/startUpdateService';
import { updaterFromAppUpdater } from './appUpdaterAdapter';

/** The packaged app's updater: electron-updater's, for this platform (NSIS, AppImage, deb). */
export function electronUpdaterFor(logger: Logger): CreateUpdater {
  // The getter makes the platform's updater on first access (it needs Electron's app ready).
  return ({ url }) => updaterFromAppUpdater(electronUpdater.autoUpdater, url, logger);
}
