/**
 * The ZVT link layer: APDUs in and out over a ByteTransport (docs/payment-terminal.md §2).
 *
 * On a serial-framed transport (USB HID, like RS-232) every APDU travels as
 * `DLE STX … DLE ETX CRC`; the receiver answers each frame with ACK (06) or NAK (15). Sending:
 * one frame at a time, repeated after a NAK up to `maxRepeats` times; after a silent T3 only a
 * repeat-safe frame is repeated (repeatSafety.ts), a payment command never. Receiving: check
 * the CRC, ACK or NAK, drop a frame that stalls half-way, and drop (but ACK again) a frame the
 * peer repeated because our ACK was lost.
 *
 * On TCP the APDUs are bare and TCP does the rest (§2.2): a send is done once written.
 *
 * Application acknowledgements (80 00 00 / 84 xx) are messages like any other: the link sends
 * and delivers them but never answers one by itself; that is the session's (and the
 * simulator's) business, because the answer to a status information is the commit point (§8).
 */
import { EventEmitter } from 'node:events';
import { bytesEqual } from '../zvt/bytes';
import { decodeMessage } from '../zvt/decodeMessage';
import { encodeMessage } from '../zvt/encodeMessage';
import { ACK, FrameDecoder, NAK, encodeFrame } from '../zvt/framing';
import type { ZvtMessage } from '../zvt/messageTypes';
import { ApduStreamDecoder } from '../zvt/tcpStream';
import type { ZvtCharset } from '../zvt/text';
import { describeCause } from './byteTransport';
import type { ByteTransport, Discontinuity, TransportState } from './byteTransport';
import { ZVT_LINK_TIMINGS } from './linkTimings';
import type { LinkTimings } from './linkTimings';
import type {
  LinkError,
  LinkErrorCode,
  LinkEvents,
  LinkProblemCode,
  LinkState,
  SendResult,
} from './linkTypes';
import { isRepeatSafe } from './repeatSafety';

export type ZvtLinkOptions = {
  timings?: Partial<LinkTimings>;
  /** The terminal's character set (workstation setting); default code page 437. */
  charset?: ZvtCharset;
  /** Milliseconds clock for the duplicate window; default Date.now. */
  now?: () => number;
};

type AckOutcome = 'ack' | 'nak' | 'timeout' | 'lost';

const SINGLE_ACK = Uint8Array.of(ACK);
const SINGLE_NAK = Uint8Array.of(NAK);

export class ZvtLink extends EventEmitter<LinkEvents> {
  private readonly timings: LinkTimings;
  private readonly charset: ZvtCharset | undefined;
  private readonly now: () => number;
  private readonly frames = new FrameDecoder();
  private readonly apdus = new ApduStreamDecoder();
  private sends: Promise<unknown> = Promise.resolve();
  private ackWaiter: ((outcome: AckOutcome) => void) | null = null;
  private stallTimer: ReturnType<typeof setTimeout> | null = null;
  /** The last frame received, and whether we sent a frame of our own since. */
  private lastFrame: { apdu: Uint8Array; at: number; answered: boolean } | null = null;
  /** The frame awaiting its ACK is an acknowledgement (80 00 00 / 84 xx). */
  private awaitingAcknowledgementAck = false;
  private closed = false;
  private readonly transport: ByteTransport;

  constructor(transport: ByteTransport, options: ZvtLinkOptions = {}) {
    super();
    this.transport = transport;
    this.timings = { ...ZVT_LINK_TIMINGS, ...options.timings };
    this.charset = options.charset;
    this.now = options.now ?? Date.now;
    transport.on('data', (bytes) => this.receive(bytes));
    transport.on('state', (state) => this.onTransportState(state));
    transport.on('discontinuity', (event) => this.onDiscontinuity(event));
    transport.on('diagnostic', (text) => this.problem('transport', text));
  }

  get state(): LinkState {
    return this.closed ? 'closed' : this.transport.state;
  }

  get framing(): ByteTransport['framing'] {
    return this.transport.framing;
  }

  /** Starts the transport (connecting, and reconnecting where it does). */
  start(): void {
    this.transport.start();
  }

