import fs from 'node:fs/promises';
import { PrintFailure, systemErrorCode } from '../printFailure';
import type { PrinterTransport } from './printerTransport';

/**
 * A printer the operating system shows as a file (`/dev/usb/lp0`, a shared `\\PC\Zebra`): the
 * job's bytes are appended to it. A missing file is most often a USB printer switched off, so it
 * is retried; a file this user may not write to needs someone to fix the permission.
 */
export function createDeviceFileTransport(
  options: {
    /** The file system's append; tests pass one that fails as a device would (root ignores modes). */
    appendFile?: (path: string, bytes: Uint8Array) => Promise<void>;
  } = {},
): PrinterTransport<'device'> {
  const appendFile = options.appendFile ?? ((path, bytes) => fs.appendFile(path, bytes));
  return {
    kind: 'device',
    async send(printer, bytes) {
      try {
        await appendFile(printer.path, bytes);
      } catch (error) {
        const code = systemErrorCode(error);
        const detail = `${printer.path} (${code ?? String(error)})`;
        if (code === 'ENOENT' || code === 'ENXIO' || code === 'ENODEV') {
          throw new PrintFailure('printer-device-missing', detail, true, error);
        }
        if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
          throw new PrintFailure('printer-access-denied', detail, false, error);
        }
        if (code === 'EBUSY' || code === 'EAGAIN' || code === 'EIO') {
          throw new PrintFailure('printer-offline', detail, true, error);
        }
        throw new PrintFailure('printer-error', detail, true, error);
      }
    },
  };
}
