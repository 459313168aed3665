import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkstationIdentity } from '../../common/contract/enrolment';
import { createSilentLogger } from '../logging/logger';

// A stand-in for Electron's safeStorage: "encrypts" by reversing the bytes, so the test can see
// that the file holds no plain token, and switches availability per test.
const safeStorage = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  getSelectedStorageBackend(): string {
    return this.backend;
  },
  encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
  decryptString: (blob: Buffer) => Buffer.from(blob).reverse().toString('utf8'),
}));
vi.mock('electron', () => ({ safeStorage }));

const { safeStorageIdentityStore, IDENTITY_BLOB_FILE } = await import('./safeStorageIdentityStore');

const identity: WorkstationIdentity = {
  schemaVersion: 1,
  centralUrl: 'https://okienko.um.example.pl',
  token: 'tok_0123456789abcdefghij',
  workstation: { id: 'um-slaska-06', siteId: 'slaska', counterNumber: 6 },
  enrolledAt: '2026-11-28T10:00:00.000Z',
};

describe('the Electron identity store', () => {
  let dir: string;
  const platform = process.platform;
  const onPlatform = (value: NodeJS.Platform) =>
    Object.defineProperty(process, 'platform', { value, configurable: true });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-identity-'));
    safeStorage.available = true;
    safeStorage.backend = 'gnome_libsecret';
  });
  afterEach(() => {
    onPlatform(platform);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the identity encrypted in workstation-identity.bin and reads it back', () => {
    const store = safeStorageIdentityStore(dir, createSilentLogger());
    expect(store.read()).toBeNull();
    store.write(identity);
    const blob = fs.readFileSync(path.join(dir, IDENTITY_BLOB_FILE));
    expect(blob.toString('utf8')).not.toContain(identity.token);
    expect(store.read()).toEqual(identity);
    expect(store).toMatchObject({ kind: 'safe-storage', warning: null });
  });

  it('refuses to store on Windows when the OS offers no encryption', () => {
    onPlatform('win32');
    safeStorage.available = false;
    const store = safeStorageIdentityStore(dir, createSilentLogger());
    expect(() => store.write(identity)).toThrow(/no encryption/);
    expect(fs.existsSync(path.join(dir, IDENTITY_BLOB_FILE))).toBe(false);
  });

  it('falls back to a file only its user may read on Linux without a keyring, with a warning', () => {
    onPlatform('linux');
    safeStorage.available = false;
    const store = safeStorageIdentityStore(dir, createSilentLogger());
    expect(store.kind).toBe('file');
    expect(store.warning).toMatch(/No keyring/);
    store.write(identity);
    expect(store.read()).toEqual(identity);
  });

  it('asks for a re-enrolment when the blob cannot be decrypted', () => {
    fs.writeFileSync(path.join(dir, IDENTITY_BLOB_FILE), 'garbage');
    const store = safeStorageIdentityStore(dir, createSilentLogger());
    expect(() => store.read()).toThrow(/re-enrol/);
  });
});
