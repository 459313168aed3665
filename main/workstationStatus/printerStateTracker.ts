import type { LabelPrinterStatus } from '../../common/contract';
import type { ReportedPrinter } from '../../common/contract/central/workstationStatus';

/**
 * The label printer's state with since when it is so: the label service answers only "how is it
 * now" (`labels:printer`), so the time it went offline is when a check first found it so.
 */
export function createPrinterStateTracker(options: {
  printerStatus: () => Promise<Pick<LabelPrinterStatus, 'printer' | 'state' | 'checkedAt'>>;
}) {
  let current: ReportedPrinter | null = null;
  return {
    current: (): ReportedPrinter | null => current,
    /** Asks the printer; answers whether its state changed (a first answer counts as one). */
    async check(): Promise<boolean> {
      const status = await options.printerStatus();
      if (current && current.state === status.state && current.kind === status.printer.kind) {
        return false;
      }
      current = { kind: status.printer.kind, state: status.state, since: status.checkedAt };
      return true;
    },
  };
}

export type PrinterStateTracker = ReturnType<typeof createPrinterStateTracker>;
