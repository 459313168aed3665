import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromHex } from '../zvt/bytes';
import { encodeFrame } from '../zvt/framing';
import { encodeAuthorisation, encodeStatusEnquiry } from '../zvt/encodeMessage';
import { encodeMessage } from '../zvt/encodeMessage';
import { reportsFor } from '../zvt/hidReports';
import type { ZvtMessage } from '../zvt/messageTypes';
import { HidTransport } from './hidTransport';
import type { ReceivedMessage, LinkProblem } from './linkTypes';
import { MemoryHidPair } from './memoryHidPair';
import { ZvtLink } from './zvtLink';
import { FakeTransport } from './fakeTransport.testing';

const CHARGE = encodeAuthorisation({ amountGrosze: 1250, currency: 985, paymentType: 'blik' });
const STATUS = encodeStatusEnquiry({ password: '000000' });

type Side = { link: ZvtLink; received: ReceivedMessage[]; problems: LinkProblem[] };

function side(transport: HidTransport): Side {
  const link = new ZvtLink(transport);
  const received: ReceivedMessage[] = [];
  const problems: LinkProblem[] = [];
  link.on('message', (message) => received.push(message));
  link.on('problem', (problem) => problems.push(problem));
  return { link, received, problems };
}

async function connectedPair() {
  const pair = new MemoryHidPair();
  const app = side(new HidTransport(pair.appFinder, { side: 'app' }));
  const terminal = side(new HidTransport(pair.terminalFinder, { side: 'terminal' }));
  terminal.link.start();
  await vi.advanceTimersByTimeAsync(0);
  app.link.start();
  await vi.advanceTimersByTimeAsync(0);
  expect([app.link.state, terminal.link.state]).toEqual(['connected', 'connected']);
  pair.wire.length = 0;
  return { pair, app, terminal };
}

function kinds(messages: ReceivedMessage[]): string[] {
  return messages.map((m) => (m.ok ? m.message.kind : `error:${m.error.code}`));
}

