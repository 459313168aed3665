/**
 * Two ends of a simulated USB HID cable, passing 64-byte reports both ways: the app's end
 * (which, like node-hid on Windows, insists on the report-ID byte before each report) and the
 * terminal's end. Tests and the simulator use it to do what a real cable does to the link:
 * unplug and replug, lose a report, deliver one twice, damage one.
 *
 * Reports are delivered in a microtask, never inside the writer's call, as a device would.
 */
import { REPORT_ID, REPORT_SIZE } from '../zvt/hidReports';
import type { HidDeviceFinder, HidDeviceHandle } from './hidDevice';

export type PairDirection = 'to-terminal' | 'to-app';

type Side = 'app' | 'terminal';

type Fault = 'lose' | 'duplicate' | 'corrupt';

class MemoryHandle implements HidDeviceHandle {
  open = true;
  private readonly reportListeners: ((report: Uint8Array) => void)[] = [];
  private readonly errorListeners: ((error: Error) => void)[] = [];

  private readonly pair: MemoryHidPair;
  private readonly side: Side;

  constructor(pair: MemoryHidPair, side: Side) {
    this.pair = pair;
    this.side = side;
  }

  async write(data: number[]): Promise<void> {
    if (!this.open || !this.pair.plugged) throw new Error('the device is not connected');
    const report = this.side === 'app' ? this.stripReportId(data) : Uint8Array.from(data);
    if (report.length !== REPORT_SIZE) {
      throw new Error(`a report is ${REPORT_SIZE} bytes, got ${report.length}`);
    }
    this.pair.carry(this.side === 'app' ? 'to-terminal' : 'to-app', report);
  }

  onReport(listener: (report: Uint8Array) => void): void {
    this.reportListeners.push(listener);
  }

  onError(listener: (error: Error) => void): void {
    this.errorListeners.push(listener);
  }

  close(): Promise<void> {
    this.open = false;
    return Promise.resolve();
  }

  deliver(report: Uint8Array): void {
    if (!this.open) return;
    for (const listener of this.reportListeners) listener(report.slice());
  }

  fail(error: Error): void {
    if (!this.open) return;
    this.open = false;
    for (const listener of this.errorListeners) listener(error);
  }

  /** Windows' rule, enforced so a missing report ID fails in tests, not at the counter. */
  private stripReportId(data: number[]): Uint8Array {
    if (data.length !== REPORT_SIZE + 1 || data[0] !== REPORT_ID) {
      throw new Error(
        `the app writes the report ID 0x00 and a ${REPORT_SIZE}-byte report (${REPORT_SIZE + 1} bytes), got ${data.length} bytes starting ${data[0]}`,
      );
    }
    return Uint8Array.from(data.slice(1));
  }
}

export class MemoryHidPair {
  plugged = true;
  /** Every report carried, in order, for tests that look at the wire. */
  readonly wire: { direction: PairDirection; report: Uint8Array; fault?: Fault }[] = [];
  readonly appFinder: HidDeviceFinder;
  readonly terminalFinder: HidDeviceFinder;
  private readonly handles: Record<Side, MemoryHandle | null> = { app: null, terminal: null };
  private readonly faults: Record<PairDirection, Fault[]> = { 'to-terminal': [], 'to-app': [] };
  private readonly persistentLoss: Record<PairDirection, boolean> = {
    'to-terminal': false,
    'to-app': false,
  };

  constructor() {
    this.appFinder = this.finder('app');
    this.terminalFinder = this.finder('terminal');
  }

  /** The cable is pulled: both open handles fail, nothing can be opened until plug(). */
  unplug(): void {
    this.plugged = false;
    for (const side of ['app', 'terminal'] as const) {
      this.handles[side]?.fail(new Error('device unplugged'));
      this.handles[side] = null;
    }
  }

  plug(): void {
    this.plugged = true;
  }

  /** The next `count` reports in this direction vanish. */
  loseReports(direction: PairDirection, count = 1): void {
    this.queue(direction, 'lose', count);
  }

  /** The next `count` reports in this direction arrive twice. */
  duplicateReports(direction: PairDirection, count = 1): void {
    this.queue(direction, 'duplicate', count);
  }

  /** The next `count` reports in this direction arrive with the first payload byte flipped. */
  corruptReports(direction: PairDirection, count = 1): void {
    this.queue(direction, 'corrupt', count);
  }

  /** Every report in this direction vanishes until called again with false. */
  setLoss(direction: PairDirection, lost: boolean): void {
    this.persistentLoss[direction] = lost;
  }

  /** @internal Called by a handle's write. */
  carry(direction: PairDirection, report: Uint8Array): void {
    const fault = this.persistentLoss[direction] ? 'lose' : this.faults[direction].shift();
    this.wire.push(fault ? { direction, report, fault } : { direction, report });
    if (fault === 'lose') return;
    const delivered = fault === 'corrupt' ? corrupt(report) : report;
    const target = direction === 'to-terminal' ? 'terminal' : 'app';
    queueMicrotask(() => {
      this.handles[target]?.deliver(delivered);
      if (fault === 'duplicate') this.handles[target]?.deliver(delivered);
    });
  }

  private queue(direction: PairDirection, fault: Fault, count: number): void {
    for (let i = 0; i < count; i++) this.faults[direction].push(fault);
  }

  private finder(side: Side): HidDeviceFinder {
    return {
      description: `in-memory HID (${side} side)`,
      open: () => {
        if (!this.plugged) return Promise.resolve(null);
        // The host sees a device only once the device is up on the bus.
        if (side === 'app' && !this.handles.terminal?.open) return Promise.resolve(null);
        this.handles[side]?.fail(new Error('re-opened'));
        const handle = new MemoryHandle(this, side);
        this.handles[side] = handle;
        return Promise.resolve(handle);
      },
    };
  }
}

function corrupt(report: Uint8Array): Uint8Array {
  const damaged = report.slice();
  // The last payload byte: in a report that ends a frame, the CRC, so the frame arrives whole
  // and fails its check. With an empty payload there is nothing to damage.
  const length = damaged[1]!;
  if (length > 0) damaged[1 + length] = damaged[1 + length]! ^ 0xff;
  return damaged;
}
