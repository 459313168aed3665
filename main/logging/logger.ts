import path from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import { maskPersonalFields } from '../../common/domain/personalFields';
import { maskText } from '../../common/domain/personalData';
import { listLogFiles, logsDirOf, removeExpiredLogFiles } from './logFiles';
import { readLogSettings, type LogSettings } from './logSettings';

export type { Logger } from 'pino';

export type LoggerOptions = {
  /** The app's data folder; the log goes to `<dataDir>/logs/okienko.<date>.<n>.log`. */
  dataDir: string;
  /** Overrides of the config's `logs` section (tests: tiny files). */
  settings?: Partial<LogSettings>;
  /** Also write to standard output (development). */
  echoToStdout?: boolean;
  /** The age sweep's clock (tests). */
  now?: () => Date;
};

export type OpenedLogger = {
  logger: Logger;
  logsDir: string;
  /** The file being written now. */
  currentFile(): string;
  /** Runs the age sweep now (it also runs at start and every hour). */
  removeExpired(): string[];
  /** Flushes and closes the file (tests; the app's log lives as long as the process). */
  close(): Promise<void>;
};

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * The pino options both the PC's logger and the central server's share: every logged object
 * has its personal fields masked by key (`maskPersonalFields`), and every line its PESELs,
 * e-mails, phone numbers, street addresses and postal codes masked by pattern on its way out.
 */
export function maskingLoggerOptions(): Pick<pino.LoggerOptions, 'formatters' | 'hooks'> {
  return {
    formatters: { log: (object) => maskPersonalFields(object) },
    hooks: { streamWrite: (line: string) => maskText(line) },
  };
}

/**
 * The structured log of a counter PC, in the data folder's `logs/`: a new file each day and
 * whenever the current one reaches its size (pino-roll), at most `maxFiles` kept, and files
 * older than `maxAgeDays` deleted. Written synchronously, so the lines before a crash are on
 * disk. Personal data is masked in every line (see `maskingLoggerOptions`).
 */
export async function openLogger(options: LoggerOptions): Promise<OpenedLogger> {
  const settings = { ...readLogSettings(options.dataDir), ...options.settings };
  const logsDir = logsDirOf(options.dataDir);
  const now = options.now ?? (() => new Date());
  const file = await pinoRoll({
    file: path.join(logsDir, 'okienko.log'),
    size: `${settings.maxFileBytes}b`,
    frequency: 'daily',
    dateFormat: 'yyyy-MM-dd',
    mkdir: true,
    sync: true,
    // With removeOtherLogFiles pino-roll counts every file in the folder, the current one too,
    // including those of earlier runs.
    limit: { count: settings.maxFiles, removeOtherLogFiles: true },
  });
  file.on('error', () => {
    // A failed rotation or clean-up must not take the app down; the next roll tries again.
  });
  const removeExpired = () =>
    removeExpiredLogFiles({
      logsDir,
      maxAgeDays: settings.maxAgeDays,
      now: now(),
      currentFile: file.file,
    });
  removeExpired();
  const sweep = setInterval(removeExpired, SWEEP_INTERVAL_MS);
  sweep.unref();

  const streams: pino.StreamEntry[] = [{ stream: file }];
  if (options.echoToStdout) streams.push({ stream: process.stdout });
  const logger = pino(
    {
      level: settings.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      ...maskingLoggerOptions(),
    },
    pino.multistream(streams),
  );
  return {
    logger,
    logsDir,
    currentFile: () => file.file,
    removeExpired,
    close: async () => {
      clearInterval(sweep);
      await new Promise<void>((resolve) => {
        file.once('close', () => resolve());
        file.end();
      });
    },
  };
}

/** The app's logger (see `openLogger`). */
export async function createLogger(options: LoggerOptions): Promise<Logger> {
  return (await openLogger(options)).logger;
}

/** A logger that writes nothing, for tests that do not look at the log. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}

export { listLogFiles, logsDirOf };
