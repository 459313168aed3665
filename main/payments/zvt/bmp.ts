/**
 * The BMP table: ZVT's data fields ("bitmaps"), each a one-byte tag followed by a value whose
 * length is fixed by the tag, or given by an LL/LLL prefix, or (BMP 06) by a TLV length. A tag
 * that is not in the table cannot be skipped (its length is unknown), so decoding stops there
 * with a typed error. Sources, which agree on every entry used here: Wireshark's ZVT
 * dissector (epan/dissectors/packet-zvt.c), python-ecrterm (ecrterm/packets/bitmaps.py),
 * Portalum.Zvt (Parsers/BmpParser.cs).
 */
import { decodeLengthPrefix, encodeLengthPrefix } from './bcd';
import { concatBytes } from './bytes';
import { fail } from './errors';
import type { Decoded } from './errors';
import { decodeTlvContainer, encodeTlvBmp } from './tlv';
import type { TlvNode } from './tlv';

export type BmpFormat =
  { kind: 'fixed'; length: number } | { kind: 'llvar' } | { kind: 'lllvar' } | { kind: 'tlv' };

/**
 * How a value reads. `secret` values (track data, CVV, PIN data) are never decoded into a
 * message or printed: only the fact that they were there.
 */
export type BmpContent = 'binary' | 'bcd' | 'text' | 'card-number' | 'secret' | 'tlv';

export type BmpDefinition = {
  tag: number;
  name: string;
  format: BmpFormat;
  content: BmpContent;
};

const fixed = (length: number): BmpFormat => ({ kind: 'fixed', length });
const LLVAR: BmpFormat = { kind: 'llvar' };
const LLLVAR: BmpFormat = { kind: 'lllvar' };