function framesOnWire(pair: MemoryHidPair, direction: 'to-terminal' | 'to-app'): number {
  // A report whose payload starts with DLE STX carries the start of a frame.
  return pair.wire.filter(
    (entry) =>
      entry.direction === direction && entry.report[2] === 0x10 && entry.report[3] === 0x02,
  ).length;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('ZVT link over the in-memory HID pair', () => {
  it('delivers a command once the terminal ACKs its frame', async () => {
    const { app, terminal } = await connectedPair();
    const sent = app.link.send(CHARGE);
    await vi.advanceTimersByTimeAsync(0);
    expect(await sent).toEqual({ ok: true, attempts: 1 });
    expect(kinds(terminal.received)).toEqual(['authorisation']);
    const [message] = terminal.received;
    expect(message?.ok && message.message).toMatchObject({
      amountGrosze: 1250,
      paymentType: 'blik',
    });
  });

  it('repeats a frame the terminal NAKs because its CRC broke on the way', async () => {
    const { pair, app, terminal } = await connectedPair();
    pair.corruptReports('to-terminal');
    const sent = app.link.send(CHARGE);
    await vi.advanceTimersByTimeAsync(0);
    expect(await sent).toEqual({ ok: true, attempts: 2 });
    expect(terminal.problems.map((p) => p.code)).toContain('crc-error');
    expect(kinds(terminal.received)).toEqual(['authorisation']);
  });

  it('gives up after three repeats when every send is NAKed, knowing nothing arrived', async () => {
    const { pair, app, terminal } = await connectedPair();
    pair.corruptReports('to-terminal', 4);
    const sent = app.link.send(CHARGE);
    await vi.advanceTimersByTimeAsync(0);
    const result = await sent;
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'nak-limit', attempts: 4, maybeDelivered: false },
    });
    expect(terminal.received).toEqual([]);
  });

  it('never sends a payment command again after a silent T3: it may have arrived', async () => {
    const { pair, app } = await connectedPair();
    pair.loseReports('to-terminal');
    const sent = app.link.send(CHARGE);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await sent).toMatchObject({
      ok: false,
      error: { code: 'no-ack', attempts: 1, maybeDelivered: true },
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(framesOnWire(pair, 'to-terminal')).toBe(1);
  });

  it('repeats a status enquiry after a silent T3, since a second one changes nothing', async () => {
    const { pair, app, terminal } = await connectedPair();
    pair.loseReports('to-terminal');
    const sent = app.link.send(STATUS);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(framesOnWire(pair, 'to-terminal')).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await sent).toEqual({ ok: true, attempts: 2 });
    expect(kinds(terminal.received)).toEqual(['status-enquiry']);
  });

  it('drops a frame repeated because its ACK was lost, and ACKs it again', async () => {
    const { pair, app, terminal } = await connectedPair();
    pair.loseReports('to-app'); // the terminal's ACK byte
    const sent = app.link.send(STATUS);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await sent).toEqual({ ok: true, attempts: 2 });
    expect(kinds(terminal.received)).toEqual(['status-enquiry']);
    expect(terminal.problems.map((p) => p.code)).toContain('duplicate-frame');
  });

  it('delivers two identical acknowledgements when a frame of ours came between them', async () => {
    const { app, terminal } = await connectedPair();
    const ack: ZvtMessage = { kind: 'ack' };
    expect(
      await settle(terminal.link.sendMessage({ kind: 'intermediate-status', statusCode: 0x0a })),
    ).toMatchObject({ ok: true });
    expect(await settle(app.link.sendMessage(ack))).toMatchObject({ ok: true });
    expect(
      await settle(terminal.link.sendMessage({ kind: 'intermediate-status', statusCode: 0x04 })),
    ).toMatchObject({ ok: true });
    expect(await settle(app.link.sendMessage(ack))).toMatchObject({ ok: true });
    expect(kinds(terminal.received)).toEqual(['ack', 'ack']);
  });

  it("takes the peer's next frame as proof that our acknowledgement arrived, and does not repeat it", async () => {
    const { pair, app, terminal } = await connectedPair();
    pair.loseReports('to-app'); // the terminal's ACK byte for our 80 00 00
    const sent = app.link.sendMessage({ kind: 'ack' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await settle(terminal.link.sendMessage({ kind: 'completion' }))).toMatchObject({
      ok: true,
    });
    expect(await sent).toEqual({ ok: true, attempts: 1 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(framesOnWire(pair, 'to-terminal')).toBe(1);
    expect(kinds(terminal.received)).toEqual(['ack']);
    expect(app.problems.map((p) => p.code)).toContain('implicit-ack');
  });

  it("counts a payment command as delivered when its ACK byte is lost but the terminal's 80 00 00 comes", async () => {
    const { pair, app, terminal } = await connectedPair();
    terminal.link.on('message', () => void terminal.link.sendMessage({ kind: 'ack' }));
    pair.loseReports('to-app'); // the ACK byte
    const sent = app.link.send(CHARGE);
    await vi.advanceTimersByTimeAsync(0);
    expect(await sent).toEqual({ ok: true, attempts: 1 });
    expect(kinds(app.received)).toEqual(['ack']);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(framesOnWire(pair, 'to-terminal')).toBe(1);
  });

  it('drops a duplicated HID report without disturbing the frame', async () => {
    const { pair, app, terminal } = await connectedPair();
    pair.duplicateReports('to-terminal');
    expect(await settle(app.link.send(CHARGE))).toEqual({ ok: true, attempts: 1 });
    expect(kinds(terminal.received)).toEqual(['authorisation']);
  });

  it('carries a receipt longer than one report across several and back to one message', async () => {
    const { pair, app, terminal } = await connectedPair();
    const lines = Array.from(
      { length: 24 },
      (_, i) => `Linia paragonu ${String(i).padStart(2, '0')} ....`,
    );
    const block: ZvtMessage = { kind: 'print-text-block', receiptType: 2, lines };
    expect(await settle(terminal.link.sendMessage(block))).toMatchObject({ ok: true });
    expect(kinds(app.received)).toEqual(['print-text-block']);
    const [got] = app.received;
    expect(got?.ok && got.message).toEqual(block);
    const frame = encodeFrame(encodeMessage(block));
    const reports = pair.wire.filter((entry) => entry.direction === 'to-app').length;
    expect(reports).toBe(reportsFor(frame.length));
    expect(reports).toBeGreaterThan(1);
  });

  it('reports the unplugged cable, refuses to send, and reconnects after replugging', async () => {
    const { pair, app, terminal } = await connectedPair();
    const states: string[] = [];
    app.link.on('state', (state) => states.push(state));
    let peerResets = 0;
    terminal.link.on('peer-reset', () => peerResets++);
    pair.unplug();
    await vi.advanceTimersByTimeAsync(0);
    expect(app.link.state).toBe('disconnected');
    expect(await app.link.send(STATUS)).toMatchObject({
      ok: false,
      error: { code: 'not-connected', maybeDelivered: false },
    });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(app.link.state).toBe('disconnected');
    pair.plug();
    // Within two polls: the terminal comes up on the bus, then the app finds it.
    await vi.advanceTimersByTimeAsync(2_000);
    expect(states).toEqual(['disconnected', 'connected']);
    expect(peerResets).toBeGreaterThan(0);
    expect(await settle(app.link.send(STATUS))).toEqual({ ok: true, attempts: 1 });
    expect(kinds(terminal.received)).toEqual(['status-enquiry']);
  });

  it('fails a send whose ACK never comes because the cable was pulled', async () => {
    const { pair, app } = await connectedPair();
    pair.loseReports('to-app');
    const sent = app.link.send(CHARGE);
    await vi.advanceTimersByTimeAsync(0);
    pair.unplug();
    expect(await settle(sent)).toMatchObject({
      ok: false,
      error: { code: 'link-lost', maybeDelivered: true },
    });
  });
});

describe('ZVT link receiving raw bytes', () => {
  it('NAKs a frame with a wrong CRC and ACKs a good one', async () => {
    const transport = new FakeTransport('serial');
    const link = new ZvtLink(transport);
    const received: ReceivedMessage[] = [];
    link.on('message', (m) => received.push(m));
    const frame = encodeFrame(STATUS);
    const broken = frame.slice();
    broken[broken.length - 1] = frame.at(-1)! ^ 0x01;
    transport.feed(broken);
    transport.feed(frame);
    expect(transport.written.map((bytes) => [...bytes])).toEqual([[0x15], [0x06]]);
    expect(kinds(received)).toEqual(['status-enquiry']);
  });

  it('drops a frame that stops half-way and NAKs it after the 1 s stall', async () => {
    const transport = new FakeTransport('serial');
    const link = new ZvtLink(transport);
    const problems: LinkProblem[] = [];
    link.on('problem', (p) => problems.push(p));
    const frame = encodeFrame(STATUS);
    transport.feed(frame.subarray(0, 5));
    await vi.advanceTimersByTimeAsync(999);
    expect(transport.written).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(transport.written.map((bytes) => [...bytes])).toEqual([[0x15]]);
    expect(problems.map((p) => p.code)).toEqual(['frame-stalled']);
    transport.feed(frame);
    expect(transport.written.at(-1)).toEqual(Uint8Array.of(0x06));
  });

  it('delivers an undecodable but intact frame as a typed error, ACKed', () => {
    const transport = new FakeTransport('serial');
    const link = new ZvtLink(transport);
    const received: ReceivedMessage[] = [];
    link.on('message', (m) => received.push(m));
    transport.feed(encodeFrame(fromHex('06 77 00')));
    expect(kinds(received)).toEqual(['error:unknown-command']);
    expect(transport.written.map((bytes) => [...bytes])).toEqual([[0x06]]);
  });

  it('sends bare APDUs on TCP, with no framing and no ACK to wait for', async () => {
    const transport = new FakeTransport('bare');
    const link = new ZvtLink(transport);
    const received: ReceivedMessage[] = [];
    link.on('message', (m) => received.push(m));
    expect(await link.send(STATUS)).toEqual({ ok: true, attempts: 1 });
    expect(transport.written).toEqual([STATUS]);
    transport.feed(fromHex('80 00 00 06 0F'));
    transport.feed(fromHex('00'));
    expect(kinds(received)).toEqual(['ack', 'completion']);
    expect(transport.written).toHaveLength(1);
  });

  it('answers an encoding mistake with a typed error instead of throwing', async () => {
    const link = new ZvtLink(new FakeTransport('serial'));
    const result = await link.sendMessage({
      kind: 'authorisation',
      amountGrosze: -1,
      currency: 985,
      paymentType: 'card',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-message', attempts: 0 } });
  });
});

async function settle<T>(promise: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(0);
  return promise;
}