  /**
   * Sends one APDU; resolves when the peer ACKed the frame (serial) or the bytes were written
   * (TCP). Sends are queued: one frame is on the line at a time.
   */
  send(apdu: Uint8Array): Promise<SendResult> {
    const result = this.sends.then(() =>
      this.transport.framing === 'serial' ? this.sendFrame(apdu) : this.sendBare(apdu),
    );
    this.sends = result;
    return result;
  }

  sendMessage(message: ZvtMessage): Promise<SendResult> {
    let apdu: Uint8Array;
    try {
      apdu = encodeMessage(message, this.charset ? { charset: this.charset } : {});
    } catch (cause) {
      return Promise.resolve(failure('bad-message', describeCause(cause), false, 0));
    }
    return this.send(apdu);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.clearStall();
    this.ackWaiter?.('lost');
    await this.transport.close();
    this.emit('state', 'closed');
  }

  private async sendBare(apdu: Uint8Array): Promise<SendResult> {
    if (this.closed) return failure('closed', 'the link is closed', false, 0);
    const written = await this.transport.write(apdu);
    if (written.ok) return { ok: true, attempts: 1 };
    return writeFailure(written.error.code, written.error.message, 1);
  }

  private async sendFrame(apdu: Uint8Array): Promise<SendResult> {
    const frame = encodeFrame(apdu);
    const safe = isRepeatSafe(apdu);
    let silent = false;
    if (this.lastFrame) this.lastFrame.answered = true;
    this.awaitingAcknowledgementAck = isAcknowledgement(apdu);
    for (let attempts = 1; ; attempts++) {
      if (this.closed) return failure('closed', 'the link is closed', attempts > 1, attempts - 1);
      const outcome = this.awaitAck();
      const written = await this.transport.write(frame);
      if (!written.ok) {
        this.ackWaiter?.('lost'); // settles the wait and clears its timer
        return writeFailure(written.error.code, written.error.message, attempts, silent);
      }
      const answer = await outcome;
      if (answer === 'ack') return { ok: true, attempts };
      if (answer === 'lost') {
        return failure('link-lost', 'the link went down awaiting the ACK', true, attempts);
      }
      if (answer === 'timeout') silent = true;
      if (attempts > this.timings.maxRepeats) {
        return answer === 'nak'
          ? failure('nak-limit', `NAK after ${attempts} sends`, silent, attempts)
          : failure('no-ack', `no ACK after ${attempts} sends`, true, attempts);
      }
      if (answer === 'timeout' && !safe) {
        return failure('no-ack', 'no ACK within T3; a command is never repeated', true, attempts);
      }
      this.problem('repeat', `${answer === 'nak' ? 'NAK' : 'no ACK'}: frame sent again`);
    }
  }

