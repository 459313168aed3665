import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../logging/logger';
import { updaterFromAppUpdater, type AppUpdaterLike } from './appUpdaterAdapter';

/** electron-updater's AppUpdater as far as the app uses it, recording what it is told. */
class FakeAppUpdater extends EventEmitter implements AppUpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  logger: AppUpdaterLike['logger'] = null;
  feed: { provider: 'generic'; url: string } | null = null;
  installs: [boolean | undefined, boolean | undefined][] = [];
  offered: string | null = '1.2.0';
  setFeedURL(options: { provider: 'generic'; url: string }) {
    this.feed = options;
  }
  async checkForUpdates() {
    return {
      isUpdateAvailable: this.offered !== null,
      updateInfo: { version: this.offered ?? '1.0.0' },
      downloadPromise: Promise.reject(new Error('download failed')),
    };
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

const logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
} as unknown as Logger;

describe('electron-updater behind the update service', () => {
  it('reads the central server’s feed, downloads by itself and never installs at quit', () => {
    const appUpdater = new FakeAppUpdater();
    const updater = updaterFromAppUpdater(appUpdater, 'http://central:8420/updates/latest', logger);
    expect(appUpdater.feed).toEqual({
      provider: 'generic',
      url: 'http://central:8420/updates/latest',
    });
    expect(appUpdater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: false,
      allowDowngrade: false,
    });
    expect(updater.canInstall).toBe(true);
    // An 'error' event has a listener: it is not thrown at the app.
    expect(() => appUpdater.emit('error', new Error('offline'))).not.toThrow();
  });

  it('reports the version offered and the one downloaded, and installs silently then restarts', async () => {
    const appUpdater = new FakeAppUpdater();
    const updater = updaterFromAppUpdater(appUpdater, 'http://c/updates/latest', logger);
    expect(await updater.check()).toBe('1.2.0');
    appUpdater.offered = null;
    expect(await updater.check()).toBeNull();

    const downloaded: string[] = [];
    updater.onDownloaded((version) => downloaded.push(version));
    appUpdater.emit('update-downloaded', { version: '1.2.0' });
    expect(downloaded).toEqual(['1.2.0']);

    expect(appUpdater.installs).toEqual([]);
    updater.install();
    expect(appUpdater.installs).toEqual([[true, true]]);
  });
});
