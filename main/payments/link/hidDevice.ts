/**
 * What HidTransport needs from a HID device, so that node-hid (nodeHidDevice.ts) and the
 * in-memory pair of the simulator and tests (memoryHidPair.ts) are interchangeable.
 */
export interface HidDeviceHandle {
  /**
   * One report as node-hid's write() takes it: on the app's side the report ID 0x00 and the
   * 64-byte report (65 bytes, docs/payment-terminal.md §2.3); on the terminal's side 64 bytes.
   * Rejects when the device is gone.
   */
  write(data: number[]): Promise<void>;
  /** Each incoming report (64 bytes, or 65 starting with the report ID). */
  onReport(listener: (report: Uint8Array) => void): void;
  /** The device failed or was unplugged; the handle is dead afterwards. */
  onError(listener: (error: Error) => void): void;
  close(): Promise<void>;
}

export interface HidDeviceFinder {
  /** Opens the device when it is plugged in; null when it is not there. May reject. */
  open(): Promise<HidDeviceHandle | null>;
  /** For logs: what is looked for, e.g. `USB HID 1234:5678`. */
  readonly description: string;
}
