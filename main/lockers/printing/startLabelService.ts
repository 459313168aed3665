import path from 'node:path';
import type Database from 'better-sqlite3';
import type { WorkstationConfig } from '../../../common/contract';
import type { Clock } from '../../app/clock';
import type { EventHub } from '../../app/eventHub';
import { createLabelService, type LabelInputSource, type LabelServiceLogger } from './labelService';
import { createPrintQueue } from './printQueue';
import { createPrinterTransports, createSimulatorPrinter } from './transports';
import { createSystemPrintTransport, type PrintHtmlPage } from './transports/systemTransport';

/** The folder of the data dir the simulator printer writes each label into. */
export const SIMULATED_LABELS_FOLDER = 'printed-labels';

/**
 * Builds the label printing of this PC as startWorkstation needs it: the transports (the
 * simulator writing into `<data dir>/printed-labels`, the dialog when the host can print a page),
 * the SQLite print queue, started (jobs left by the last run print now), and the label service
 * publishing `labels:*` events.
 */
export function startLabelService(options: {
  db: Database.Database;
  clock: Clock;
  logger: LabelServiceLogger;
  hub: EventHub;
  config: WorkstationConfig;
  dataDir: string;
  clerkLogin: () => string | null;
  labelInputForDeposit: LabelInputSource;
  markLabelPrinted?: (depositId: string) => void;
  /** The host's way to print a page through the system dialog (Electron); none in a browser. */
  printPage?: PrintHtmlPage;
}) {
  const simulator = createSimulatorPrinter({
    folder: path.join(options.dataDir, SIMULATED_LABELS_FOLDER),
  });
  const transports = createPrinterTransports({
    simulator,
    ...(options.printPage ? { system: createSystemPrintTransport(options.printPage) } : {}),
  });
  const queue = createPrintQueue({
    db: options.db,
    clock: options.clock,
    transports,
    logger: options.logger,
  });
  const labels = createLabelService({
    db: options.db,
    clock: options.clock,
    logger: options.logger,
    queue,
    transports,
    printer: options.config.printer,
    labelInputForDeposit: options.labelInputForDeposit,
    ...(options.markLabelPrinted ? { markLabelPrinted: options.markLabelPrinted } : {}),
    clerkLogin: options.clerkLogin,
    publish: (event, payload) => options.hub.publish(event, payload),
  });
  queue.start();
  return {
    labels,
    queue,
    simulator,
    async stop(): Promise<void> {
      labels.stop();
      await queue.close();
    },
  };
}