const DEFINITIONS: BmpDefinition[] = [
  { tag: 0x01, name: 'timeout', format: fixed(1), content: 'binary' },
  { tag: 0x02, name: 'max. status infos', format: fixed(1), content: 'binary' },
  { tag: 0x03, name: 'service byte', format: fixed(1), content: 'binary' },
  { tag: 0x04, name: 'amount', format: fixed(6), content: 'bcd' },
  { tag: 0x05, name: 'pump number', format: fixed(1), content: 'binary' },
  { tag: 0x06, name: 'TLV container', format: { kind: 'tlv' }, content: 'tlv' },
  { tag: 0x0b, name: 'trace number', format: fixed(3), content: 'bcd' },
  { tag: 0x0c, name: 'time HHMMSS', format: fixed(3), content: 'bcd' },
  { tag: 0x0d, name: 'date MMDD', format: fixed(2), content: 'bcd' },
  { tag: 0x0e, name: 'expiry date YYMM', format: fixed(2), content: 'secret' },
  { tag: 0x17, name: 'card sequence number', format: fixed(2), content: 'bcd' },
  { tag: 0x19, name: 'payment type / status byte', format: fixed(1), content: 'binary' },
  { tag: 0x22, name: 'card number (PAN), masked', format: LLVAR, content: 'card-number' },
  { tag: 0x23, name: 'track 2 data', format: LLVAR, content: 'secret' },
  { tag: 0x24, name: 'track 3 data', format: LLLVAR, content: 'secret' },
  { tag: 0x27, name: 'result code', format: fixed(1), content: 'binary' },
  { tag: 0x29, name: 'terminal ID', format: fixed(4), content: 'bcd' },
  { tag: 0x2a, name: 'VU number', format: fixed(15), content: 'text' },
  { tag: 0x2d, name: 'track 1 data', format: LLVAR, content: 'secret' },
  { tag: 0x2e, name: 'synchronous chip data', format: LLLVAR, content: 'secret' },
  { tag: 0x37, name: 'trace number of the original transaction', format: fixed(3), content: 'bcd' },
  { tag: 0x3a, name: 'CVV/CVC', format: fixed(2), content: 'secret' },
  { tag: 0x3b, name: 'authorisation attribute (AID)', format: fixed(8), content: 'text' },
  { tag: 0x3c, name: 'additional data/text', format: LLLVAR, content: 'text' },
  { tag: 0x3d, name: 'password', format: fixed(3), content: 'secret' },
  { tag: 0x49, name: 'currency code', format: fixed(2), content: 'bcd' },
  { tag: 0x60, name: 'individual totals', format: LLLVAR, content: 'binary' },
  { tag: 0x87, name: 'receipt number', format: fixed(2), content: 'bcd' },
  { tag: 0x88, name: 'turnover record number', format: fixed(3), content: 'bcd' },
  { tag: 0x8a, name: 'card type (ZVT card-type ID)', format: fixed(1), content: 'binary' },
  { tag: 0x8b, name: 'card name', format: LLVAR, content: 'text' },
  { tag: 0x8c, name: 'card type ID of the network operator', format: fixed(1), content: 'binary' },
  { tag: 0x92, name: 'additional data ec-Cash chip offline', format: LLLVAR, content: 'binary' },
  { tag: 0x9a, name: 'GeldKarte records', format: LLLVAR, content: 'binary' },
  { tag: 0xa0, name: 'result code AS', format: fixed(1), content: 'binary' },
  { tag: 0xa7, name: 'chip data, EF_ID', format: LLVAR, content: 'secret' },
  { tag: 0xaa, name: 'date YYMMDD', format: fixed(3), content: 'bcd' },
  { tag: 0xaf, name: 'EF_Info', format: LLLVAR, content: 'binary' },
  { tag: 0xba, name: 'AID parameter', format: fixed(5), content: 'binary' },
  { tag: 0xd0, name: 'algorithm key', format: fixed(1), content: 'binary' },
  { tag: 0xd1, name: 'card offset/PIN data', format: LLVAR, content: 'secret' },
  { tag: 0xd2, name: 'card output direction', format: fixed(1), content: 'binary' },
  { tag: 0xd3, name: 'DUKPT key identifier', format: fixed(1), content: 'binary' },
  { tag: 0xe0, name: 'min. length of the input', format: fixed(1), content: 'binary' },
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((line): BmpDefinition => ({
    tag: 0xe0 + line,
    name: `text2 line ${line}`,
    format: LLVAR,
    content: 'text',
  })),
  { tag: 0xe9, name: 'max. length of the input', format: fixed(1), content: 'binary' },
  { tag: 0xea, name: 'echo the input', format: fixed(1), content: 'binary' },
  { tag: 0xeb, name: 'MAC over text 1 and text 2', format: fixed(8), content: 'binary' },
  { tag: 0xf0, name: 'display duration', format: fixed(1), content: 'binary' },
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((line): BmpDefinition => ({
    tag: 0xf0 + line,
    name: `text1 line ${line}`,
    format: LLVAR,
    content: 'text',
  })),
  { tag: 0xf9, name: 'number of beep tones', format: fixed(1), content: 'binary' },
  { tag: 0xfa, name: 'card reader activation', format: fixed(1), content: 'binary' },
  {
    tag: 0xfb,
    name: 'confirmation of the input with OK required',
    format: fixed(1),
    content: 'binary',
  },
  { tag: 0xfc, name: 'dialog control', format: fixed(1), content: 'binary' },
  { tag: 0xfd, name: 'display device', format: fixed(1), content: 'binary' },
];

export const BMP_TABLE: ReadonlyMap<number, BmpDefinition> = new Map(
  DEFINITIONS.map((definition) => [definition.tag, definition]),
);

export const BMP = {
  timeout: 0x01,
  maxStatusInfos: 0x02,
  serviceByte: 0x03,
  amount: 0x04,
  tlv: 0x06,
  traceNumber: 0x0b,
  time: 0x0c,
  date: 0x0d,
  expiryDate: 0x0e,
  cardSequenceNumber: 0x17,
  paymentType: 0x19,
  cardNumber: 0x22,
  resultCode: 0x27,
  terminalId: 0x29,
  vuNumber: 0x2a,
  originalTraceNumber: 0x37,
  authorisationAttribute: 0x3b,
  additionalText: 0x3c,
  currency: 0x49,
  individualTotals: 0x60,
  receiptNumber: 0x87,
  turnoverNumber: 0x88,
  cardType: 0x8a,
  cardName: 0x8b,
  cardTypeNetwork: 0x8c,
  resultCodeAs: 0xa0,
  dateWithYear: 0xaa,
} as const;

