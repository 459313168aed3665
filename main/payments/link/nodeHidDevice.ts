/**
 * The real terminal: a USB HID device found by the vendor and product ID of the workstation
 * config (`terminal: { kind: 'usb-hid', vendorId, productId }`). node-hid is loaded on first
 * use, so a PC without the native module (or a test) can still load this file; failing to load
 * it is an open() rejection that HidTransport reports and retries.
 */
import type * as NodeHidModule from 'node-hid';
import type { HidDeviceFinder, HidDeviceHandle } from './hidDevice';

export type UsbHidId = { vendorId: number; productId: number };

type NodeHid = typeof NodeHidModule;
type HidAsyncDevice = Awaited<ReturnType<NodeHid['HIDAsync']['open']>>;

export function nodeHidFinder(
  id: UsbHidId,
  loadNodeHid: () => Promise<NodeHid> = () => import('node-hid'),
): HidDeviceFinder {
  return {
    description: `USB HID ${hex4(id.vendorId)}:${hex4(id.productId)}`,
    async open() {
      const hid = await loadNodeHid();
      const found = await hid.devicesAsync(id.vendorId, id.productId);
      const path = found.find((device) => device.path)?.path;
      if (!path) return null;
      return wrap(await hid.HIDAsync.open(path));
    },
  };
}

function wrap(device: HidAsyncDevice): HidDeviceHandle {
  return {
    async write(data) {
      await device.write(data);
    },
    onReport(listener) {
      device.on('data', (data: Buffer) => listener(new Uint8Array(data)));
    },
    onError(listener) {
      device.on('error', (error: unknown) =>
        listener(error instanceof Error ? error : new Error(String(error))),
      );
    },
    async close() {
      await device.close();
    },
  };
}

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}
