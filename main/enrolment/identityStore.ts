import type { WorkstationIdentity } from '../../common/contract/enrolment';

/**
 * Where this PC keeps its identity at the central server (its workstation token). The host
 * chooses: Electron encrypts it with the OS's key store (main/electron/safeStorageIdentityStore),
 * the browser host keeps a file only its user may read (fileIdentityStore). Nothing else reads
 * the identity: the rest of main gets the token from startWithEnrolment.
 */
export interface IdentityStore {
  readonly kind: 'safe-storage' | 'file';
  /** The file, for IT (docs/provisioning.md). */
  readonly location: string;
  /** Why this storage is weaker than it should be (e.g. no keyring on Linux); null when fine. */
  readonly warning: string | null;
  /** The stored identity; null when there is none. Throws when one exists but is unusable. */
  read(): WorkstationIdentity | null;
  /** Replaces the stored identity; throws when it cannot be kept safely. */
  write(identity: WorkstationIdentity): void;
}

/** The identity's file is unreadable or damaged: re-enrol the PC (docs/provisioning.md). */
export class IdentityStoreError extends Error {
  override readonly name = 'IdentityStoreError';
}