export type DecodedBmp = {
  tag: number;
  definition: BmpDefinition;
  /** The value without tag and length prefix (for BMP 06: without the TLV length). */
  value: Uint8Array;
  /** BMP 06 only. */
  tlv?: TlvNode[];
  /** Offset of the tag byte within the bytes decoded. */
  offset: number;
};

/** The BMPs in `bytes[start, end)`, in order. */
export function decodeBmpSequence(
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
): Decoded<DecodedBmp[]> {
  const view = end === bytes.length ? bytes : bytes.subarray(0, end);
  const fields: DecodedBmp[] = [];
  let offset = start;
  while (offset < end) {
    const tag = view[offset]!;
    const definition = BMP_TABLE.get(tag);
    if (!definition) {
      return fail('unknown-bmp', `BMP ${hexByte(tag)} is not in the BMP table`, offset);
    }
    const field = decodeOne(view, offset, definition);
    if (!field.ok) return field;
    fields.push(field.value.bmp);
    offset = field.value.end;
  }
  return { ok: true, value: fields };
}

function decodeOne(
  bytes: Uint8Array,
  offset: number,
  definition: BmpDefinition,
): Decoded<{ bmp: DecodedBmp; end: number }> {
  const valueStart = offset + 1;
  const format = definition.format;
  if (format.kind === 'tlv') {
    const container = decodeTlvContainer(bytes, valueStart);
    if (!container.ok) return container;
    const bmp: DecodedBmp = {
      tag: definition.tag,
      definition,
      value: bytes.subarray(valueStart, container.value.end),
      tlv: container.value.nodes,
      offset,
    };
    return { ok: true, value: { bmp, end: container.value.end } };
  }
  let dataStart = valueStart;
  let length: number;
  if (format.kind === 'fixed') {
    length = format.length;
  } else {
    const prefix = decodeLengthPrefix(bytes, valueStart, format.kind === 'llvar' ? 2 : 3);
    if (!prefix.ok) return prefix;
    length = prefix.value;
    dataStart += format.kind === 'llvar' ? 2 : 3;
  }
  const end = dataStart + length;
  if (end > bytes.length) {
    return fail(
      'truncated',
      `BMP ${hexByte(definition.tag)} (${definition.name}) needs ${length} bytes, ${bytes.length - dataStart} remain`,
      offset,
    );
  }
  const bmp: DecodedBmp = {
    tag: definition.tag,
    definition,
    value: bytes.subarray(dataStart, end),
    offset,
  };
  return { ok: true, value: { bmp, end } };
}

/** Tag, length prefix where the format has one, and value. Throws when a fixed size is wrong. */
export function encodeBmp(tag: number, value: Uint8Array): Uint8Array {
  const definition = BMP_TABLE.get(tag);
  if (!definition) throw new RangeError(`BMP ${hexByte(tag)} is not in the BMP table`);
  const format = definition.format;
  switch (format.kind) {
    case 'fixed':
      if (value.length !== format.length) {
        throw new RangeError(
          `BMP ${hexByte(tag)} (${definition.name}) is ${format.length} bytes, got ${value.length}`,
        );
      }
      return concatBytes([[tag], value]);
    case 'llvar':
      return concatBytes([[tag], encodeLengthPrefix(value.length, 2), value]);
    case 'lllvar':
      return concatBytes([[tag], encodeLengthPrefix(value.length, 3), value]);
    case 'tlv':
      throw new RangeError('BMP 06 is built from TLV nodes: use encodeTlvBmp');
  }
}

export { encodeTlvBmp };

export function hexByte(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
