import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeZpl, renderLockerLabelZpl } from '../../labels/zpl';
import { ordinaryLabel } from '../../labels/testing/sampleLabels';
import { PrintFailure } from '../printFailure';
import { createPrintQueueFixture } from '../testing/printQueueFixture';
import { waitUntil } from '../testing/tcpSink';
import { createDeviceFileTransport } from './deviceFileTransport';

const bytes = encodeZpl(renderLockerLabelZpl(ordinaryLabel));
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-lp-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the device file transport', () => {
  it('appends each job’s bytes to the device file', async () => {
    const device = path.join(dir, 'lp0');
    const transport = createDeviceFileTransport();
    await transport.send({ kind: 'device', path: device }, bytes);
    await transport.send({ kind: 'device', path: device }, encodeZpl('^XA^XZ'));

    expect(fs.readFileSync(device)).toEqual(
      Buffer.concat([Buffer.from(bytes), Buffer.from('^XA^XZ')]),
    );
  });

  it('says the printer is missing, and worth retrying, when the device is not there', async () => {
    const device = path.join(dir, 'usb', 'lp0');
    const error = await createDeviceFileTransport()
      .send({ kind: 'device', path: device }, bytes)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PrintFailure);
    expect(error).toMatchObject({
      code: 'printer-device-missing',
      detail: `${device} (ENOENT)`,
      retryable: true,
    });
  });

  it.skipIf(process.getuid?.() === 0)(
    'says access is denied, which waiting will not mend, when the device is not writable',
    async () => {
      const device = path.join(dir, 'lp0');
      fs.writeFileSync(device, '');
      fs.chmodSync(device, 0o444);
      const error = await createDeviceFileTransport()
        .send({ kind: 'device', path: device }, bytes)
        .catch((caught: unknown) => caught);

      expect(error).toMatchObject({
        code: 'printer-access-denied',
        detail: `${device} (EACCES)`,
        retryable: false,
      });
    },
  );
});

describe('the device file transport, for errors a test PC cannot cause', () => {
  const failingWith = (code: string) => () =>
    Promise.reject(Object.assign(new Error(`${code}: refused`), { code }));

  it.each([
    ['EACCES', 'printer-access-denied', false],
    ['EPERM', 'printer-access-denied', false],
    ['EBUSY', 'printer-offline', true],
    ['ENODEV', 'printer-device-missing', true],
  ] as const)('reports %s as %s', async (code, failure, retryable) => {
    const error = await createDeviceFileTransport({ appendFile: failingWith(code) })
      .send({ kind: 'device', path: '/dev/usb/lp0' }, bytes)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: failure, detail: `/dev/usb/lp0 (${code})`, retryable });
  });
});

describe('a print queue with a device file printer', () => {
  it('writes the queued label to the device', async () => {
    const fixture = createPrintQueueFixture();
    try {
      const device = path.join(dir, 'lp0');
      const queue = fixture.open({ device: createDeviceFileTransport() });
      const id = fixture.enqueue({
        depositId: ordinaryLabel.depositId,
        kind: 'label',
        payload: bytes,
        printer: { kind: 'device', path: device },
      });
      await waitUntil(() => queue.job(id)?.status === 'printed', 'the job is printed');
      expect(fs.readFileSync(device)).toEqual(Buffer.from(bytes));
    } finally {
      await fixture.dispose();
    }
  });
});
