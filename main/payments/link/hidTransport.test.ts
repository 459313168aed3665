import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REPORT_SIZE, chunkIntoReports } from '../zvt/hidReports';
import type { HidDeviceFinder, HidDeviceHandle } from './hidDevice';
import { HidTransport } from './hidTransport';
import { nodeHidFinder } from './nodeHidDevice';

/** A device handle that records what the transport writes and lets the test answer. */
class RecordingDevice implements HidDeviceHandle {
  readonly writes: number[][] = [];
  closed = false;
  private report: (report: Uint8Array) => void = () => undefined;
  private error: (error: Error) => void = () => undefined;
  write(data: number[]): Promise<void> {
    this.writes.push(data);
    return Promise.resolve();
  }
  onReport(listener: (report: Uint8Array) => void): void {
    this.report = listener;
  }
  onError(listener: (error: Error) => void): void {
    this.error = listener;
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
  receive(report: Uint8Array): void {
    this.report(report);
  }
  unplug(): void {
    this.error(new Error('unplugged'));
  }
}

function finderOf(devices: (RecordingDevice | null)[]): HidDeviceFinder & { opened: number } {
  const finder = {
    opened: 0,
    description: 'test device',
    open: () => {
      finder.opened++;
      return Promise.resolve(devices.shift() ?? null);
    },
  };
  return finder;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('HidTransport', () => {
  it('writes node-hid buffers of 65 bytes: report ID 0x00, then the 64-byte report', async () => {
    const device = new RecordingDevice();
    const transport = new HidTransport(finderOf([device]));
    transport.start();
    await vi.advanceTimersByTimeAsync(0);
    const stream = Uint8Array.from({ length: 100 }, (_, i) => i);
    expect(await transport.write(stream)).toEqual({ ok: true });
    // The empty RESET report announcing the opening, then 100 bytes in two reports.
    expect(device.writes.map((write) => write.length)).toEqual([65, 65, 65]);
    expect(device.writes.map((write) => write[0])).toEqual([0, 0, 0]);
    expect(device.writes.map((write) => write[1])).toEqual([0x80, 0x01, 0x02]);
    expect(device.writes.map((write) => write[2])).toEqual([0, 62, 38]);
    expect(device.writes[1]!.slice(3, 6)).toEqual([0, 1, 2]);
  });

  it('writes bare 64-byte reports on the terminal side', async () => {
    const device = new RecordingDevice();
    const transport = new HidTransport(finderOf([device]), { side: 'terminal' });
    transport.start();
    await vi.advanceTimersByTimeAsync(0);
    await transport.write(Uint8Array.of(0x06));
    expect(device.writes.map((write) => write.length)).toEqual([REPORT_SIZE, REPORT_SIZE]);
  });

  it('reassembles the stream from reports, with or without the report ID, and reports a gap', async () => {
    const device = new RecordingDevice();
    const transport = new HidTransport(finderOf([device]));
    const data: number[][] = [];
    const gaps: unknown[] = [];
    transport.on('data', (bytes) => data.push([...bytes]));
    transport.on('discontinuity', (event) => gaps.push(event));
    transport.start();
    await vi.advanceTimersByTimeAsync(0);
    const stream = Uint8Array.from({ length: 130 }, (_, i) => i);
    const { reports } = chunkIntoReports(stream, 0, { reset: true });
    device.receive(reports[0]!);
    device.receive(Uint8Array.of(0, ...reports[1]!));
    expect(data.flat()).toEqual([...stream.subarray(0, 124)]);
    expect(gaps).toEqual([{ kind: 'peer-reset' }]);
    const later = chunkIntoReports(Uint8Array.of(1, 2), 5).reports[0]!;
    device.receive(later);
    expect(gaps.at(-1)).toEqual({ kind: 'gap', missing: 3 });
  });

  it('polls for the device while it is absent and again after it is unplugged', async () => {
    const first = new RecordingDevice();
    const second = new RecordingDevice();
    const finder = finderOf([null, null, first, null, second]);
    const transport = new HidTransport(finder, { pollIntervalMs: 500 });
    const states: string[] = [];
    transport.on('state', (state) => states.push(state));
    transport.start();
    await vi.advanceTimersByTimeAsync(999);
    expect(transport.state).toBe('disconnected');
    await vi.advanceTimersByTimeAsync(1);
    expect(transport.state).toBe('connected');
    first.unplug();
    expect(transport.state).toBe('disconnected');
    expect(first.closed).toBe(true);
    expect(await transport.write(Uint8Array.of(1))).toMatchObject({
      ok: false,
      error: { code: 'not-connected' },
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(states).toEqual(['connected', 'disconnected', 'connected']);
    // The new opening starts a new sequence with RESET.
    expect(second.writes[0]!.slice(0, 3)).toEqual([0, 0x80, 0]);
    await transport.close();
    expect(second.closed).toBe(true);
    expect(transport.state).toBe('closed');
  });
});

describe('nodeHidFinder', () => {
  it('opens the device with the configured vendor and product ID by its path', async () => {
    const writes: unknown[] = [];
    const listeners: Record<string, (value: unknown) => void> = {};
    const fake = {
      devicesAsync: vi.fn((vendorId: number, productId: number) =>
        Promise.resolve(
          vendorId === 0x1234 && productId === 0xabcd
            ? [{ vendorId, productId, path: '/dev/hidraw3', release: 1, interface: 0 }]
            : [],
        ),
      ),
      HIDAsync: {
        open: vi.fn(() =>
          Promise.resolve({
            write: (data: number[]) => {
              writes.push(data);
              return Promise.resolve(data.length);
            },
            on: (event: string, listener: (value: unknown) => void) => {
              listeners[event] = listener;
            },
            close: () => Promise.resolve(),
          }),
        ),
      },
    };
    const load = () => Promise.resolve(fake as never);
    const absent = nodeHidFinder({ vendorId: 0x1234, productId: 0x0001 }, load);
    expect(await absent.open()).toBeNull();
    const finder = nodeHidFinder({ vendorId: 0x1234, productId: 0xabcd }, load);
    expect(finder.description).toBe('USB HID 1234:ABCD');
    const handle = await finder.open();
    expect(fake.HIDAsync.open).toHaveBeenCalledWith('/dev/hidraw3');
    const reports: Uint8Array[] = [];
    handle!.onReport((report) => reports.push(report));
    listeners.data!(Buffer.from([1, 2, 3]));
    expect(reports).toEqual([Uint8Array.of(1, 2, 3)]);
    await handle!.write([0, 1]);
    expect(writes).toEqual([[0, 1]]);
  });
});
