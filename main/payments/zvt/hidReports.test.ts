import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from './bytes';
import { PORTALUM_TEXT_BLOCKS } from './fixtures/publishedFrames';
import { FrameDecoder, encodeFrame } from './framing';
import {
  HidReportReader,
  MAX_PAYLOAD,
  REPORT_SIZE,
  chunkIntoReports,
  reportsFor,
  toHidWrite,
} from './hidReports';
import type { ReportEvent } from './hidReports';

const BIG_FRAME = encodeFrame(fromHex(PORTALUM_TEXT_BLOCKS.cardholder));

function dataOf(events: ReportEvent[]): Uint8Array {
  return concatBytes(events.flatMap((event) => (event.type === 'data' ? [event.bytes] : [])));
}

describe('chunkIntoReports', () => {
  it('cuts a stream into 64-byte reports of up to 62 payload bytes with sequence and length', () => {
    const { reports, nextSequence } = chunkIntoReports(BIG_FRAME, 62, { reset: true });
    expect(reports).toHaveLength(reportsFor(BIG_FRAME.length));
    expect(reports.every((report) => report.length === REPORT_SIZE)).toBe(true);
    expect(toHex(reports[0]!.subarray(0, 4), ' ')).toBe('BE 3E 10 02');
    expect(reports[1]![0]).toBe(63);
    expect(reports[2]![0]).toBe(0);
    expect(reports.at(-1)![1]).toBe(BIG_FRAME.length % MAX_PAYLOAD || MAX_PAYLOAD);
    expect(nextSequence).toBe((62 + reports.length) % 64);
  });

  it('pads the last report with zeros', () => {
    const [report] = chunkIntoReports(fromHex('06'), 0).reports;
    expect(toHex(report!.subarray(0, 4), ' ')).toBe('00 01 06 00');
    expect(report!.subarray(3).every((byte) => byte === 0)).toBe(true);
  });

  it('prefixes the report ID 0x00 for node-hid write()', () => {
    const [report] = chunkIntoReports(fromHex('06'), 5).reports;
    const written = toHidWrite(report!);
    expect(written).toHaveLength(65);
    expect(written.slice(0, 4)).toEqual([0x00, 0x05, 0x01, 0x06]);
  });
});

describe('HidReportReader', () => {
  it('gives back the byte stream, which the frame decoder turns into the frame', () => {
    const { reports } = chunkIntoReports(BIG_FRAME, 0, { reset: true });
    const reader = new HidReportReader();
    const events = reports.flatMap((report) => reader.push(report));
    expect(events[0]).toEqual({ type: 'reset' });
    expect(toHex(dataOf(events))).toBe(toHex(BIG_FRAME));
    const decoded = new FrameDecoder().push(dataOf(events));
    expect(decoded.map((event) => event.type)).toEqual(['frame']);
  });

  it('accepts reads that still carry the report ID byte', () => {
    const [report] = chunkIntoReports(fromHex('06'), 0).reports;
    expect(new HidReportReader().push(Uint8Array.from(toHidWrite(report!)))).toEqual([
      { type: 'data', bytes: fromHex('06') },
    ]);
  });

  it('reports a lost report as a gap, so the session resets its frame decoder', () => {
    const { reports } = chunkIntoReports(BIG_FRAME, 60);
    const reader = new HidReportReader();
    reader.push(reports[0]!);
    const events = reader.push(reports[3]!);
    expect(events[0]).toEqual({ type: 'gap', missing: 2 });
  });

  it('drops a report received twice', () => {
    const { reports } = chunkIntoReports(BIG_FRAME, 0);
    const reader = new HidReportReader();
    reader.push(reports[0]!);
    expect(reader.push(reports[0]!)).toEqual([{ type: 'duplicate', sequence: 0 }]);
    expect(reader.push(reports[1]!).map((event) => event.type)).toEqual(['data']);
  });

  it('starts afresh on a RESET report, e.g. after the terminal was replugged', () => {
    const reader = new HidReportReader();
    reader.push(chunkIntoReports(fromHex('06'), 10).reports[0]!);
    const events = reader.push(chunkIntoReports(fromHex('15'), 0, { reset: true }).reports[0]!);
    expect(events).toEqual([{ type: 'reset' }, { type: 'data', bytes: fromHex('15') }]);
  });

  it('says why a report is unusable instead of throwing', () => {
    const reader = new HidReportReader();
    expect(reader.push(new Uint8Array(10))[0]).toMatchObject({ type: 'invalid' });
    const tooLong = new Uint8Array(REPORT_SIZE);
    tooLong[1] = 63;
    expect(reader.push(tooLong)[0]).toMatchObject({ type: 'invalid' });
  });
});
