/**
 * A ByteTransport for unit tests of the link layer: records what is written and lets the
 * test feed received bytes directly.
 */
import { EventEmitter } from 'node:events';
import type {
  ByteTransport,
  TransportEvents,
  TransportFraming,
  TransportState,
  WriteResult,
} from './byteTransport';

export class FakeTransport extends EventEmitter<TransportEvents> implements ByteTransport {
  readonly framing: TransportFraming;
  state: TransportState = 'connected';
  readonly written: Uint8Array[] = [];

  constructor(framing: TransportFraming) {
    super();
    this.framing = framing;
  }

  start(): void {}

  write(bytes: Uint8Array): Promise<WriteResult> {
    this.written.push(bytes.slice());
    return Promise.resolve({ ok: true });
  }

  feed(bytes: Uint8Array): void {
    this.emit('data', bytes);
  }

  close(): Promise<void> {
    this.state = 'closed';
    return Promise.resolve();
  }
}
