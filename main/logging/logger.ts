import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { maskText } from '../../common/domain/personalData';

export type { Logger } from 'pino';

export type LoggerOptions = {
  /** The app's data folder; the log goes to `<dataDir>/logs/okienko.log`. */
  dataDir: string;
  level?: string;
  /** Also write to standard output (the browser host and development). */
  echoToStdout?: boolean;
};

/**
 * The structured log of a counter PC. Every line passes through the personal-data mask on its
 * way to disk, so a PESEL, an e-mail or a phone number that reaches a log call by accident
 * (inside an error message, a payload) is still never written in full.
 */
export function createLogger(options: LoggerOptions): Logger {
  const dir = path.join(options.dataDir, 'logs');
  fs.mkdirSync(dir, { recursive: true });
  const streams: pino.StreamEntry[] = [
    { stream: pino.destination({ dest: path.join(dir, 'okienko.log'), sync: true }) },
  ];
  if (options.echoToStdout) streams.push({ stream: process.stdout });
  return pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: { streamWrite: (line: string) => maskText(line) },
    },
    pino.multistream(streams),
  );
}

/** A logger that writes nothing, for tests that do not look at the log. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
