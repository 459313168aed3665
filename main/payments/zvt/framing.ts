/**
 * ZVT's serial transport framing: `DLE STX <APDU, every DLE doubled> DLE ETX CRC-lo CRC-hi`,
 * and the single bytes ACK (06) / NAK (15) the receiver answers a frame with. Our USB HID link
 * carries exactly this byte stream (see hidReports.ts); ZVT over TCP sends bare APDUs instead.
 *
 * The decoder is a state machine fed arbitrary chunks (a HID report, a socket read, a whole
 * capture). It never throws, keeps at most one frame in memory (bounded by `maxApduBytes`),
 * and after anything it cannot use it hunts for the next `DLE STX`, so one bad byte costs one
 * frame, not the link. Timeouts are not its business: the session calls `reset()` when a
 * frame stalls or the link is re-opened.
 */
import { zvtFrameCrc } from './crc';

export const STX = 0x02;
export const ETX = 0x03;
export const ACK = 0x06;
export const DLE = 0x10;
export const NAK = 0x15;

/** Control field 2 + extended length 3 + 65 535 data bytes: the largest APDU ZVT can describe. */
export const MAX_APDU_BYTES = 2 + 3 + 0xffff;

/** The frame for one APDU, ready to write to the link. */
export function encodeFrame(apdu: Uint8Array): Uint8Array {
  let dles = 0;
  for (const byte of apdu) if (byte === DLE) dles++;
  const out = new Uint8Array(apdu.length + dles + 6);
  let i = 0;
  out[i++] = DLE;
  out[i++] = STX;
  for (const byte of apdu) {
    out[i++] = byte;
    if (byte === DLE) out[i++] = DLE;
  }
  out[i++] = DLE;
  out[i++] = ETX;
  const crc = zvtFrameCrc(apdu);
  out[i++] = crc & 0xff;
  out[i] = crc >>> 8;
  return out;
}

export type FramingErrorCode =
  /** The frame arrived whole but its CRC is wrong: answer NAK, the sender repeats it. */
  | 'crc-mismatch'
  /** Bytes outside any frame that are neither ACK, NAK nor the start of a frame. */
  | 'garbage'
  /** DLE followed by something other than DLE, ETX or STX inside a frame. */
  | 'bad-escape'
  /** DLE STX in the middle of a frame: the sender started over; the old frame is dropped. */
  | 'frame-restarted'
  /** More bytes than the largest APDU before DLE ETX. */
  | 'frame-too-long'
  /** The stream ended (or the session reset it) in the middle of a frame. */
  | 'truncated';

export type FramingError = {
  code: FramingErrorCode;
  message: string;
  /** crc-mismatch: the APDU as received, for diagnosis; never act on it. */
  apdu?: Uint8Array;
  /** crc-mismatch: the CRC computed over the received APDU and the one the frame carried. */
  expectedCrc?: number;
  receivedCrc?: number;
  /** garbage: how many bytes were skipped. */
  skipped?: number;
};

export type FrameEvent =
  | { type: 'frame'; apdu: Uint8Array; crc: number }
  | { type: 'ack' }
  | { type: 'nak' }
  | { type: 'error'; error: FramingError };

type State = 'hunt' | 'hunt-dle' | 'data' | 'data-dle' | 'crc-low' | 'crc-high';

export type FrameDecoderOptions = {
  /** Largest APDU accepted; default MAX_APDU_BYTES. Lower it to bound memory further. */
  maxApduBytes?: number;
};

export class FrameDecoder {
  private state: State = 'hunt';
  private buffer = new Uint8Array(256);
  private length = 0;
  private crcLow = 0;
  private garbage = 0;
  private readonly maxApduBytes: number;

  constructor(options: FrameDecoderOptions = {}) {
    const max = options.maxApduBytes ?? MAX_APDU_BYTES;
    this.maxApduBytes = Math.max(3, Math.min(MAX_APDU_BYTES, Math.floor(max)));
  }

  /** Feeds the next bytes of the stream; returns what they completed, in order. */
  push(chunk: Uint8Array): FrameEvent[] {
    const events: FrameEvent[] = [];
    for (let i = 0; i < chunk.length; i++) this.step(chunk[i]!, events);
    return events;
  }

  /** The stream has ended: reports skipped garbage and a frame cut off mid-way. */
  end(): FrameEvent[] {
    const events: FrameEvent[] = [];
    this.flushGarbage(events);
    if (this.state === 'hunt-dle') {
      events.push(garbageEvent(1));
    } else if (this.state !== 'hunt') {
      events.push({
        type: 'error',
        error: { code: 'truncated', message: 'the stream ended inside a frame' },
      });
    }
    this.state = 'hunt';
    this.length = 0;
    return events;
  }

