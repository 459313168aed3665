import { describe, expect, it } from 'vitest';
import { apduTotalLength, encodeApdu, parseApdu } from './apdu';
import { concatBytes, fromHex, toHex } from './bytes';
import { PORTALUM_APDU_LENGTHS, PORTALUM_TEXT_BLOCKS } from './fixtures/publishedFrames';
import { ApduStreamDecoder } from './tcpStream';

describe('APDU length', () => {
  it('is one byte below 255', () => {
    const parsed = parseApdu(fromHex(PORTALUM_APDU_LENGTHS.shortLength));
    expect(parsed).toMatchObject({ ok: true, value: { cls: 0x04, instr: 0x0f } });
    expect(parsed.ok && toHex(parsed.value.data)).toBe('6C');
  });

  it('is FF then 2 bytes low byte first from 255 on (Portalum.Zvt: FF 01 00 is 1, FF 00 01 is 256)', () => {
    const one = parseApdu(fromHex(PORTALUM_APDU_LENGTHS.extendedOne));
    expect(one.ok && one.value.data.length).toBe(1);
    expect(apduTotalLength(fromHex(PORTALUM_APDU_LENGTHS.extended256Header))).toBe(5 + 256);
  });

  it('reads the published 654-byte print text block (06 D3 FF 8E 02 …)', () => {
    const parsed = parseApdu(fromHex(PORTALUM_TEXT_BLOCKS.cardholder));
    expect(parsed.ok && parsed.value.data.length).toBe(0x028e);
  });

  it('is written in the extended form exactly from 255 data bytes on', () => {
    expect(toHex(encodeApdu(0x06, 0xd3, new Uint8Array(254)).subarray(0, 3), ' ')).toBe('06 D3 FE');
    expect(toHex(encodeApdu(0x06, 0xd3, new Uint8Array(255)).subarray(0, 5), ' ')).toBe(
      '06 D3 FF FF 00',
    );
    expect(toHex(encodeApdu(0x06, 0xd3, new Uint8Array(654)).subarray(0, 5), ' ')).toBe(
      '06 D3 FF 8E 02',
    );
  });

  it('gives typed errors for a header cut off and for a length that lies either way', () => {
    expect(parseApdu(fromHex(PORTALUM_APDU_LENGTHS.tooShort))).toMatchObject({
      ok: false,
      error: { code: 'truncated' },
    });
    expect(parseApdu(fromHex(PORTALUM_APDU_LENGTHS.lyingLength))).toMatchObject({
      ok: false,
      error: { code: 'length-mismatch' },
    });
    expect(parseApdu(fromHex('80 00 00 00'))).toMatchObject({
      ok: false,
      error: { code: 'length-mismatch' },
    });
    expect(parseApdu(new Uint8Array())).toMatchObject({ ok: false, error: { code: 'empty' } });
  });

  it('refuses to encode more data than a length field can say', () => {
    expect(() => encodeApdu(0x06, 0xd3, new Uint8Array(0x10000))).toThrow(RangeError);
  });
});

describe('ApduStreamDecoder (ZVT over TCP: bare APDUs)', () => {
  it('splits concatenated APDUs and waits for the rest of a split one', () => {
    const ack = fromHex('80 00 00');
    const block = fromHex(PORTALUM_TEXT_BLOCKS.administration);
    const stream = concatBytes([ack, block, ack]);
    const decoder = new ApduStreamDecoder();
    const first = decoder.push(stream.subarray(0, 10));
    expect(first.map((apdu) => toHex(apdu))).toEqual(['800000']);
    expect(decoder.pendingBytes).toBe(7);
    const rest = decoder.push(stream.subarray(10));
    expect(rest.map((apdu) => apdu.length)).toEqual([block.length, 3]);
    expect(decoder.pendingBytes).toBe(0);
  });
});
