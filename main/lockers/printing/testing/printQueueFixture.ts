import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../../db';
import { createSilentLogger } from '../../../logging/logger';
import { createManualTime, type ManualTime } from '../../../../test/support/manualTime';
import { createPrintQueue, type PrintJobInput, type PrintQueue } from '../printQueue';
import type { PrinterTransports } from '../transports/printerTransport';

/** A print queue on a real SQLite file in a temp folder, with time that moves only by hand. */
export function createPrintQueueFixture() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-print-'));
  const file = path.join(dir, 'okienko.db');
  const time: ManualTime = createManualTime();
  let db: Database.Database = openDatabase(file).db;
  let queue: PrintQueue | null = null;
  let jobCount = 0;

  function open(transports: PrinterTransports): PrintQueue {
    queue = createPrintQueue({
      db,
      clock: time.clock,
      transports,
      logger: createSilentLogger(),
      timers: time.timers,
      random: () => 0,
      newId: () => `job-${String(++jobCount).padStart(3, '0')}`,
    });
    queue.start();
    return queue;
  }

  return {
    time,
    db: () => db,
    open,
    /** Queues one job in its own transaction, as a deposit service would. */
    enqueue(input: PrintJobInput): string {
      if (!queue) throw new Error('open() the queue first');
      const current = queue;
      return db.transaction(() => current.enqueue(input))();
    },
    /** Closes the queue and the file, and opens the file again, as a restart of the app does. */
    async restart(transports: PrinterTransports): Promise<PrintQueue> {
      await queue?.close();
      db.close();
      db = openDatabase(file).db;
      return open(transports);
    },
    async dispose(): Promise<void> {
      await queue?.close();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type PrintQueueFixture = ReturnType<typeof createPrintQueueFixture>;
