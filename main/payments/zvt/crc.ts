/**
 * The checksum of ZVT's serial frames. Checked against frames published by other
 * implementations (see crc.test.ts): it is the CRC-16 with the CCITT polynomial 0x1021 in its
 * bit-reflected form (0x8408, least significant bit first), initial value 0x0000, no final XOR
 * (catalogued as CRC-16/KERMIT), computed over the APDU bytes as sent before DLE doubling plus
 * the closing ETX, and transmitted low byte first. The non-reflected CRC-16/XMODEM, which some
 * write-ups name, does not reproduce those frames.
 */
const TABLE = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let crc = n;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
    table[n] = crc;
  }
  return table;
}

/** CRC over `bytes`, continuing from `crc` (0 to start). */
export function crc16Kermit(bytes: Uint8Array | readonly number[], crc = 0): number {
  let value = crc & 0xffff;
  for (let i = 0; i < bytes.length; i++) {
    value = (value >>> 8) ^ TABLE[(value ^ bytes[i]!) & 0xff]!;
  }
  return value;
}

const ETX_ONLY = [0x03];

/** The CRC a ZVT frame carrying this (unescaped) APDU ends with: over APDU + ETX. */
export function zvtFrameCrc(apdu: Uint8Array): number {
  return crc16Kermit(ETX_ONLY, crc16Kermit(apdu));
}
