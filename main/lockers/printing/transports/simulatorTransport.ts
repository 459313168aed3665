import fs from 'node:fs/promises';
import path from 'node:path';
import { PrintFailure } from '../printFailure';
import type { PrinterTransport, PrintJobRef } from './printerTransport';

export type SimulatorPrinterOptions = {
  /**
   * A folder to write each job into as well (`<n>-<deposit id>.zpl`, `.html` for a dialog page):
   * the embedded default points it into the data folder, so a demo user can open what "printed"
   * (the ZPL in a viewer such as labelary.com, the HTML in a browser).
   */
  folder?: string;
};

/** ZPL starts with `^XA` (maybe after whitespace); anything else the simulator got is a page. */
function extensionOf(bytes: Uint8Array): string {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  return head.startsWith('^XA') || head.startsWith('~') ? 'zpl' : 'html';
}

/**
 * The printer of a PC without one (the embedded default `printer: { kind: 'simulator' }`): keeps
 * every job's bytes in memory, so the demo and the tests can look at what "printed", and writes
 * them to a folder when given one. It can be switched off to show the queue waiting for a printer.
 */
export function createSimulatorPrinter(options: SimulatorPrinterOptions = {}) {
  const printed: Uint8Array[] = [];
  let online = true;
  const transport: PrinterTransport<'simulator'> = {
    kind: 'simulator',
    async send(_printer, bytes, job?: PrintJobRef) {
      if (!online) throw new PrintFailure('printer-offline', 'simulator', true);
      if (options.folder !== undefined) {
        const name = `${String(printed.length + 1).padStart(4, '0')}-${Date.now()}-${job?.depositId || 'label'}.${extensionOf(bytes)}`;
        try {
          await fs.mkdir(options.folder, { recursive: true });
          await fs.writeFile(path.join(options.folder, name), bytes);
        } catch (error) {
          throw new PrintFailure('printer-error', `${options.folder} (simulator)`, true, error);
        }
      }
      printed.push(Uint8Array.from(bytes));
    },
    // Answers like a printer that can be asked, so the demo shows a printer's state too.
    async status() {
      return { state: online ? ('online' as const) : ('offline' as const), detail: 'simulator' };
    },
  };
  return {
    transport,
    /** Every job's bytes, in the order they printed. */
    printed: (): readonly Uint8Array[] => [...printed],
    setOnline(value: boolean): void {
      online = value;
    },
  };
}

export type SimulatorPrinter = ReturnType<typeof createSimulatorPrinter>;
