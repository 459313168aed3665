/**
 * The payment terminal's USB link is HID: fixed 64-byte reports, written and read with
 * node-hid. ZVT's serial byte stream (frames, ACK, NAK; see framing.ts) is cut into reports
 * with a two-byte header of ours and put back together on the other side:
 *
 *   byte 0   bit 7: RESET (first report after the link opened: the receiver drops any partial
 *                   frame and takes this sequence number as the new start)
 *            bit 6: reserved, 0
 *            bits 5-0: sequence number, +1 per report in this direction, wrapping 63 → 0
 *   byte 1   payload length, 0-62
 *   2 … 63   payload (a slice of the byte stream), then zero padding
 *
 * Reports do not respect frame boundaries: a frame may span reports and a report may end one
 * frame and start the next. A sequence gap means a report was lost: the receiver reports it
 * and resets its frame decoder, and ZVT's own NAK/repeat recovers the frame. A report with the
 * previous sequence number again is a duplicate and is dropped.
 *
 * On the wire a report is 64 bytes. node-hid's write() wants the report ID first, 0x00 for a
 * device without numbered reports (Windows insists on it; hidapi strips it elsewhere), so the
 * buffer written is 65 bytes: toHidWrite(). Reads give the 64 bytes; a 65-byte read that starts
 * with 0x00 is accepted too.
 */
export const REPORT_SIZE = 64;
export const HEADER_SIZE = 2;
export const MAX_PAYLOAD = REPORT_SIZE - HEADER_SIZE;
export const SEQUENCE_MODULO = 64;
export const RESET_FLAG = 0x80;
export const REPORT_ID = 0x00;

export type ChunkResult = { reports: Uint8Array[]; nextSequence: number };

/**
 * Cuts `bytes` into reports numbered from `sequence`. `reset` marks the first report (send it
 * on the first write after opening the device). An empty stream with `reset` still sends one
 * empty report, so a link can announce itself.
 */
export function chunkIntoReports(
  bytes: Uint8Array,
  sequence: number,
  options: { reset?: boolean } = {},
): ChunkResult {
  const reports: Uint8Array[] = [];
  let next = normalizeSequence(sequence);
  let offset = 0;
  do {
    const length = Math.min(MAX_PAYLOAD, bytes.length - offset);
    const report = new Uint8Array(REPORT_SIZE);
    report[0] = next | (options.reset && reports.length === 0 ? RESET_FLAG : 0);
    report[1] = length;
    report.set(bytes.subarray(offset, offset + length), HEADER_SIZE);
    reports.push(report);
    offset += length;
    next = (next + 1) % SEQUENCE_MODULO;
  } while (offset < bytes.length);
  return { reports, nextSequence: next };
}

/** The buffer node-hid's write() takes: report ID 0x00, then the 64-byte report. */
export function toHidWrite(report: Uint8Array): number[] {
  return [REPORT_ID, ...report];
}

export type ReportEvent =
  | { type: 'data'; bytes: Uint8Array }
  /** The sender (re)opened the link: drop any partial frame. */
  | { type: 'reset' }
  /** `missing` reports were lost between the last one and this one: drop any partial frame. */
  | { type: 'gap'; missing: number }
  | { type: 'duplicate'; sequence: number }
  | { type: 'invalid'; reason: string };

/** Puts the byte stream back together from reports, checking their sequence. */
export class HidReportReader {
  private expected: number | null = null;
  private last: number | null = null;

  push(input: Uint8Array): ReportEvent[] {
    const report =
      input.length === REPORT_SIZE + 1 && input[0] === REPORT_ID ? input.subarray(1) : input;
    if (report.length !== REPORT_SIZE) {
      return [{ type: 'invalid', reason: `a report is ${REPORT_SIZE} bytes, got ${input.length}` }];
    }
    const header = report[0]!;
    const length = report[1]!;
    if (header & 0x40) return [{ type: 'invalid', reason: 'reserved header bit 6 is set' }];
    if (length > MAX_PAYLOAD) {
      return [{ type: 'invalid', reason: `payload length ${length} exceeds ${MAX_PAYLOAD}` }];
    }
    const sequence = header & 0x3f;
    const events: ReportEvent[] = [];
    if (header & RESET_FLAG) {
      events.push({ type: 'reset' });
    } else if (this.expected !== null && sequence !== this.expected) {
      if (sequence === this.last) return [{ type: 'duplicate', sequence }];
      events.push({
        type: 'gap',
        missing: (sequence - this.expected + SEQUENCE_MODULO) % SEQUENCE_MODULO,
      });
    }
    this.last = sequence;
    this.expected = (sequence + 1) % SEQUENCE_MODULO;
    if (length > 0)
      events.push({ type: 'data', bytes: report.slice(HEADER_SIZE, HEADER_SIZE + length) });
    return events;
  }

  /** Forget the sequence, e.g. when the device was unplugged: the next report starts afresh. */
  reset(): void {
    this.expected = null;
    this.last = null;
  }
}

function normalizeSequence(sequence: number): number {
  if (!Number.isInteger(sequence))
    throw new RangeError(`A sequence number is an integer, got ${sequence}`);
  return ((sequence % SEQUENCE_MODULO) + SEQUENCE_MODULO) % SEQUENCE_MODULO;
}

/** Reports needed for `byteCount` bytes of stream: the wire-time unit of the benchmark. */
export function reportsFor(byteCount: number): number {
  return Math.max(1, Math.ceil(byteCount / MAX_PAYLOAD));
}
