import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from './bytes';
import { ECRTERM_ENCODED_FRAMES } from './fixtures/publishedFrames';
import { ACK, FrameDecoder, NAK, decodeFrames, encodeFrame } from './framing';
import type { FrameEvent } from './framing';

const AUTH_FRAME = fromHex(ECRTERM_ENCODED_FRAMES.authorisation);
const AUTH_APDU = fromHex('06 01 0A 04 00 00 00 01 10 00 49 09 78');

function frames(events: FrameEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'frame' ? [toHex(event.apdu, ' ')] : []));
}

function errorCodes(events: FrameEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'error' ? [event.error.code] : []));
}

describe('encodeFrame', () => {
  for (const [name, hex] of Object.entries(ECRTERM_ENCODED_FRAMES)) {
    it(`builds ecrterm's published ${name} frame byte for byte`, () => {
      const frame = fromHex(hex);
      const [apdu] = frames(decodeFrames(frame));
      expect(toHex(encodeFrame(fromHex(apdu!)), ' ')).toBe(toHex(frame, ' '));
    });
  }

  it('doubles every DLE inside the APDU and ends DLE ETX CRC-low CRC-high', () => {
    expect(toHex(encodeFrame(AUTH_APDU), ' ')).toBe(ECRTERM_ENCODED_FRAMES.authorisation);
  });
});

describe('FrameDecoder', () => {
  it('decodes a published frame fed one byte at a time', () => {
    const decoder = new FrameDecoder();
    const events: FrameEvent[] = [];
    for (const byte of AUTH_FRAME) events.push(...decoder.push(Uint8Array.of(byte)));
    expect(frames(events)).toEqual([toHex(AUTH_APDU, ' ')]);
    expect(errorCodes(events)).toEqual([]);
  });

  it('decodes frames split anywhere across chunks, DLE pairs included', () => {
    for (let cut = 1; cut < AUTH_FRAME.length; cut++) {
      const decoder = new FrameDecoder();
      const events = [
        ...decoder.push(AUTH_FRAME.subarray(0, cut)),
        ...decoder.push(AUTH_FRAME.subarray(cut)),
      ];
      expect(frames(events)).toEqual([toHex(AUTH_APDU, ' ')]);
    }
  });

  it('reports ACK and NAK bytes between frames, in order', () => {
    const stream = concatBytes([
      [ACK],
      AUTH_FRAME,
      [NAK],
      fromHex(ECRTERM_ENCODED_FRAMES.packetReceived),
    ]);
    const types = decodeFrames(stream).map((event) => event.type);
    expect(types).toEqual(['ack', 'frame', 'nak', 'frame']);
  });

  it('reports a frame with a wrong CRC, with what was computed, so the session can NAK it', () => {
    const bad = AUTH_FRAME.slice();
    bad[bad.length - 1] = bad.at(-1)! ^ 0x01;
    const [event] = decodeFrames(bad);
    expect(event).toMatchObject({
      type: 'error',
      error: { code: 'crc-mismatch', expectedCrc: 0xfff2, receivedCrc: 0xfef2 },
    });
  });

  it('skips garbage before a frame and says how much', () => {
    const events = decodeFrames(concatBytes([[0x41, 0x42, 0x10, 0x43], AUTH_FRAME]));
    expect(events[0]).toMatchObject({ type: 'error', error: { code: 'garbage', skipped: 4 } });
    expect(frames(events)).toEqual([toHex(AUTH_APDU, ' ')]);
  });

  it('drops a frame whose DLE is followed by a stray byte and resyncs on the next frame', () => {
    const broken = fromHex('10 02 06 01 10 41 42');
    const events = decodeFrames(concatBytes([broken, AUTH_FRAME]));
    expect(errorCodes(events)).toContain('bad-escape');
    expect(frames(events)).toEqual([toHex(AUTH_APDU, ' ')]);
  });

  it('starts over when DLE STX appears inside a frame (the sender restarted)', () => {
    const events = decodeFrames(concatBytes([fromHex('10 02 06 01 0A 04'), AUTH_FRAME]));
    expect(errorCodes(events)).toEqual(['frame-restarted']);
    expect(frames(events)).toEqual([toHex(AUTH_APDU, ' ')]);
  });

  it('drops a frame that never ends within the limit, keeping memory bounded', () => {
    const decoder = new FrameDecoder({ maxApduBytes: 64 });
    const endless = concatBytes([[0x10, 0x02], new Uint8Array(1000).fill(0x41)]);
    const events = [...decoder.push(endless), ...decoder.push(AUTH_FRAME)];
    expect(errorCodes(events)).toContain('frame-too-long');
    expect(frames(events)).toEqual([toHex(AUTH_APDU, ' ')]);
  });

  it('says a frame was cut off when the stream ends inside it', () => {
    const events = decodeFrames(AUTH_FRAME.subarray(0, 8));
    expect(errorCodes(events)).toEqual(['truncated']);
  });

  it('knows when it is inside a frame, and forgets a partial frame on reset', () => {
    const decoder = new FrameDecoder();
    decoder.push(AUTH_FRAME.subarray(0, 6));
    expect(decoder.inFrame).toBe(true);
    decoder.reset();
    expect(decoder.inFrame).toBe(false);
    expect(frames(decoder.push(AUTH_FRAME))).toEqual([toHex(AUTH_APDU, ' ')]);
  });

  it('reads back what encodeFrame wrote for every byte value, DLE, STX and ETX included', () => {
    const apdu = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(frames(decodeFrames(encodeFrame(apdu)))).toEqual([toHex(apdu, ' ')]);
  });
});
