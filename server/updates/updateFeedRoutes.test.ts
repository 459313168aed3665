import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralApp } from '../http/centralContext';
import { rawGet } from '../testing/rawGet';
import { buildTestServer, openTestStore, storeKinds, type TestStore } from '../testing/testStores';

const FEED = `version: 1.2.0
files:
  - url: Okienko-Setup-1.2.0.exe
    sha512: c2hhNTEy
    size: 4096
path: Okienko-Setup-1.2.0.exe
sha512: c2hhNTEy
releaseDate: '2026-11-28T10:00:00.000Z'
`;

/** A RELEASES_DIR as IT fills it from `release/`, and a secret beside it never to be served. */
function fakeReleases(): { parent: string; releasesDir: string; installer: Buffer } {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-releases-'));
  const releasesDir = path.join(parent, 'releases');
  const channel = path.join(releasesDir, 'latest');
  fs.mkdirSync(channel, { recursive: true });
  const installer = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));
  fs.writeFileSync(path.join(channel, 'latest.yml'), FEED);
  fs.writeFileSync(path.join(channel, 'latest-linux.yml'), FEED.replaceAll('.exe', '.AppImage'));
  fs.writeFileSync(path.join(channel, 'Okienko-Setup-1.2.0.exe'), installer);
  fs.writeFileSync(path.join(channel, 'Okienko-Setup-1.2.0.exe.blockmap'), 'blockmap');
  fs.writeFileSync(path.join(channel, '.env'), 'SECRET=1');
  fs.writeFileSync(path.join(channel, 'notes.txt'), 'internal notes');
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'not for the feed');
  return { parent, releasesDir, installer };
}

describe.each(storeKinds)('the release feed at /updates/ (%s)', (kind) => {
  let test: TestStore;
  let app: CentralApp;
  let none: CentralApp;
  let releases: ReturnType<typeof fakeReleases>;

  beforeAll(async () => {
    test = await openTestStore(kind);
    releases = fakeReleases();
    app = await buildTestServer(test.store, {
      demoData: false,
      releasesDir: releases.releasesDir,
    });
    none = await buildTestServer(test.store, { demoData: false });
  });
  afterAll(async () => {
    await app.close();
    await none.close();
    await test.dispose();
    fs.rmSync(releases.parent, { recursive: true, force: true });
  });

  it('serves latest.yml to anyone, as YAML that is never cached stale', async () => {
    const response = await app.inject({ method: 'GET', url: '/updates/latest/latest.yml' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/yaml; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers.etag).toBeDefined();
    expect(response.body).toBe(FEED);

    // electron-updater adds a cache-busting query; the Linux feed sits beside the Windows one.
    const linux = await app.inject({
      method: 'GET',
      url: '/updates/latest/latest-linux.yml?noCache=1abc',
    });
    expect(linux.statusCode).toBe(200);
    expect(linux.body).toContain('Okienko-Setup-1.2.0.AppImage');
  });

  it('answers 304 to a check whose ETag still matches', async () => {
    const first = await app.inject({ method: 'GET', url: '/updates/latest/latest.yml' });
    const again = await app.inject({
      method: 'GET',
      url: '/updates/latest/latest.yml',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('serves the installer whole and by byte ranges (the differential download)', async () => {
    const whole = await app.inject({
      method: 'GET',
      url: '/updates/latest/Okienko-Setup-1.2.0.exe',
    });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('application/vnd.microsoft.portable-executable');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.rawPayload.equals(releases.installer)).toBe(true);

    const part = await app.inject({
      method: 'GET',
      url: '/updates/latest/Okienko-Setup-1.2.0.exe',
      headers: { range: 'bytes=100-199' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100-199/4096');
    expect(part.rawPayload.equals(releases.installer.subarray(100, 200))).toBe(true);

    const blockmap = await app.inject({
      method: 'GET',
      url: '/updates/latest/Okienko-Setup-1.2.0.exe.blockmap',
    });
    expect(blockmap.statusCode).toBe(200);
    expect(blockmap.headers['content-type']).toBe('application/octet-stream');
  });

  it('answers 404 for a channel or a file that was not published', async () => {
    for (const url of [
      '/updates/beta/latest.yml',
      '/updates/latest/Okienko-Setup-9.9.9.exe',
      '/updates/latest/notes.txt',
      '/updates/latest/.env',
      '/updates/Latest/latest.yml',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 404 });
      expect(response.body).not.toContain('internal notes');
      expect(response.body).not.toContain('SECRET');
    }
  });

  it.each([
    '/updates/latest/../../secret.txt',
    '/updates/latest/..%2f..%2fsecret.txt',
    '/updates/%2e%2e/secret.txt',
    '/updates/latest/..%5c..%5csecret.txt',
    '/updates/latest//etc/passwd',
    '/updates/../secret.txt',
  ])('serves nothing outside the releases folder: %s', async (url) => {
    const response = await app.inject({ method: 'GET', url });
    expect([400, 403, 404]).toContain(response.statusCode);
    expect(response.body).not.toContain('not for the feed');
  });

  it('refuses a raw `..` path sent over a socket, which no client normalized', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    for (const rawPath of ['/updates/latest/../../secret.txt', '/updates/../../secret.txt']) {
      const { status, body } = await rawGet(port, rawPath);
      expect([403, 404], rawPath).toContain(status);
      expect(body).not.toContain('not for the feed');
    }
  });

  it('says so when the server publishes no releases', async () => {
    const response = await none.inject({ method: 'GET', url: '/updates/latest/latest.yml' });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('RELEASES_DIR');
  });
});
