// The feed as electron-updater itself reads it: its generic provider (the code the packaged
// app runs, minus Electron's network stack) against the central server, listening for real.
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralServer, type StartedCentralServer } from '../startCentralServer';
import { openTestStore, type TestStore } from '../testing/testStores';

// electron-updater's own modules, and builder-util-runtime as electron-updater resolves it.
const updaterRequire = createRequire(createRequire(import.meta.url).resolve('electron-updater'));
type UpdateInfo = { version: string; files: { url: string }[]; path: string };
type GenericProviderType = new (
  configuration: { provider: 'generic'; url: string },
  updater: { channel: string | null; isAddNoCacheQuery: boolean },
  runtimeOptions: {
    executor: unknown;
    platform: NodeJS.Platform;
    isUseMultipleRangeRequest: boolean;
  },
) => {
  getLatestVersion(): Promise<UpdateInfo>;
  resolveFiles(info: UpdateInfo): { url: URL }[];
};
const { GenericProvider } = updaterRequire('./providers/GenericProvider') as {
  GenericProvider: GenericProviderType;
};
const { HttpExecutor } = updaterRequire('builder-util-runtime') as {
  HttpExecutor: new () => {
    request(options: object): Promise<string | null>;
    createRequest(options: object, callback: (response: unknown) => void): unknown;
  };
};

/** Plain Node HTTP in place of Electron's net module (what ElectronHttpExecutor uses). */
class NodeExecutor extends HttpExecutor {
  override createRequest(options: object, callback: (response: unknown) => void) {
    return http.request(options, callback);
  }
}

const WINDOWS_FEED = `version: 1.2.0
files:
  - url: Okienko-Setup-1.2.0.exe
    sha512: ${Buffer.alloc(64, 1).toString('base64')}
    size: 2048
path: Okienko-Setup-1.2.0.exe
sha512: ${Buffer.alloc(64, 1).toString('base64')}
releaseDate: '2026-11-28T10:00:00.000Z'
`;
const LINUX_FEED = WINDOWS_FEED.replaceAll('Okienko-Setup-1.2.0.exe', 'Okienko-1.2.0.AppImage');

describe('electron-updater reading the central server’s feed', () => {
  let test: TestStore;
  let server: StartedCentralServer;
  let dir: string;

  beforeAll(async () => {
    test = await openTestStore('sqlite');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-releases-'));
    fs.mkdirSync(path.join(dir, 'latest'));
    fs.writeFileSync(path.join(dir, 'latest', 'latest.yml'), WINDOWS_FEED);
    fs.writeFileSync(path.join(dir, 'latest', 'latest-linux.yml'), LINUX_FEED);
    fs.writeFileSync(path.join(dir, 'latest', 'Okienko-Setup-1.2.0.exe'), Buffer.alloc(2048, 7));
    server = await startCentralServer({
      host: '127.0.0.1',
      port: 0,
      version: 'test',
      store: test.store,
      demoData: false,
      releasesDir: dir,
    });
  });
  afterAll(async () => {
    await server.close();
    await test.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The provider as the app configures it: `<central>/updates/latest`, the default channel. */
  function provider(platform: NodeJS.Platform) {
    return new GenericProvider(
      { provider: 'generic', url: `${server.url}/updates/latest` },
      { channel: null, isAddNoCacheQuery: true },
      { executor: new NodeExecutor(), platform, isUseMultipleRangeRequest: true },
    );
  }

  it('finds the Windows installer in latest.yml, at a URL the server serves', async () => {
    const windows = provider('win32');
    const info = await windows.getLatestVersion();
    expect(info.version).toBe('1.2.0');
    const [file] = windows.resolveFiles(info);
    expect(file!.url.href).toBe(`${server.url}/updates/latest/Okienko-Setup-1.2.0.exe`);
    const download = await fetch(file!.url, { headers: { range: 'bytes=0-9' } });
    expect(download.status).toBe(206);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(Buffer.alloc(10, 7));
  });

  it('finds the AppImage in latest-linux.yml', async () => {
    const linux = provider('linux');
    const info = await linux.getLatestVersion();
    expect(info.version).toBe('1.2.0');
    expect(linux.resolveFiles(info)[0]!.url.pathname).toBe(
      '/updates/latest/Okienko-1.2.0.AppImage',
    );
  });
});
