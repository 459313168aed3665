/**
 * ZVT's TLV container (BMP 06): BER-like data objects. A tag is one byte, or more when its low
 * five bits are all set (`1F 07`, `DF 41`), continuing while the top bit is set; bit 0x20 of the
 * first byte marks a constructed object whose value is itself a sequence of objects. A length
 * is one byte below 0x80, or `81 xx`, or `82 xx xx` (big-endian). Values stay hex here; the
 * messages that know a tag give it meaning.
 */
import { fromHex, toHex } from './bytes';
import { fail } from './errors';
import type { Decoded } from './errors';

export type TlvNode = {
  /** Uppercase hex of the tag bytes: `1F07`, `24`, `DF41`. */
  tag: string;
  /** Value of a primitive object, uppercase hex. */
  hex?: string;
  /** Value of a constructed object. */
  children?: TlvNode[];
};

/** Real messages nest two or three levels; anything deeper is noise or an attack. */
export const MAX_TLV_DEPTH = 8;

export function isConstructedTag(tag: string): boolean {
  return (Number.parseInt(tag.slice(0, 2), 16) & 0x20) !== 0;
}

type Length = { length: number; size: number };

export function readTlvLength(
  bytes: Uint8Array,
  offset: number,
  end = bytes.length,
): Decoded<Length> {
  if (offset >= end) return fail('truncated', 'a TLV length is cut off', offset);
  const first = bytes[offset]!;
  if (first < 0x80) return { ok: true, value: { length: first, size: 1 } };
  if (first === 0x81) {
    if (offset + 2 > end) return fail('truncated', 'a TLV length 81 xx is cut off', offset);
    return { ok: true, value: { length: bytes[offset + 1]!, size: 2 } };
  }
  if (first === 0x82) {
    if (offset + 3 > end) return fail('truncated', 'a TLV length 82 xx xx is cut off', offset);
    return { ok: true, value: { length: (bytes[offset + 1]! << 8) | bytes[offset + 2]!, size: 3 } };
  }
  return fail('bad-tlv', `TLV length byte ${toHex([first])} is neither < 80, 81 nor 82`, offset);
}

function readTag(
  bytes: Uint8Array,
  offset: number,
  end: number,
): Decoded<{ tag: string; size: number }> {
  const first = bytes[offset]!;
  let size = 1;
  if ((first & 0x1f) === 0x1f) {
    for (;;) {
      if (offset + size >= end) return fail('truncated', 'a multi-byte TLV tag is cut off', offset);
      const next = bytes[offset + size]!;
      size++;
      if ((next & 0x80) === 0) break;
      if (size >= 3) return fail('bad-tlv', 'a TLV tag longer than 3 bytes', offset);
    }
  }
  return { ok: true, value: { tag: toHex(bytes.subarray(offset, offset + size)), size } };
}

/** The data objects in `bytes[start, end)`. */
export function decodeTlvSequence(
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
  depth = 0,
): Decoded<TlvNode[]> {
  if (depth >= MAX_TLV_DEPTH) {
    return fail('tlv-too-deep', `TLV objects nested deeper than ${MAX_TLV_DEPTH} levels`, start);
  }
  const nodes: TlvNode[] = [];
  let offset = start;
  while (offset < end) {
    const tag = readTag(bytes, offset, end);
    if (!tag.ok) return tag;
    offset += tag.value.size;
    const length = readTlvLength(bytes, offset, end);
    if (!length.ok) return length;
    offset += length.value.size;
    const valueEnd = offset + length.value.length;
    if (valueEnd > end) {
      return fail(
        'truncated',
        `TLV ${tag.value.tag} announces ${length.value.length} bytes, ${end - offset} remain`,
        offset,
      );
    }
    if (isConstructedTag(tag.value.tag)) {
      const children = decodeTlvSequence(bytes, offset, valueEnd, depth + 1);
      if (!children.ok) return children;
      nodes.push({ tag: tag.value.tag, children: children.value });
    } else {
      nodes.push({ tag: tag.value.tag, hex: toHex(bytes.subarray(offset, valueEnd)) });
    }
    offset = valueEnd;
  }
  return { ok: true, value: nodes };
}

/** BMP 06's payload at `offset`: a TLV length, then that many bytes of objects. */
export function decodeTlvContainer(
  bytes: Uint8Array,
  offset: number,
): Decoded<{ nodes: TlvNode[]; end: number }> {
  const length = readTlvLength(bytes, offset);
  if (!length.ok) return length;
  const start = offset + length.value.size;
  const end = start + length.value.length;
  if (end > bytes.length) {
    return fail(
      'truncated',
      `the TLV container announces ${length.value.length} bytes, ${bytes.length - start} remain`,
      offset,
    );
  }
  const nodes = decodeTlvSequence(bytes, start, end);
  if (!nodes.ok) return nodes;
  return { ok: true, value: { nodes: nodes.value, end } };
}

export function encodeTlvLength(length: number): number[] {
  if (!Number.isSafeInteger(length) || length < 0 || length > 0xffff) {
    throw new RangeError(`A TLV value holds 0-65535 bytes, got ${length}`);
  }
  if (length < 0x80) return [length];
  if (length <= 0xff) return [0x81, length];
  return [0x82, length >>> 8, length & 0xff];
}

function encodeNode(node: TlvNode, out: number[]): void {
  const tag = fromHex(node.tag);
  if (tag.length === 0 || tag.length > 3)
    throw new RangeError(`TLV tag "${node.tag}" is 1-3 bytes`);
  const constructed = isConstructedTag(node.tag);
  if (constructed !== (node.children !== undefined)) {
    throw new RangeError(
      `TLV tag ${node.tag} is ${constructed ? 'constructed: give children' : 'primitive: give hex'}`,
    );
  }
  const value = node.children ? encodeTlvSequence(node.children) : fromHexOrEmpty(node.hex);
  out.push(...tag, ...encodeTlvLength(value.length));
  for (const byte of value) out.push(byte);
}

function fromHexOrEmpty(hex: string | undefined): Uint8Array {
  return hex === undefined || hex === '' ? new Uint8Array() : fromHex(hex);
}

export function encodeTlvSequence(nodes: readonly TlvNode[]): Uint8Array {
  const out: number[] = [];
  for (const node of nodes) encodeNode(node, out);
  return Uint8Array.from(out);
}

/** BMP 06 with its container: `06 <length> <objects>`. */
export function encodeTlvBmp(nodes: readonly TlvNode[]): Uint8Array {
  const body = encodeTlvSequence(nodes);
  return Uint8Array.from([0x06, ...encodeTlvLength(body.length), ...body]);
}

export function primitive(tag: string, value: Uint8Array | readonly number[]): TlvNode {
  return { tag, hex: toHex(value) };
}

export function findTlv(nodes: readonly TlvNode[] | undefined, tag: string): TlvNode | undefined {
  return nodes?.find((node) => node.tag === tag);
}

export function tlvValue(node: TlvNode | undefined): Uint8Array | undefined {
  return node?.hex === undefined ? undefined : fromHexOrEmpty(node.hex);
}
