import type { WorkstationConfig } from '../../../../common/contract/workstationConfig';

/** A printer as the workstation config describes it (after its schema's defaults). */
export type PrinterConfig = WorkstationConfig['printer'];

export type PrinterKind = PrinterConfig['kind'];
export type PrinterConfigOf<K extends PrinterKind> = Extract<PrinterConfig, { kind: K }>;

/**
 * One way of getting bytes to a printer, for one `printer.kind` of the workstation config. `send`
 * resolves once every byte has left this PC, and rejects with a PrintFailure saying whether a
 * retry can help.
 */
export type PrinterTransport<K extends PrinterKind = PrinterKind> = {
  readonly kind: K;
  /**
   * `job` is the queue's job: a transport that hands the label to a spooler (IPP) remembers what
   * it submitted for it, so a retry of the same job looks at that before submitting again.
   */
  send(printer: PrinterConfigOf<K>, bytes: Uint8Array, job?: PrintJobRef): Promise<void>;
  /** Asks the printer how it stands; kinds that cannot be asked leave this out. */
  status?(printer: PrinterConfigOf<K>): Promise<PrinterState>;
  /** The queue's job was cancelled: withdraw what was submitted for it, if anything. */
  cancel?(printer: PrinterConfigOf<K>, job: PrintJobRef): Promise<void>;
};

export type PrintJobRef = { id: string; depositId: string };

export type PrinterState = { state: 'online' | 'offline'; detail: string | null };

/** The transports this PC has, by config kind; a kind missing here is "not supported yet". */
export type PrinterTransports = { readonly [K in PrinterKind]?: PrinterTransport<K> };
