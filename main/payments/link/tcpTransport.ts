/**
 * ZVT over TCP (default port 20007, docs/payment-terminal.md §2.2): bare APDUs, no framing.
 * For the simulator and manual tests; the counters' terminals use USB HID.
 * `SocketTransport` wraps one connected socket (the simulator's side of an accepted
 * connection); `TcpClientTransport` connects and reconnects after the connection is lost.
 */
import { EventEmitter } from 'node:events';
import net from 'node:net';
import { describeCause, transportError } from './byteTransport';
import type { ByteTransport, TransportEvents, TransportState, WriteResult } from './byteTransport';

export const ZVT_TCP_PORT = 20007;

/** One socket, already connected (or connecting); it does not reconnect. */
export class SocketTransport extends EventEmitter<TransportEvents> implements ByteTransport {
  readonly framing = 'bare' as const;
  private current: TransportState;

  private readonly socket: net.Socket;

  constructor(socket: net.Socket) {
    super();
    this.socket = socket;
    this.current = socket.readyState === 'open' ? 'connected' : 'disconnected';
    socket.on('connect', () => this.setState('connected'));
    socket.on('data', (data: Buffer) => this.emit('data', new Uint8Array(data)));
    socket.on('error', (error) => this.emit('diagnostic', `socket error: ${error.message}`));
    socket.on('close', () => {
      if (this.current !== 'closed') this.setState('disconnected');
    });
  }

  get state(): TransportState {
    return this.current;
  }

  start(): void {}

  write(bytes: Uint8Array): Promise<WriteResult> {
    if (this.current === 'closed') return Promise.resolve(transportError('closed', 'closed'));
    if (this.current !== 'connected') {
      return Promise.resolve(transportError('not-connected', 'the socket is not connected'));
    }
    return new Promise((resolve) => {
      this.socket.write(bytes, (error) => {
        resolve(
          error
            ? transportError('write-failed', `socket write failed: ${describeCause(error)}`)
            : { ok: true },
        );
      });
    });
  }

  close(): Promise<void> {
    if (this.current === 'closed') return Promise.resolve();
    this.setState('closed');
    return new Promise((resolve) => {
      if (this.socket.destroyed) resolve();
      else this.socket.end(() => resolve());
      this.socket.destroySoon();
    });
  }

  private setState(state: TransportState): void {
    if (this.current === state) return;
    this.current = state;
    this.emit('state', state);
  }
}

export type TcpClientOptions = {
  host: string;
  port?: number;
  /** Wait before reconnecting after a failed or lost connection; default 1 s. */
  retryIntervalMs?: number;
};

/** Connects to host:port and keeps reconnecting until closed. */
export class TcpClientTransport extends EventEmitter<TransportEvents> implements ByteTransport {
  readonly framing = 'bare' as const;
  private socket: SocketTransport | null = null;
  /** The socket being connected, so close() can abandon it. */
  private raw: net.Socket | null = null;
  private current: TransportState = 'disconnected';
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private started = false;

  private readonly options: TcpClientOptions;

  constructor(options: TcpClientOptions) {
    super();
    this.options = options;
  }

  get state(): TransportState {
    return this.current;
  }

  start(): void {
    if (this.started || this.current === 'closed') return;
    this.started = true;
    this.connect();
  }

  write(bytes: Uint8Array): Promise<WriteResult> {
    if (this.current === 'closed') return Promise.resolve(transportError('closed', 'closed'));
    if (!this.socket) {
      return Promise.resolve(transportError('not-connected', 'not connected to the terminal'));
    }
    return this.socket.write(bytes);
  }

  async close(): Promise<void> {
    if (this.current === 'closed') return;
    this.setState('closed');
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    this.raw?.destroy();
    this.raw = null;
    await socket?.close();
  }

  private connect(): void {
    const raw = net.connect({ host: this.options.host, port: this.options.port ?? ZVT_TCP_PORT });
    this.raw = raw;
    const socket = new SocketTransport(raw);
    socket.on('data', (bytes) => this.emit('data', bytes));
    socket.on('diagnostic', (text) => this.emit('diagnostic', text));
    socket.on('state', (state) => {
      if (this.current === 'closed' || state !== 'connected') return;
      this.socket = socket;
      this.setState('connected');
    });
    // 'close' also follows a failed connect, which never was 'connected': retry either way.
    raw.on('close', () => {
      if (this.current === 'closed') return;
      if (this.socket === socket) this.socket = null;
      if (this.raw === raw) this.raw = null;
      this.setState('disconnected');
      this.scheduleRetry();
    });
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.current === 'closed') return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, this.options.retryIntervalMs ?? 1000);
  }

  private setState(state: TransportState): void {
    if (this.current === state) return;
    this.current = state;
    this.emit('state', state);
  }
}
