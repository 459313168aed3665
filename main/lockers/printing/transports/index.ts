import { createDeviceFileTransport } from './deviceFileTransport';
import type { PrinterTransports } from './printerTransport';
import type { SimulatorPrinter } from './simulatorTransport';
import { createTcpTransport, type TcpTransportOptions } from './tcpTransport';

export type {
  PrinterConfigOf,
  PrinterKind,
  PrinterTransport,
  PrinterTransports,
} from './printerTransport';
export { createDeviceFileTransport } from './deviceFileTransport';
export { createSimulatorPrinter, type SimulatorPrinter } from './simulatorTransport';
export { createTcpTransport, type TcpTransportOptions } from './tcpTransport';

/**
 * The transports this version ships: raw TCP 9100, a device file, the simulator. `ipp` and
 * `system` are left out on purpose: a job for them fails with "not supported yet".
 */
export function createPrinterTransports(options: {
  simulator: SimulatorPrinter;
  tcp?: TcpTransportOptions;
}): PrinterTransports {
  return {
    simulator: options.simulator.transport,
    tcp: createTcpTransport(options.tcp),
    device: createDeviceFileTransport(),
  };
}
