import fs from 'node:fs';
import path from 'node:path';
import type { WorkstationSettings } from '../../common/contract/central/enrolment';
import {
  cachedCentralSettingsSchema,
  type CachedCentralSettings,
} from '../../common/contract/enrolment';
import {
  workstationConfigSchema,
  type WorkstationConfig,
} from '../../common/contract/workstationConfig';
import { writeSecretFile } from './identityFile';

/** The last central-owned settings this PC got: it starts with them when the server is away. */
export const CENTRAL_SETTINGS_FILE = 'central-settings.json';

export function readCachedCentralSettings(dataDir: string): CachedCentralSettings | null {
  const file = path.join(dataDir, CENTRAL_SETTINGS_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = cachedCentralSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeCachedCentralSettings(dataDir: string, cached: CachedCentralSettings): void {
  // Not secret, but written the same atomic way: a half-written file would lose the settings.
  writeSecretFile(
    path.join(dataDir, CENTRAL_SETTINGS_FILE),
    `${JSON.stringify(cached, null, 2)}\n`,
  );
}

/**
 * The config this PC runs with: the file's central address, locale and local sections, with
 * the site, counter, terminal and printer the central server owns. A PC that is no counter
 * (counterNumber null) keeps the file's number. Settings the config's schema refuses (a site id
 * in another format) leave the file's config as it is: `problem` says why.
 */
export function mergeCentralSettings(
  config: WorkstationConfig,
  settings: WorkstationSettings,
): { config: WorkstationConfig; problem: string | null } {
  const merged = workstationConfigSchema.safeParse({
    ...config,
    site: { id: settings.workstation.siteId },
    counter: { number: settings.workstation.counterNumber ?? config.counter.number },
    terminal: settings.terminal ?? config.terminal,
    printer: settings.printer ?? config.printer,
  });
  if (!merged.success) {
    return {
      config,
      problem: `the central server's settings do not fit this version's config (${merged.error.issues[0]?.message ?? 'invalid'})`,
    };
  }
  return { config: merged.data, problem: null };
}

/** Whether two fetches differ in what this PC would run with. */
export function sameDeviceSettings(a: WorkstationSettings, b: WorkstationSettings): boolean {
  const { updatedAt: _a, ...left } = a;
  const { updatedAt: _b, ...right } = b;
  return JSON.stringify(left) === JSON.stringify(right);
}
