/**
 * A ZVT APDU: control field (CLASS, INSTR), a length, then the data. The length is one byte
 * for 0-254 data bytes; for 255 and more it is `FF` followed by the length in 2 bytes, low
 * byte first (Wireshark's ZVT dissector and Portalum.Zvt's tests read it so; e.g. a print
 * text block `06 D3 FF 8E 02 …` carries 0x028E = 654 data bytes). Acknowledgements are APDUs
 * too: `80 00 00` positive, `84 xx 00` negative with the reason in xx.
 */
import { fail } from './errors';
import type { Decoded } from './errors';

export type Apdu = {
  cls: number;
  instr: number;
  data: Uint8Array;
};

export const MAX_APDU_DATA = 0xffff;

export function encodeApdu(
  cls: number,
  instr: number,
  data: Uint8Array = new Uint8Array(),
): Uint8Array {
  if (data.length > MAX_APDU_DATA) {
    throw new RangeError(`An APDU carries at most ${MAX_APDU_DATA} data bytes, got ${data.length}`);
  }
  const extended = data.length >= 0xff;
  const header = extended
    ? [cls & 0xff, instr & 0xff, 0xff, data.length & 0xff, data.length >>> 8]
    : [cls & 0xff, instr & 0xff, data.length];
  const out = new Uint8Array(header.length + data.length);
  out.set(header);
  out.set(data, header.length);
  return out;
}

/**
 * How many bytes the APDU starting at `offset` occupies, once its header has arrived; null
 * while the header is incomplete. Never trusts the length beyond answering it: callers check
 * that the bytes are there before they slice.
 */
export function apduTotalLength(bytes: Uint8Array, offset = 0): number | null {
  if (bytes.length - offset < 3) return null;
  const short = bytes[offset + 2]!;
  if (short !== 0xff) return 3 + short;
  if (bytes.length - offset < 5) return null;
  return 5 + (bytes[offset + 3]! | (bytes[offset + 4]! << 8));
}

/** Exactly one APDU: its declared length must match the bytes given. */
export function parseApdu(bytes: Uint8Array): Decoded<Apdu> {
  if (bytes.length === 0) return fail('empty', 'no bytes: an APDU has at least 3');
  const total = apduTotalLength(bytes);
  if (total === null) {
    return fail('truncated', `${bytes.length} byte(s) cannot hold an APDU header`, 0);
  }
  const headerLength = bytes[2] === 0xff ? 5 : 3;
  if (bytes.length < total) {
    return fail(
      'length-mismatch',
      `the length field announces ${total - headerLength} data bytes, only ${bytes.length - headerLength} follow`,
      2,
    );
  }
  if (bytes.length > total) {
    return fail(
      'length-mismatch',
      `the length field announces ${total - headerLength} data bytes, ${bytes.length - headerLength} follow`,
      2,
    );
  }
  return {
    ok: true,
    value: { cls: bytes[0]!, instr: bytes[1]!, data: bytes.subarray(headerLength, total) },
  };
}

/** `06 01`: how commands are named in the ZVT specification, logs and the CLI. */
export function commandName(cls: number, instr: number): string {
  return `${hex(cls)} ${hex(instr)}`;
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
