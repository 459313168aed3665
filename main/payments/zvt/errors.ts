/**
 * What the ZVT decoders answer instead of throwing. Every way a terminal (or a line, or a
 * fuzzer) can hand us bytes we cannot use has a code, so the session can decide what to do
 * (answer 84 xx, NAK the frame, ask for the status) and IT support can read why.
 */
export type ZvtDecodeErrorCode =
  /** Nothing to decode. */
  | 'empty'
  /** The bytes end before a header, a length-prefixed field or a fixed field is complete. */
  | 'truncated'
  /** The APDU's length field and the bytes that follow it disagree. */
  | 'length-mismatch'
  /** A command (class/instruction) this codec does not speak. */
  | 'unknown-command'
  /** A BMP tag that is not in the BMP table: its length cannot be known, so decoding stops. */
  | 'unknown-bmp'
  /** A BCD field holds a nibble that is not a decimal digit (and the field allows no other). */
  | 'bad-bcd'
  /** An LL/LLL length prefix is not of the form Fx Fy (Fz). */
  | 'bad-length-prefix'
  /** A TLV tag, length or nesting that does not parse. */
  | 'bad-tlv'
  /** TLV containers nested deeper than any real message does. */
  | 'tlv-too-deep'
  /** A field the message cannot mean anything without (the amount of an authorisation, …). */
  | 'missing-field'
  /** A field whose value is out of its range or the wrong size for its meaning. */
  | 'bad-field';

export type ZvtDecodeError = {
  code: ZvtDecodeErrorCode;
  /** One sentence in English for logs and the IT support tool. */
  message: string;
  /**
   * Where the problem was found, when known: a byte offset in the APDU (decodeMessage) or in
   * its data (decodeApdu); for a bad field, the offset of its BMP tag.
   */
  offset?: number;
  /** `06 01` etc., when the command was recognised before the problem. */
  command?: string;
};

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: ZvtDecodeError };

export function fail(
  code: ZvtDecodeErrorCode,
  message: string,
  offset?: number,
): { ok: false; error: ZvtDecodeError } {
  return { ok: false, error: offset === undefined ? { code, message } : { code, message, offset } };
}
