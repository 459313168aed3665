import fs from 'node:fs';
import path from 'node:path';

/**
 * Where a PC that talks to a remote central server found its workstation token before
 * provisioning: one line in `<dataDir>/workstation-token`, a plain file. Provisioning
 * (main/enrolment, docs/provisioning.md) moves it into the identity store on the first start
 * and deletes it; startWorkstation then gets the token from the store, and reads this file only
 * when started without one (tests that start the services alone). The embedded default needs
 * no file: the embedded server gives the token to the app directly.
 */
export const WORKSTATION_TOKEN_FILE = 'workstation-token';

export type WorkstationTokenRead =
  { token: string; file: string } | { token: null; file: string; problem: string };

export function readWorkstationTokenFile(dataDir: string): WorkstationTokenRead {
  const file = path.join(dataDir, WORKSTATION_TOKEN_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      token: null,
      file,
      problem:
        code === 'ENOENT'
          ? `${file} does not exist: this PC has no workstation token, so the central server will not accept its sync`
          : `${file} cannot be read (${code ?? String(error)})`,
    };
  }
  const token = text.trim();
  if (!/^[A-Za-z0-9._~+/=-]{16,512}$/.test(token)) {
    return {
      token: null,
      file,
      problem: `${file} does not hold a workstation token (expected one line of 16 to 512 letters, digits or ._~+/=-)`,
    };
  }
  return { token, file };
}

/**
 * The token this PC sends: the one the embedded server gave it, or for a remote server the one
 * in the token file. A missing or unusable file is logged (the app still works from its cache;
 * the status bar shows that the server refuses the sync), not fatal.
 */
export function workstationTokenFor(
  embeddedToken: string | null,
  dataDir: string,
  logger: { warn(fields: object, message: string): void },
): string | null {
  if (embeddedToken !== null) return embeddedToken || null;
  const read = readWorkstationTokenFile(dataDir);
  if (read.token === null)
    logger.warn({ file: read.file, problem: read.problem }, 'no workstation token');
  return read.token;
}
