/**
 * ZVT text (display lines, receipt lines, card names, additional text) is in code page 437
 * unless the terminal is configured otherwise, and real terminals differ: Portalum.Zvt's
 * published receipts show "HÄNDLERBELEG" as `48 8E 4E …` (437) from one terminal and as
 * `48 C4 4E …` (ISO 8859-1) from another. So the character set is a per-terminal setting of
 * the workstation; ISO 8859-2 is the one with Polish letters. Bytes below 0x80 are ASCII in
 * all of them. A character the set cannot hold encodes as `?`: the app never reads meaning
 * from terminal text, it keys its own Polish and English texts on codes.
 */
export type ZvtCharset = 'cp437' | 'iso-8859-1' | 'iso-8859-2';
export const DEFAULT_CHARSET: ZvtCharset = 'cp437';
export const ZVT_CHARSETS: readonly ZvtCharset[] = ['cp437', 'iso-8859-1', 'iso-8859-2'];

/** Bytes 0x80-0xFF of each set, in order. */
const HIGH_HALVES: Record<ZvtCharset, string> = {
  cp437:
    '\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5' +
    '\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00a2\u00a3\u00a5\u20a7\u0192' +
    '\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u2310\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb' +
    '\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255d\u255c\u255b\u2510' +
    '\u2514\u2534\u252c\u251c\u2500\u253c\u255e\u255f\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u2567' +
    '\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256b\u256a\u2518\u250c\u2588\u2584\u258c\u2590\u2580' +
    '\u03b1\u00df\u0393\u03c0\u03a3\u03c3\u00b5\u03c4\u03a6\u0398\u03a9\u03b4\u221e\u03c6\u03b5\u2229' +
    '\u2261\u00b1\u2265\u2264\u2320\u2321\u00f7\u2248\u00b0\u2219\u00b7\u221a\u207f\u00b2\u25a0\u00a0',
  'iso-8859-1': Array.from({ length: 128 }, (_, i) => String.fromCharCode(0x80 + i)).join(''),
  'iso-8859-2':
    Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)).join('') +
    '\u00a0\u0104\u02d8\u0141\u00a4\u013d\u015a\u00a7\u00a8\u0160\u015e\u0164\u0179\u00ad\u017d\u017b' +
    '\u00b0\u0105\u02db\u0142\u00b4\u013e\u015b\u02c7\u00b8\u0161\u015f\u0165\u017a\u02dd\u017e\u017c' +
    '\u0154\u00c1\u00c2\u0102\u00c4\u0139\u0106\u00c7\u010c\u00c9\u0118\u00cb\u011a\u00cd\u00ce\u010e' +
    '\u0110\u0143\u0147\u00d3\u00d4\u0150\u00d6\u00d7\u0158\u016e\u00da\u0170\u00dc\u00dd\u0162\u00df' +
    '\u0155\u00e1\u00e2\u0103\u00e4\u013a\u0107\u00e7\u010d\u00e9\u0119\u00eb\u011b\u00ed\u00ee\u010f' +
    '\u0111\u0144\u0148\u00f3\u00f4\u0151\u00f6\u00f7\u0159\u016f\u00fa\u0171\u00fc\u00fd\u0163\u02d9',
};

const ENCODERS = new Map<ZvtCharset, Map<string, number>>();

function encoderFor(charset: ZvtCharset): Map<string, number> {
  let table = ENCODERS.get(charset);
  if (!table) {
    table = new Map();
    const high = HIGH_HALVES[charset];
    for (let i = 0; i < 128; i++) table.set(high[i]!, 0x80 + i);
    ENCODERS.set(charset, table);
  }
  return table;
}

export function decodeZvtText(bytes: Uint8Array, charset: ZvtCharset = DEFAULT_CHARSET): string {
  const high = HIGH_HALVES[charset];
  let out = '';
  for (const byte of bytes) out += byte < 0x80 ? String.fromCharCode(byte) : high[byte - 0x80]!;
  return out;
}

export function encodeZvtText(text: string, charset: ZvtCharset = DEFAULT_CHARSET): Uint8Array {
  const table = encoderFor(charset);
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    out.push(code < 0x80 ? code : (table.get(char) ?? 0x3f));
  }
  return Uint8Array.from(out);
}

/** Fixed-width and C-style text fields pad with NUL (and sometimes spaces): drop them. */
export function trimPadding(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\u0000' || text[end - 1] === ' ')) end--;
  return text.slice(0, end);
}
