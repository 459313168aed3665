import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStaticFile } from './staticFiles';

let base: string;
let root: string;

beforeEach(() => {
  // base/renderer is what the host serves; base/secret sits beside it and must stay unreachable.
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-static-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Okienko</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app-1a2b.js'), 'console.log("okienko")');
  fs.writeFileSync(path.join(root, 'assets', 'Logo.SVG'), '<svg/>');
  fs.writeFileSync(path.join(base, 'secret'), 'PESEL 44051401359');
});

afterEach(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

describe('readStaticFile', () => {
  it('serves index.html for /', () => {
    const file = readStaticFile(root, '/');
    expect(file?.contentType).toBe('text/html; charset=utf-8');
    expect(file?.body.toString()).toContain('<title>Okienko</title>');
  });

  it('serves a nested asset with its content type', () => {
    const file = readStaticFile(root, '/assets/app-1a2b.js');
    expect(file?.contentType).toBe('text/javascript; charset=utf-8');
    expect(file?.body.toString()).toBe('console.log("okienko")');
  });

  it('finds the content type whatever the case of the extension', () => {
    expect(readStaticFile(root, '/assets/Logo.SVG')?.contentType).toBe('image/svg+xml');
  });

  it('answers a missing file as missing', () => {
    expect(readStaticFile(root, '/assets/nothing.js')).toBeNull();
  });

  it.each([
    ['a parent reference', '/../secret'],
    ['an encoded parent reference', '/%2e%2e/secret'],
    ['an encoded slash and parent reference', '/..%2fsecret'],
    ['a parent reference deeper in the path', '/assets/../../secret'],
    ['an encoded NUL', '/index.html%00.js'],
    ['a directory', '/assets'],
    ['a directory with a trailing slash', '/assets/'],
    ['a malformed percent-encoding', '/%E0%A4%A'],
  ])('refuses %s', (_case, urlPath) => {
    expect(readStaticFile(root, urlPath)).toBeNull();
  });

  it('refuses an absolute path to a file outside the root', () => {
    expect(readStaticFile(root, `//${path.join(base, 'secret')}`)).toBeNull();
    expect(readStaticFile(root, encodeURIComponent(path.join(base, 'secret')))).toBeNull();
  });

  it('refuses a symlink inside the root that points outside it', () => {
    fs.symlinkSync(path.join(base, 'secret'), path.join(root, 'assets', 'link.js'));
    fs.symlinkSync(base, path.join(root, 'up'), 'dir');
    expect(readStaticFile(root, '/assets/link.js')).toBeNull();
    expect(readStaticFile(root, '/up/secret')).toBeNull();
  });

  it('serves a symlink that stays inside the root', () => {
    fs.symlinkSync(path.join(root, 'assets', 'app-1a2b.js'), path.join(root, 'alias.js'));
    expect(readStaticFile(root, '/alias.js')?.body.toString()).toBe('console.log("okienko")');
  });
});
