import { PrintFailure } from '../printFailure';
import type { PrinterTransport } from './printerTransport';

/**
 * The printer of a PC without one (the embedded default `printer: { kind: 'simulator' }`): keeps
 * every job's bytes in memory, so the demo and the tests can look at what "printed". It can be
 * switched off to show the queue waiting for a printer.
 */
export function createSimulatorPrinter() {
  const printed: Uint8Array[] = [];
  let online = true;
  const transport: PrinterTransport<'simulator'> = {
    kind: 'simulator',
    send(_printer, bytes) {
      if (!online) {
        return Promise.reject(new PrintFailure('printer-offline', 'simulator', true));
      }
      printed.push(Uint8Array.from(bytes));
      return Promise.resolve();
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
