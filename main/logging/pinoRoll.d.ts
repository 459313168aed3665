// pino-roll ships no types; this is the part of its API (v4) that logFile.ts uses. The stream
// it answers is a SonicBoom (pino's own file stream).
declare module 'pino-roll' {
  import type { EventEmitter } from 'node:events';

  export type PinoRollOptions = {
    file: string;
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    dateFormat?: string;
    extension?: string;
    mkdir?: boolean;
    sync?: boolean;
    limit?: { count: number; removeOtherLogFiles?: boolean };
  };

  export interface RollingFileStream extends EventEmitter {
    /** The file being written now. */
    readonly file: string;
    write(line: string): boolean;
    flushSync(): void;
    end(): void;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<RollingFileStream>;
}
