import path from 'node:path';
import { issuesFromZod, describeIssues } from '../../common/contract/ipcError';
import {
  workstationIdentitySchema,
  type WorkstationIdentity,
} from '../../common/contract/enrolment';
import { IdentityStoreError, type IdentityStore } from './identityStore';
import { readFileIfExists, writeSecretFile } from './identityFile';

export const IDENTITY_JSON_FILE = 'workstation-identity.json';

/** The identity as JSON text, checked against the contract. */
export function parseIdentity(text: string, file: string): WorkstationIdentity {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new IdentityStoreError(`${file} is not valid JSON: re-enrol this PC.`);
  }
  const parsed = workstationIdentitySchema.safeParse(value);
  if (!parsed.success) {
    throw new IdentityStoreError(
      `${file} does not hold a workstation identity (${describeIssues(issuesFromZod(parsed.error))}): re-enrol this PC.`,
    );
  }
  return parsed.data;
}

/**
 * The browser host's identity store: `<dataDir>/workstation-identity.json`, mode 0600, so only
 * the OS user running the host may read it. Not encrypted: whoever is that user (or root) can
 * read the token; the Electron app encrypts it instead (docs/provisioning.md).
 */
export function fileIdentityStore(
  dataDir: string,
  options: { warning?: string | null } = {},
): IdentityStore {
  const file = path.join(dataDir, IDENTITY_JSON_FILE);
  return {
    kind: 'file',
    location: file,
    warning: options.warning ?? null,
    read() {
      const bytes = readFileIfExists(file);
      return bytes === null ? null : parseIdentity(bytes.toString('utf8'), file);
    },
    write(identity) {
      writeSecretFile(
        file,
        `${JSON.stringify(workstationIdentitySchema.parse(identity), null, 2)}\n`,
      );
    },
  };
}
