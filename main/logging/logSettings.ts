import fs from 'node:fs';
import path from 'node:path';
import { logsConfigSchema } from '../../common/contract/workstationConfig';
import { CONFIG_FILE_NAME } from '../config/workstationConfigFile';

export type LogSettings = {
  level: string;
  maxFileBytes: number;
  maxAgeDays: number;
  maxFiles: number;
};

/**
 * The `logs` section of the workstation config, read before anything else starts (the log must
 * exist to record what goes wrong with the rest). Leniently: a missing file, bad JSON or a bad
 * section gives the defaults, and the config loader that runs next reports the problem.
 */
export function readLogSettings(dataDir: string): LogSettings {
  let section: unknown = {};
  try {
    const text = fs.readFileSync(path.join(dataDir, CONFIG_FILE_NAME), 'utf8');
    const json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown;
    if (typeof json === 'object' && json !== null && 'logs' in json) section = json.logs;
  } catch {
    // No config yet (the first run writes it) or one the config loader will refuse.
  }
  const parsed = logsConfigSchema.safeParse(section);
  const logs = parsed.success ? parsed.data : logsConfigSchema.parse({});
  return {
    level: logs.level,
    maxFileBytes: logs.maxFileSizeMb * 1024 * 1024,
    maxAgeDays: logs.maxAgeDays,
    maxFiles: logs.maxFiles,
  };
}
