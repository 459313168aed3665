/**
 * The few bits of IPP/1.1 (RFC 8010, "Encoding and Transport") a label needs: a request with
 * attribute groups and a document, and a response read back into plain values. Written here
 * rather than taken from npm: the `ipp` and `ipp-encoder` packages are unmaintained and bring
 * their own HTTP stack; the encoding is a few dozen lines.
 *
 * Message: version (2 bytes), operation-id or status-code (2), request-id (4), attribute groups
 * (a delimiter tag, then attributes), end-of-attributes (0x03), data. Attribute: value tag (1),
 * name length (2), name, value length (2), value; further values of the same attribute repeat
 * with a name length of 0. Integers are big-endian signed 32-bit.
 */

export const IPP_VERSION = { major: 1, minor: 1 } as const;

export const operationIds = {
  printJob: 0x0002,
  cancelJob: 0x0008,
  getJobAttributes: 0x0009,
  getPrinterAttributes: 0x000b,
} as const;

export const groupTags = {
  operation: 0x01,
  job: 0x02,
  endOfAttributes: 0x03,
  printer: 0x04,
  unsupported: 0x05,
} as const;

export const valueTags = {
  unsupported: 0x10,
  unknown: 0x12,
  noValue: 0x13,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  dateTime: 0x31,
  resolution: 0x32,
  rangeOfInteger: 0x33,
  begCollection: 0x34,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  endCollection: 0x37,
  textWithoutLanguage: 0x41,
  nameWithoutLanguage: 0x42,
  keyword: 0x44,
  uri: 0x45,
  uriScheme: 0x46,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
  memberAttrName: 0x4a,
} as const;

export type ValueTagName = keyof typeof valueTags;

/** An attribute to send: its syntax and its values (one or more). */
export type IppAttribute =
  | {
      name: string;
      tag: 'integer' | 'enum';
      values: number[];
    }
  | { name: string; tag: 'boolean'; values: boolean[] }
  | {
      name: string;
      tag:
        | 'textWithoutLanguage'
        | 'nameWithoutLanguage'
        | 'keyword'
        | 'uri'
        | 'uriScheme'
        | 'charset'
        | 'naturalLanguage'
        | 'mimeMediaType';
      values: string[];
    };

export type IppRequest = {
  operationId: number;
  requestId: number;
  /** Operation attributes, in order: RFC 8011 wants attributes-charset first, then -natural-language. */
  operation: IppAttribute[];
  job?: IppAttribute[];
  data?: Uint8Array;
};

/** A decoded value: numbers for integer/enum, booleans, strings for text-like syntaxes. */
export type IppValue =
  | number
  | boolean
  | string
  | { lower: number; upper: number }
  | { x: number; y: number; units: number }
  | { [member: string]: IppValue[] }
  | null;

export type IppAttributeGroup = Record<string, IppValue[]>;

export type IppResponse = {
  version: { major: number; minor: number };
  statusCode: number;
  requestId: number;
  operation: IppAttributeGroup;
  job: IppAttributeGroup[];
  printer: IppAttributeGroup[];
  unsupported: IppAttributeGroup;
  data: Uint8Array;
};