  /** Drops any partial frame silently, e.g. after a frame timeout or when the link re-opens. */
  reset(): void {
    this.state = 'hunt';
    this.length = 0;
    this.garbage = 0;
  }

  /** Bytes reserved for the frame being read: never more than maxApduBytes. */
  get bufferCapacity(): number {
    return this.buffer.length;
  }

  /** True while a frame has started and not yet ended: the session's frame timer runs then. */
  get inFrame(): boolean {
    return this.state !== 'hunt' && this.state !== 'hunt-dle';
  }

  private step(byte: number, events: FrameEvent[]): void {
    switch (this.state) {
      case 'hunt':
        if (byte === DLE) {
          this.state = 'hunt-dle';
        } else if (byte === ACK || byte === NAK) {
          this.flushGarbage(events);
          events.push({ type: byte === ACK ? 'ack' : 'nak' });
        } else {
          this.garbage++;
        }
        return;
      case 'hunt-dle':
        if (byte === STX) {
          this.flushGarbage(events);
          this.startFrame();
        } else {
          // A DLE that starts nothing: count it and look at this byte afresh.
          this.garbage++;
          this.state = 'hunt';
          this.step(byte, events);
        }
        return;
      case 'data':
        if (byte === DLE) this.state = 'data-dle';
        else this.append(byte, events);
        return;
      case 'data-dle':
        if (byte === DLE) {
          this.state = 'data';
          this.append(DLE, events);
        } else if (byte === ETX) {
          this.state = 'crc-low';
        } else if (byte === STX) {
          events.push({
            type: 'error',
            error: {
              code: 'frame-restarted',
              message: `DLE STX after ${this.length} bytes of a frame: the sender started over`,
            },
          });
          this.startFrame();
        } else {
          events.push({
            type: 'error',
            error: {
              code: 'bad-escape',
              message: `DLE followed by ${hexByte(byte)} inside a frame (only DLE, ETX or STX may follow)`,
            },
          });
          this.state = 'hunt';
          this.length = 0;
          this.step(byte, events);
        }
        return;
      case 'crc-low':
        this.crcLow = byte;
        this.state = 'crc-high';
        return;
      case 'crc-high': {
        const apdu = this.buffer.slice(0, this.length);
        const received = this.crcLow | (byte << 8);
        const expected = zvtFrameCrc(apdu);
        this.state = 'hunt';
        this.length = 0;
        if (received === expected) {
          events.push({ type: 'frame', apdu, crc: received });
        } else {
          events.push({
            type: 'error',
            error: {
              code: 'crc-mismatch',
              message: `CRC ${hexWord(received)} received, ${hexWord(expected)} computed over the frame`,
              apdu,
              expectedCrc: expected,
              receivedCrc: received,
            },
          });
        }
        return;
      }
    }
  }

  private startFrame(): void {
    this.state = 'data';
    this.length = 0;
  }

  private append(byte: number, events: FrameEvent[]): void {
    if (this.length >= this.maxApduBytes) {
      events.push({
        type: 'error',
        error: {
          code: 'frame-too-long',
          message: `no DLE ETX within ${this.maxApduBytes} bytes: the frame was dropped`,
        },
      });
      this.state = 'hunt';
      this.length = 0;
      return;
    }
    if (this.length === this.buffer.length) {
      const grown = new Uint8Array(Math.min(this.maxApduBytes, this.buffer.length * 2));
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = byte;
  }

  private flushGarbage(events: FrameEvent[]): void {
    if (this.garbage === 0) return;
    events.push(garbageEvent(this.garbage));
    this.garbage = 0;
  }
}

function garbageEvent(skipped: number): FrameEvent {
  return {
    type: 'error',
    error: {
      code: 'garbage',
      message: `${skipped} byte(s) outside any frame were skipped`,
      skipped,
    },
  };
}

/** Decodes a complete capture at once: the events of push() followed by those of end(). */
export function decodeFrames(bytes: Uint8Array, options?: FrameDecoderOptions): FrameEvent[] {
  const decoder = new FrameDecoder(options);
  return [...decoder.push(bytes), ...decoder.end()];
}

function hexByte(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

function hexWord(word: number): string {
  return word.toString(16).toUpperCase().padStart(4, '0');
}
