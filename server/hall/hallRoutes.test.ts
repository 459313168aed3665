import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralApp } from '../http/centralContext';
import { rawGet } from '../testing/rawGet';
import { buildTestServer, openTestStore, type TestStore } from '../testing/testStores';
import { HALL_CONTENT_SECURITY_POLICY } from './hallRoutes';

/** A fake build of the hall pages, and a secret beside it that must never be served. */
function fakeHallBuild(): { parent: string; hallDir: string } {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-hall-'));
  const hallDir = path.join(parent, 'hall');
  fs.mkdirSync(path.join(hallDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(hallDir, 'kiosk.html'), '<!doctype html><title>Kiosk</title>');
  fs.writeFileSync(path.join(hallDir, 'display.html'), '<!doctype html><title>Tablica</title>');
  fs.mkdirSync(path.join(hallDir, 'admin'));
  fs.writeFileSync(
    path.join(hallDir, 'admin', 'health.html'),
    '<!doctype html><title>Stan</title>',
  );
  fs.writeFileSync(path.join(hallDir, 'assets', 'kiosk-abc123.js'), 'console.log("kiosk")');
  fs.writeFileSync(path.join(hallDir, 'assets', '.env'), 'SECRET=1');
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'not for the hall');
  return { parent, hallDir };
}

describe('the hall pages at /hall/', () => {
  let test: TestStore;
  let app: CentralApp;
  let unbuilt: CentralApp;
  let build: { parent: string; hallDir: string };

  beforeAll(async () => {
    test = await openTestStore('sqlite');
    build = fakeHallBuild();
    app = await buildTestServer(test.store, { demoData: false, hallDir: build.hallDir });
    unbuilt = await buildTestServer(test.store, {
      demoData: false,
      hallDir: path.join(build.parent, 'never-built'),
    });
  });
  afterAll(async () => {
    await app.close();
    await unbuilt.close();
    await test.dispose();
    fs.rmSync(build.parent, { recursive: true, force: true });
  });

  it('serves the kiosk page to anyone, with the strict Content-Security-Policy and no caching', async () => {
    const response = await app.inject({ method: 'GET', url: '/hall/kiosk.html?site=slaska' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('<title>Kiosk</title>');
    expect(response.headers['content-security-policy']).toBe(HALL_CONTENT_SECURITY_POLICY);
    expect(HALL_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(HALL_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(HALL_CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves the IT team’s health page with the same policy (its data needs a login)', async () => {
    const response = await app.inject({ method: 'GET', url: '/hall/admin/health.html' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Stan</title>');
    expect(response.headers['content-security-policy']).toBe(HALL_CONTENT_SECURITY_POLICY);
    expect(
      (await unbuilt.inject({ method: 'GET', url: '/hall/admin/health.html' })).statusCode,
    ).toBe(404);
  });

  it('serves the display page and the built assets, the assets cached for good', async () => {
    const display = await app.inject({ method: 'GET', url: '/hall/display.html?site=slaska' });
    expect(display.statusCode).toBe(200);
    expect(display.body).toContain('<title>Tablica</title>');

    const script = await app.inject({ method: 'GET', url: '/hall/assets/kiosk-abc123.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toContain('immutable');
    expect(script.headers['content-security-policy']).toBe(HALL_CONTENT_SECURITY_POLICY);
  });

  it('sends the short form of a page address on to the page with the site', async () => {
    const response = await app.inject({ method: 'GET', url: '/hall/kiosk/slaska' });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('../kiosk.html?site=slaska');
    const display = await app.inject({ method: 'GET', url: '/hall/display/waszyngtona' });
    expect(display.headers.location).toBe('../display.html?site=waszyngtona');
    // Not a site id: no redirect carries it anywhere.
    const odd = await app.inject({ method: 'GET', url: '/hall/kiosk/%0d%0aSet-Cookie:x' });
    expect(odd.statusCode).toBe(404);
    expect(odd.headers.location).toBeUndefined();
  });

  it.each([
    '/hall/assets/../../secret.txt',
    '/hall/assets/..%2f..%2fsecret.txt',
    '/hall/assets/%2e%2e/%2e%2e/secret.txt',
    '/hall/assets/..\\..\\secret.txt',
    '/hall/assets//etc/passwd',
    '/hall/assets/.env',
    '/hall/../secret.txt',
    '/hall/secret.txt',
  ])('serves nothing outside the built pages: %s', async (url) => {
    const response = await app.inject({ method: 'GET', url });
    expect([403, 404]).toContain(response.statusCode);
    expect(response.body).not.toContain('not for the hall');
    expect(response.body).not.toContain('SECRET');
  });

  it('refuses a raw `..` path sent over a socket, which no client normalized', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    for (const rawPath of ['/hall/assets/../../secret.txt', '/hall/assets/..%5c..%5csecret.txt']) {
      const { status, body } = await rawGet(port, rawPath);
      expect(status, rawPath).toBe(403);
      expect(body).not.toContain('not for the hall');
    }
  });

  it('answers a clear 404 when the pages were not built, and an unknown page with the right addresses', async () => {
    const response = await unbuilt.inject({ method: 'GET', url: '/hall/kiosk.html?site=slaska' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toContain('npm run build');
    expect(response.body).toContain('nie zostały zbudowane');

    const unknown = await app.inject({ method: 'GET', url: '/hall/tablica.html' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('/hall/kiosk.html?site=');
    expect(unknown.body).toContain('/hall/display.html?site=');
  });

  it('picks up pages built after the server started', async () => {
    fs.mkdirSync(path.join(build.parent, 'late'));
    const late = await buildTestServer(test.store, {
      demoData: false,
      hallDir: path.join(build.parent, 'late'),
    });
    try {
      expect((await late.inject({ method: 'GET', url: '/hall/display.html' })).statusCode).toBe(
        404,
      );
      fs.writeFileSync(path.join(build.parent, 'late', 'display.html'), '<title>Nowa</title>');
      const response = await late.inject({ method: 'GET', url: '/hall/display.html' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('Nowa');
    } finally {
      await late.close();
    }
  });

  it('keeps the API as it was: the health route still answers and needs no page', async () => {
    const response = await unbuilt.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
  });
});