export class IppDecodeError extends Error {
  override readonly name = 'IppDecodeError';
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

function encodeValue(attribute: IppAttribute, value: number | boolean | string): Uint8Array {
  if (attribute.tag === 'integer' || attribute.tag === 'enum') {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setInt32(0, value as number);
    return bytes;
  }
  if (attribute.tag === 'boolean') return Uint8Array.of(value ? 1 : 0);
  return utf8.encode(value as string);
}

/** A request as the bytes of an `application/ipp` body (data appended after the attributes). */
export function encodeIppRequest(request: IppRequest): Uint8Array {
  const parts: number[] = [];
  const u16 = (n: number) => parts.push((n >> 8) & 0xff, n & 0xff);
  const push = (bytes: Uint8Array) => {
    for (const byte of bytes) parts.push(byte);
  };
  parts.push(IPP_VERSION.major, IPP_VERSION.minor);
  u16(request.operationId);
  parts.push(
    (request.requestId >>> 24) & 0xff,
    (request.requestId >>> 16) & 0xff,
    (request.requestId >>> 8) & 0xff,
    request.requestId & 0xff,
  );
  const group = (tag: number, attributes: IppAttribute[]) => {
    parts.push(tag);
    for (const attribute of attributes) {
      if (attribute.values.length === 0) {
        throw new Error(`IPP attribute ${attribute.name} has no value`);
      }
      attribute.values.forEach((value, index) => {
        const name = index === 0 ? utf8.encode(attribute.name) : new Uint8Array();
        const bytes = encodeValue(attribute, value);
        if (name.length > 0x7fff || bytes.length > 0x7fff) {
          throw new Error(`IPP attribute ${attribute.name} is too long`);
        }
        parts.push(valueTags[attribute.tag]);
        u16(name.length);
        push(name);
        u16(bytes.length);
        push(bytes);
      });
    }
  };
  group(groupTags.operation, request.operation);
  if (request.job && request.job.length > 0) group(groupTags.job, request.job);
  parts.push(groupTags.endOfAttributes);
  const head = Uint8Array.from(parts);
  if (!request.data) return head;
  const message = new Uint8Array(head.length + request.data.length);
  message.set(head, 0);
  message.set(request.data, head.length);
  return message;
}

const textTags = new Set<number>([
  valueTags.octetString,
  valueTags.textWithoutLanguage,
  valueTags.nameWithoutLanguage,
  valueTags.keyword,
  valueTags.uri,
  valueTags.uriScheme,
  valueTags.charset,
  valueTags.naturalLanguage,
  valueTags.mimeMediaType,
  valueTags.memberAttrName,
]);

/** Reads a response (or a request, its operation-id in `statusCode`) from its bytes. */
export function decodeIppMessage(bytes: Uint8Array): IppResponse {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const need = (count: number) => {
    if (offset + count > bytes.length) {
      throw new IppDecodeError(`IPP message ends early at byte ${offset} (needs ${count} more)`);
    }
  };
  const u8 = () => {
    need(1);
    return bytes[offset++] as number;
  };
  const u16 = () => {
    need(2);
    const value = view.getUint16(offset);
    offset += 2;
    return value;
  };
  const take = (count: number) => {
    need(count);
    const slice = bytes.subarray(offset, offset + count);
    offset += count;
    return slice;
  };

  const version = { major: u8(), minor: u8() };
  const statusCode = u16();
  need(4);
  const requestId = view.getUint32(offset);
  offset += 4;

  function readValue(tag: number, value: Uint8Array): IppValue {
    const valueView = new DataView(value.buffer, value.byteOffset, value.byteLength);
    if (tag === valueTags.integer || tag === valueTags.enum) {
      if (value.length !== 4) throw new IppDecodeError(`integer of ${value.length} bytes`);
      return valueView.getInt32(0);
    }
    if (tag === valueTags.boolean) return value[0] === 1;
    if (tag === valueTags.rangeOfInteger && value.length === 8) {
      return { lower: valueView.getInt32(0), upper: valueView.getInt32(4) };
    }
    if (tag === valueTags.resolution && value.length === 9) {
      return { x: valueView.getInt32(0), y: valueView.getInt32(4), units: value[8] as number };
    }
    if (tag === valueTags.textWithLanguage || tag === valueTags.nameWithLanguage) {
      // language length, language, text length, text: keep the text.
      const languageLength = valueView.getUint16(0);
      const textLength = valueView.getUint16(2 + languageLength);
      return utf8Decoder.decode(
        value.subarray(4 + languageLength, 4 + languageLength + textLength),
      );
    }
    if (textTags.has(tag)) return utf8Decoder.decode(value);
    if (tag < 0x20) return null; // out-of-band: unsupported, unknown, no-value
    return utf8Decoder.decode(value);
  }

  /** After a begCollection value: member-name / value pairs up to the matching endCollection. */
  function readCollection(): { [member: string]: IppValue[] } {
    const members: { [member: string]: IppValue[] } = {};
    let member = '';
    for (;;) {
      const tag = u8();
      take(u16()); // the name is empty inside a collection
      const value = take(u16());
      if (tag === valueTags.endCollection) return members;
      if (tag === valueTags.memberAttrName) {
        member = utf8Decoder.decode(value);
        members[member] ??= [];
        continue;
      }
      const decoded = tag === valueTags.begCollection ? readCollection() : readValue(tag, value);
      (members[member] ??= []).push(decoded);
    }
  }

  const response: IppResponse = {
    version,
    statusCode,
    requestId,
    operation: {},
    job: [],
    printer: [],
    unsupported: {},
    data: new Uint8Array(),
  };
  let group: IppAttributeGroup | null = null;
  let last: string | null = null;
  for (;;) {
    const tag = u8();
    if (tag === groupTags.endOfAttributes) break;
    if (tag < 0x10) {
      group = {};
      last = null;
      if (tag === groupTags.operation) response.operation = group;
      else if (tag === groupTags.job) response.job.push(group);
      else if (tag === groupTags.printer) response.printer.push(group);
      else if (tag === groupTags.unsupported) response.unsupported = group;
      continue;
    }
    if (group === null) throw new IppDecodeError(`attribute before any group at byte ${offset}`);
    const nameLength = u16();
    const name: string | null = nameLength === 0 ? last : utf8Decoder.decode(take(nameLength));
    if (name === null) throw new IppDecodeError(`additional value without an attribute`);
    const value = take(u16());
    const decoded = tag === valueTags.begCollection ? readCollection() : readValue(tag, value);
    (group[name] ??= []).push(decoded);
    last = name;
  }
  response.data = bytes.subarray(offset);
  return response;
}

/** The first value of an attribute as a string, or null. */
export function firstString(group: IppAttributeGroup | undefined, name: string): string | null {
  const value = group?.[name]?.[0];
  return typeof value === 'string' ? value : null;
}

export function firstNumber(group: IppAttributeGroup | undefined, name: string): number | null {
  const value = group?.[name]?.[0];
  return typeof value === 'number' ? value : null;
}

export function allStrings(group: IppAttributeGroup | undefined, name: string): string[] {
  return (group?.[name] ?? []).filter((value): value is string => typeof value === 'string');
}

/** RFC 8011 §4.3 status codes the transport tells apart; others are named by their hex. */
const statusNames: Record<number, string> = {
  0x0000: 'successful-ok',
  0x0001: 'successful-ok-ignored-or-substituted-attributes',
  0x0002: 'successful-ok-conflicting-attributes',
  0x0400: 'client-error-bad-request',
  0x0401: 'client-error-forbidden',
  0x0402: 'client-error-not-authenticated',
  0x0403: 'client-error-not-authorized',
  0x0404: 'client-error-not-possible',
  0x0405: 'client-error-timeout',
  0x0406: 'client-error-not-found',
  0x0407: 'client-error-gone',
  0x040a: 'client-error-document-format-not-supported',
  0x040b: 'client-error-attributes-or-values-not-supported',
  0x0500: 'server-error-internal-error',
  0x0501: 'server-error-operation-not-supported',
  0x0502: 'server-error-service-unavailable',
  0x0503: 'server-error-version-not-supported',
  0x0504: 'server-error-device-error',
  0x0505: 'server-error-temporary-error',
  0x0506: 'server-error-not-accepting-jobs',
  0x0507: 'server-error-busy',
};

export function ippStatusName(code: number): string {
  return statusNames[code] ?? `0x${code.toString(16).padStart(4, '0')}`;
}

export function isIppSuccess(code: number): boolean {
  return code < 0x0100;
}

/** RFC 8011 §5.3.7 job-state. */
export const jobStates = {
  pending: 3,
  pendingHeld: 4,
  processing: 5,
  processingStopped: 6,
  canceled: 7,
  aborted: 8,
  completed: 9,
} as const;

/** RFC 8011 §5.4.11 printer-state. */
export const printerStates = { idle: 3, processing: 4, stopped: 5 } as const;
