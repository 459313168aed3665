import fs from 'node:fs';
import type { Logger } from '../logging/logger';
import { readWorkstationTokenFile, WORKSTATION_TOKEN_FILE } from '../sync/workstationTokenFile';
import type { IdentityStore } from './identityStore';

/**
 * Before provisioning, a PC talking to a remote server found its token in a plain
 * `<dataDir>/workstation-token` file. On the first start with an identity store the token moves
 * into the store and the plain file is deleted, so it does not lie around readable. The
 * workstation's id is not in the old file: the central settings tell it at the next fetch.
 */
export function migrateWorkstationTokenFile(input: {
  dataDir: string;
  store: IdentityStore;
  centralUrl: string;
  now: Date;
  logger: Pick<Logger, 'info' | 'warn'>;
}): boolean {
  const { dataDir, store, logger } = input;
  const read = readWorkstationTokenFile(dataDir);
  if (read.token === null) return false;
  if (store.read() !== null) {
    // The store wins; the old file is only a leftover.
    fs.rmSync(read.file, { force: true });
    logger.info({ file: read.file }, 'removed a leftover plain workstation-token file');
    return false;
  }
  store.write({
    schemaVersion: 1,
    centralUrl: input.centralUrl,
    token: read.token,
    workstation: null,
    enrolledAt: input.now.toISOString(),
  });
  fs.rmSync(read.file, { force: true });
  logger.info(
    { from: read.file, to: store.location, storage: store.kind },
    `moved the plain ${WORKSTATION_TOKEN_FILE} file into the identity store`,
  );
  return true;
}
