import net from 'node:net';
import { PRINTER_OFFLINE_CODES, PrintFailure, systemErrorCode } from '../printFailure';
import type { PrinterTransport } from './printerTransport';

export type TcpTransportOptions = {
  /** How long to wait for the printer to accept the connection, and then for each write. */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * A label printer on the network, raw port 9100 (JetDirect): connect, write the job's bytes,
 * half-close, and resolve when the last byte has left the socket. The printer answers nothing
 * on this port, so "sent" is all that can be known; a printer out of paper still prints later.
 */
export function createTcpTransport(options: TcpTransportOptions = {}): PrinterTransport<'tcp'> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    kind: 'tcp',
    send(printer, bytes) {
      const address = `${printer.host}:${printer.port}`;
      return new Promise<void>((resolve, reject) => {
        let settled = false;
        const socket = net.connect({ host: printer.host, port: printer.port });
        const fail = (failure: PrintFailure) => {
          if (!settled) {
            settled = true;
            reject(failure);
          }
          socket.destroy();
        };
        // Covers the connect as well as a printer that stops reading half-way.
        socket.setTimeout(timeoutMs, () => {
          fail(
            new PrintFailure('printer-offline', `${address} (no answer in ${timeoutMs} ms)`, true),
          );
        });
        socket.once('error', (error) => {
          const code = systemErrorCode(error);
          const detail = `${address} (${code ?? error.message})`;
          fail(
            code !== undefined && PRINTER_OFFLINE_CODES.has(code)
              ? new PrintFailure('printer-offline', detail, true, error)
              : new PrintFailure('printer-error', detail, true, error),
          );
        });
        socket.once('connect', () => {
          // end() writes every byte then sends FIN; 'finish' fires once all of it is flushed.
          socket.end(bytes, () => {
            if (settled) return;
            settled = true;
            // The printer closes its side when it has read the job; do not hold the socket.
            socket.setTimeout(timeoutMs, () => socket.destroy());
            resolve();
          });
        });
      });
    },

    /**
     * Whether the printer accepts a connection on its port: a raw 9100 printer answers nothing
     * else, but one that is off, unplugged or on another address refuses or stays silent, which
     * is what the clerk and the supervisor need to know before the next label. The probe sends
     * no byte, so the printer prints nothing.
     */
    status(printer) {
      const address = `${printer.host}:${printer.port}`;
      return new Promise((resolve) => {
        const socket = net.connect({ host: printer.host, port: printer.port });
        const answer = (state: { state: 'online' | 'offline'; detail: string | null }) => {
          socket.destroy();
          resolve(state);
        };
        socket.setTimeout(timeoutMs, () =>
          answer({ state: 'offline', detail: `${address} (no answer in ${timeoutMs} ms)` }),
        );
        socket.once('error', (error) =>
          answer({
            state: 'offline',
            detail: `${address} (${systemErrorCode(error) ?? error.message})`,
          }),
        );
        socket.once('connect', () => answer({ state: 'online', detail: address }));
      });
    },
  };
}
