/**
 * Small byte helpers shared by the ZVT codec. Hex strings are what people paste from traffic
 * captures, so the parser accepts the usual separators; everything else works on Uint8Array.
 */

/** `06 01 0A`, `06-01-0A`, `06:01:0a`, `06010A` and `0x06 0x01` all read as the same bytes. */
export function parseHex(
  text: string,
): { ok: true; bytes: Uint8Array } | { ok: false; error: string } {
  const compact = text.replace(/0x/gi, '').replace(/[\s:,-]/g, '');
  if (compact.length === 0) return { ok: false, error: 'no hex digits given' };
  const bad = /[^0-9a-f]/i.exec(compact);
  if (bad) return { ok: false, error: `"${bad[0]}" is not a hex digit` };
  if (compact.length % 2 !== 0) {
    return {
      ok: false,
      error: `odd number of hex digits (${compact.length}): a byte is two digits`,
    };
  }
  const bytes = new Uint8Array(compact.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = Number.parseInt(compact.slice(i * 2, i * 2 + 2), 16);
  }
  return { ok: true, bytes };
}

/** Uppercase hex; `separator` goes between bytes (`' '` for humans, `''` for JSON fields). */
export function toHex(bytes: Uint8Array | readonly number[], separator = ''): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0) out += separator;
    out += (bytes[i]! & 0xff).toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Hex that this codec wrote itself (tests, TLV tags): throws on anything that is not hex. */
export function fromHex(text: string): Uint8Array {
  const parsed = parseHex(text);
  if (!parsed.ok) throw new RangeError(`Not hex: ${parsed.error}`);
  return parsed.bytes;
}

export function concatBytes(parts: readonly (Uint8Array | readonly number[])[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
