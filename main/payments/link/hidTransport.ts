/**
 * The terminal's USB HID link: ZVT's serial byte stream cut into our 64-byte reports
 * (zvt/hidReports.ts, docs/payment-terminal.md §2.3). It finds the device through a
 * HidDeviceFinder, polls for it while it is absent, and after an unplug goes back to polling,
 * so replugging the cable reconnects without anyone's help. Each opening starts a new sequence
 * and sends an empty RESET report at once, so the other side drops whatever it had half-read.
 */
import { EventEmitter } from 'node:events';
import { HidReportReader, chunkIntoReports, toHidWrite } from '../zvt/hidReports';
import { describeCause, transportError } from './byteTransport';
import type { ByteTransport, TransportEvents, TransportState, WriteResult } from './byteTransport';
import type { HidDeviceFinder, HidDeviceHandle } from './hidDevice';

export type HidTransportOptions = {
  /** How often to look for the device while it is absent; default 1 s. */
  pollIntervalMs?: number;
  /**
   * The app's side writes node-hid's report ID byte before each report (Windows refuses a
   * write without it); the terminal's side of the in-memory pair writes bare reports.
   */
  side?: 'app' | 'terminal';
};

export const DEFAULT_POLL_INTERVAL_MS = 1000;

export class HidTransport extends EventEmitter<TransportEvents> implements ByteTransport {
  readonly framing = 'serial' as const;
  private current: TransportState = 'disconnected';
  private device: HidDeviceHandle | null = null;
  private sequence = 0;
  private resetPending = true;
  private readonly reader = new HidReportReader();
  private writes: Promise<unknown> = Promise.resolve();
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private opening = false;
  /** The last reason opening failed: repeated only when it changes, not once a second. */
  private lastOpenError: string | null = null;
  private started = false;
  private readonly pollIntervalMs: number;
  private readonly withReportId: boolean;
  private readonly finder: HidDeviceFinder;

  constructor(finder: HidDeviceFinder, options: HidTransportOptions = {}) {
    super();
    this.finder = finder;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.withReportId = (options.side ?? 'app') === 'app';
  }

  get state(): TransportState {
    return this.current;
  }

  start(): void {
    if (this.started || this.current === 'closed') return;
    this.started = true;
    void this.tryOpen();
  }

  write(bytes: Uint8Array): Promise<WriteResult> {
    if (this.current === 'closed') return Promise.resolve(transportError('closed', 'closed'));
    const device = this.device;
    if (!device) {
      return Promise.resolve(
        transportError('not-connected', `${this.finder.description} is not connected`),
      );
    }
    // Sequence numbers are taken now, in call order; the chain keeps the reports in that order.
    const { reports, nextSequence } = chunkIntoReports(bytes, this.sequence, {
      reset: this.resetPending,
    });
    this.sequence = nextSequence;
    this.resetPending = false;
    const result = this.writes.then(async (): Promise<WriteResult> => {
      if (this.device !== device) {
        return transportError('not-connected', `${this.finder.description} was disconnected`);
      }
      try {
        for (const report of reports) {
          await device.write(this.withReportId ? toHidWrite(report) : Array.from(report));
        }
        return { ok: true };
      } catch (cause) {
        this.lose(device, cause);
        return transportError('write-failed', `HID write failed: ${describeCause(cause)}`);
      }
    });
    this.writes = result;
    return result;
  }

  async close(): Promise<void> {
    if (this.current === 'closed') return;
    this.setState('closed');
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    const device = this.device;
    this.device = null;
    if (device) await device.close().catch(() => undefined);
  }

  private async tryOpen(): Promise<void> {
    if (this.current === 'closed' || this.device || this.opening) return;
    this.opening = true;
    let device: HidDeviceHandle | null = null;
    try {
      device = await this.finder.open();
    } catch (cause) {
      const text = `opening ${this.finder.description} failed: ${describeCause(cause)}`;
      if (text !== this.lastOpenError) this.emit('diagnostic', text);
      this.lastOpenError = text;
    } finally {
      this.opening = false;
    }
    if (this.isClosed()) {
      if (device) await device.close().catch(() => undefined);
      return;
    }
    if (!device) {
      this.schedulePoll();
      return;
    }
    this.attach(device);
  }

  private attach(device: HidDeviceHandle): void {
    this.device = device;
    this.lastOpenError = null;
    this.sequence = 0;
    this.resetPending = true;
    this.reader.reset();
    device.onReport((report) => this.receive(device, report));
    device.onError((error) => this.lose(device, error));
    this.setState('connected');
    // Announce the (re)opening: the peer drops any half-read frame of the previous link.
    if (this.device === device) void this.write(new Uint8Array());
  }

  private receive(device: HidDeviceHandle, report: Uint8Array): void {
    if (this.device !== device) return;
    for (const event of this.reader.push(report)) {
      switch (event.type) {
        case 'data':
          this.emit('data', event.bytes);
          break;
        case 'reset':
          this.emit('discontinuity', { kind: 'peer-reset' });
          break;
        case 'gap':
          this.emit('discontinuity', { kind: 'gap', missing: event.missing });
          break;
        case 'duplicate':
          this.emit('diagnostic', `duplicate HID report ${event.sequence} dropped`);
          break;
        case 'invalid':
          this.emit('diagnostic', `invalid HID report dropped: ${event.reason}`);
          break;
      }
    }
  }

  private lose(device: HidDeviceHandle, cause: unknown): void {
    if (this.device !== device) return;
    this.device = null;
    this.emit('diagnostic', `${this.finder.description} lost: ${describeCause(cause)}`);
    void device.close().catch(() => undefined);
    if (this.current === 'closed') return;
    this.setState('disconnected');
    this.schedulePoll();
  }

  private schedulePoll(): void {
    if (this.current === 'closed' || this.pollTimer) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      void this.tryOpen();
    }, this.pollIntervalMs);
  }

  /** A method, so the compiler does not narrow the state across awaits. */
  private isClosed(): boolean {
    return this.current === 'closed';
  }

  private setState(state: TransportState): void {
    if (this.current === state) return;
    this.current = state;
    this.emit('state', state);
  }
}
