/**
 * A byte duplex to the payment terminal: USB HID (our 64-byte reports), TCP, or the in-memory
 * pair the simulator and the tests use. The ZVT link layer (zvtLink.ts) sits on top and does
 * not care which; it only needs to know whether the bytes carry ZVT's serial framing (HID,
 * like RS-232) or bare APDUs (TCP), docs/payment-terminal.md §2.
 *
 * Nothing here throws or rejects: a write answers a result, trouble is an event.
 */
import type { EventEmitter } from 'node:events';

/**
 * `connected`: bytes can be written. `disconnected`: the device is absent (unplugged, not yet
 * found, socket closed); a transport that reconnects by itself keeps looking. `closed`: the
 * owner closed it; it stays closed.
 */
export type TransportState = 'connected' | 'disconnected' | 'closed';

/** How the byte stream is framed: ZVT's DLE STX … ETX CRC with ACK/NAK, or bare APDUs. */
export type TransportFraming = 'serial' | 'bare';

export type TransportErrorCode =
  /** Nothing to write to: the device is absent or the socket is not open. */
  | 'not-connected'
  /** The OS refused the write (device gone mid-write, socket reset). */
  | 'write-failed'
  /** The transport was closed by its owner. */
  | 'closed';

export type TransportError = { code: TransportErrorCode; message: string };

export type WriteResult = { ok: true } | { ok: false; error: TransportError };

/**
 * The stream below lost continuity: the peer re-opened its side (HID RESET flag), or reports
 * were lost (HID sequence gap). A partial frame must be dropped.
 */
export type Discontinuity = { kind: 'peer-reset' } | { kind: 'gap'; missing: number };

export type TransportEvents = {
  data: [bytes: Uint8Array];
  state: [state: TransportState];
  discontinuity: [event: Discontinuity];
  /** Something for the log that needs no action (a duplicate or malformed report, a retry). */
  diagnostic: [text: string];
};

export interface ByteTransport extends EventEmitter<TransportEvents> {
  readonly framing: TransportFraming;
  readonly state: TransportState;
  /** Starts connecting (and, where the transport does so, reconnecting after a loss). */
  start(): void;
  /** Writes are sent in call order; a write never interleaves with another. */
  write(bytes: Uint8Array): Promise<WriteResult>;
  close(): Promise<void>;
}

export function transportError(code: TransportErrorCode, message: string): WriteResult {
  return { ok: false, error: { code, message } };
}

/** Error text for logs from whatever a native module or socket threw. */
export function describeCause(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
