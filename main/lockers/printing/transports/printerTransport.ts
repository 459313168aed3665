import type { WorkstationConfig } from '../../../../common/contract/workstationConfig';

/** A printer as the workstation config describes it (after its schema's defaults). */
export type PrinterConfig = WorkstationConfig['printer'];

export type PrinterKind = PrinterConfig['kind'];
export type PrinterConfigOf<K extends PrinterKind> = Extract<PrinterConfig, { kind: K }>;

/**
 * One way of getting bytes to a printer, for one `printer.kind` of the workstation config. `send`
 * resolves once every byte has left this PC, and rejects with a PrintFailure saying whether a
 * retry can help. IPP/CUPS and the system print dialog plug in here later, as more kinds.
 */
export type PrinterTransport<K extends PrinterKind = PrinterKind> = {
  readonly kind: K;
  send(printer: PrinterConfigOf<K>, bytes: Uint8Array): Promise<void>;
};

/** The transports this PC has, by config kind; a kind missing here is "not supported yet". */
export type PrinterTransports = { readonly [K in PrinterKind]?: PrinterTransport<K> };
