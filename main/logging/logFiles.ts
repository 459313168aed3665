import fs from 'node:fs';
import path from 'node:path';

/** The log folder inside the app's data folder. */
export const LOGS_DIR_NAME = 'logs';

/** `okienko.log` (before rotation existed) and `okienko.2026-11-28.3.log` (pino-roll's names). */
const LOG_FILE_PATTERN = /^okienko(?:\.\d{4}-\d{2}-\d{2}\.\d+)?\.log$/;

export function logsDirOf(dataDir: string): string {
  return path.join(dataDir, LOGS_DIR_NAME);
}

export type LogFile = { name: string; file: string; size: number; modifiedAt: Date };

/** The log files in the folder, oldest first; other files there are not ours and are left. */
export function listLogFiles(logsDir: string): LogFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(logsDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: LogFile[] = [];
  for (const name of names) {
    if (!LOG_FILE_PATTERN.test(name)) continue;
    const file = path.join(logsDir, name);
    try {
      const stat = fs.statSync(file);
      if (stat.isFile()) files.push({ name, file, size: stat.size, modifiedAt: stat.mtime });
    } catch {
      // Deleted by the rotation between readdir and stat: not there, so not listed.
    }
  }
  return files.sort((a, b) => a.modifiedAt.getTime() - b.modifiedAt.getTime());
}

/**
 * Deletes the log files last written more than `maxAgeDays` before `now`, never the one being
 * written. pino-roll limits how many files are kept but not how old they may be, so age is
 * ours: a PC that logs little keeps two weeks, not months of small files.
 */
export function removeExpiredLogFiles(options: {
  logsDir: string;
  maxAgeDays: number;
  now: Date;
  currentFile: string | null;
}): string[] {
  const oldest = options.now.getTime() - options.maxAgeDays * 24 * 60 * 60 * 1000;
  const removed: string[] = [];
  for (const log of listLogFiles(options.logsDir)) {
    if (log.file === options.currentFile || log.modifiedAt.getTime() >= oldest) continue;
    try {
      fs.rmSync(log.file, { force: true });
      removed.push(log.name);
    } catch {
      // Held open by another program (Windows): the next sweep tries again.
    }
  }
  return removed;
}