  private awaitAck(): Promise<AckOutcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle('timeout'), this.timings.ackTimeoutMs);
      const settle = (outcome: AckOutcome) => {
        clearTimeout(timer);
        if (this.ackWaiter === settle) this.ackWaiter = null;
        resolve(outcome);
      };
      this.ackWaiter = settle;
    });
  }

  private receive(bytes: Uint8Array): void {
    if (this.closed) return;
    if (this.transport.framing === 'bare') {
      for (const apdu of this.apdus.push(bytes)) this.deliver(apdu);
      this.armStall(this.apdus.pendingBytes > 0);
      return;
    }
    for (const event of this.frames.push(bytes)) {
      switch (event.type) {
        case 'ack':
        case 'nak':
          if (this.ackWaiter) this.ackWaiter(event.type);
          else this.problem('unexpected-ack', `${event.type.toUpperCase()} with no frame waiting`);
          break;
        case 'frame':
          void this.transport.write(SINGLE_ACK);
          this.onFrame(event.apdu);
          break;
        case 'error':
          if (event.error.code === 'crc-mismatch') {
            void this.transport.write(SINGLE_NAK);
            this.problem('crc-error', event.error.message);
          } else if (event.error.code === 'bad-escape' || event.error.code === 'frame-too-long') {
            void this.transport.write(SINGLE_NAK);
            this.problem('framing-error', event.error.message);
          } else {
            this.problem('framing-error', event.error.message);
          }
          break;
      }
    }
    this.armStall(this.frames.inFrame);
  }

  /**
   * A peer whose ACK byte from us was lost sends the frame again after its T3. That repeat is
   * recognised as: the same bytes as the last frame received, within the duplicate window, with
   * no frame of ours sent in between (a peer that got our frame has moved on). Two identical
   * acknowledgements 80 00 00 in a row are thus told apart from one repeated: we sent a frame
   * between them.
   */
  private onFrame(apdu: Uint8Array): void {
    const now = this.now();
    const last = this.lastFrame;
    if (
      last &&
      !last.answered &&
      now - last.at <= this.timings.duplicateWindowMs &&
      bytesEqual(last.apdu, apdu)
    ) {
      this.problem('duplicate-frame', 'the same frame again (our ACK was lost): dropped');
      this.lastFrame = { apdu, at: now, answered: false };
      return;
    }
    this.lastFrame = { apdu, at: now, answered: false };
    // ZVT alternates: the peer sends its next message only after our acknowledgement of its
    // last one, and acknowledges a message only once it has it. So while our frame awaits its
    // ACK byte, a new frame after our acknowledgement, or an acknowledgement after our message,
    // shows that our frame arrived even though its ACK byte did not.
    if (this.ackWaiter && (this.awaitingAcknowledgementAck || isAcknowledgement(apdu))) {
      this.problem('implicit-ack', 'the peer answered: our frame arrived, its ACK byte did not');
      this.ackWaiter('ack');
    }
    this.deliver(apdu);
  }

  private deliver(apdu: Uint8Array): void {
    const decoded = decodeMessage(apdu, this.charset ? { charset: this.charset } : {});
    this.emit(
      'message',
      decoded.ok
        ? { ok: true, message: decoded.message, apdu }
        : { ok: false, error: decoded.error, apdu },
    );
  }

  /** A frame (or bare APDU) that started and stopped arriving is dropped after T1. */
  private armStall(inProgress: boolean): void {
    this.clearStall();
    if (!inProgress) return;
    this.stallTimer = setTimeout(() => {
      this.stallTimer = null;
      if (this.transport.framing === 'serial') {
        this.frames.reset();
        void this.transport.write(SINGLE_NAK);
      } else {
        this.apdus.reset();
      }
      this.problem('frame-stalled', `no byte for ${this.timings.frameStallMs} ms inside a frame`);
    }, this.timings.frameStallMs);
  }

  private clearStall(): void {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = null;
  }

  private onTransportState(state: TransportState): void {
    if (this.closed) return;
    this.resetReceiver();
    if (state !== 'connected') this.ackWaiter?.('lost');
    this.emit('state', state);
  }

  private onDiscontinuity(event: Discontinuity): void {
    this.resetReceiver();
    if (event.kind === 'peer-reset') {
      this.lastFrame = null;
      this.emit('peer-reset');
    } else {
      this.problem('stream-gap', `${event.missing} report(s) lost: partial frame dropped`);
    }
  }

  private resetReceiver(): void {
    this.clearStall();
    this.frames.reset();
    this.apdus.reset();
  }

  private problem(code: LinkProblemCode, message: string): void {
    this.emit('problem', { code, message });
  }
}

function isAcknowledgement(apdu: Uint8Array): boolean {
  return apdu[0] === 0x80 || apdu[0] === 0x84;
}

function failure(
  code: LinkErrorCode,
  message: string,
  maybeDelivered: boolean,
  attempts: number,
): { ok: false; error: LinkError } {
  return { ok: false, error: { code, message, maybeDelivered, attempts } };
}

function writeFailure(
  code: 'not-connected' | 'write-failed' | 'closed',
  message: string,
  attempts: number,
  silentBefore = false,
): { ok: false; error: LinkError } {
  // A frame that could not be written did not leave this time; an earlier silent send may have.
  const maybeDelivered = silentBefore || code === 'write-failed';
  if (code === 'closed') return failure('closed', message, maybeDelivered, attempts - 1);
  if (code === 'not-connected' && attempts === 1)
    return failure('not-connected', message, false, 0);
  return failure('link-lost', message, maybeDelivered, attempts);
}
