import path from 'node:path';
import { safeStorage } from 'electron';
import { workstationIdentitySchema } from '../../common/contract/enrolment';
import { fileIdentityStore, parseIdentity } from '../enrolment/fileIdentityStore';
import { readFileIfExists, writeSecretFile } from '../enrolment/identityFile';
import { IdentityStoreError, type IdentityStore } from '../enrolment/identityStore';
import type { Logger } from '../logging/logger';

export const IDENTITY_BLOB_FILE = 'workstation-identity.bin';

/**
 * The Electron app's identity store: the identity encrypted with the OS's key store through
 * safeStorage (DPAPI on Windows, the Keychain on macOS, the Secret Service or KWallet on
 * Linux), in `<dataDir>/workstation-identity.bin`. On Windows it refuses to store when
 * encryption is unavailable. On Linux without a keyring it falls back to the browser host's
 * file (mode 0600, not encrypted) and says so in the log and the info panel.
 */
export function safeStorageIdentityStore(dataDir: string, logger: Logger): IdentityStore {
  const file = path.join(dataDir, IDENTITY_BLOB_FILE);
  const available = safeStorage.isEncryptionAvailable();
  if (!available && process.platform === 'linux') {
    const warning =
      'No keyring is available (GNOME Keyring, KWallet): the workstation identity is kept unencrypted in a file only this user may read.';
    logger.warn({ dataDir }, warning);
    return fileIdentityStore(dataDir, { warning });
  }
  // Linux's "basic_text" backend encrypts with a fixed key: better than nothing, not much.
  const weakBackend =
    process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  const warning = weakBackend
    ? 'No keyring is available: safeStorage encrypts the workstation identity with a fixed key.'
    : null;
  return {
    kind: 'safe-storage',
    location: file,
    warning,
    read() {
      const blob = readFileIfExists(file);
      if (blob === null) return null;
      let text: string;
      try {
        text = safeStorage.decryptString(blob);
      } catch (error) {
        throw new IdentityStoreError(
          `${file} cannot be decrypted by this Windows/OS user (${error instanceof Error ? error.message : String(error)}): re-enrol this PC.`,
        );
      }
      return parseIdentity(text, file);
    },
    write(identity) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new IdentityStoreError(
          'The operating system offers no encryption for this user (safeStorage): the identity is not stored.',
        );
      }
      const text = JSON.stringify(workstationIdentitySchema.parse(identity));
      writeSecretFile(file, safeStorage.encryptString(text));
    },
  };
}
