import { createDeviceFileTransport } from './deviceFileTransport';
import { createIppTransport, type IppTransportOptions } from './ippTransport';
import type { PrinterTransport, PrinterTransports } from './printerTransport';
import type { SimulatorPrinter } from './simulatorTransport';
import { createTcpTransport, type TcpTransportOptions } from './tcpTransport';

export type {
  PrinterConfigOf,
  PrinterKind,
  PrinterState,
  PrinterTransport,
  PrinterTransports,
  PrintJobRef,
} from './printerTransport';
export { createDeviceFileTransport } from './deviceFileTransport';
export { createIppTransport, type IppTransportOptions } from './ippTransport';
export {
  createSimulatorPrinter,
  type SimulatorPrinter,
  type SimulatorPrinterOptions,
} from './simulatorTransport';
export { createTcpTransport, type TcpTransportOptions } from './tcpTransport';

/**
 * The transports of this PC: raw TCP 9100, IPP (CUPS or the printer), a device file, the
 * simulator, and the system print dialog when the host can print a page itself (Electron). In a
 * host without one (the browser host) `system` is left out: the window prints those labels.
 */
export function createPrinterTransports(options: {
  simulator: SimulatorPrinter;
  tcp?: TcpTransportOptions;
  ipp?: IppTransportOptions;
  system?: PrinterTransport<'system'>;
}): PrinterTransports {
  return {
    simulator: options.simulator.transport,
    tcp: createTcpTransport(options.tcp),
    ipp: createIppTransport(options.ipp),
    device: createDeviceFileTransport(),
    ...(options.system ? { system: options.system } : {}),
  };
}
