/**
 * The decoders against 100 000+ random and mutated inputs: every call returns a typed error or
 * a message and never throws; every decoded message conforms to the message schema (so a card
 * number in it is masked); lying length fields give errors, not big buffers. The PRNG is
 * seeded: a failure names its seed and iteration, and rerunning with that seed reproduces it.
 */
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from './bytes';
import type { ZvtDecodeErrorCode } from './errors';
import * as published from './fixtures/publishedFrames';
import { FrameDecoder, MAX_APDU_BYTES, encodeFrame } from './framing';
import type { FramingErrorCode } from './framing';
import { HidReportReader, chunkIntoReports } from './hidReports';
import { decodeMessage, encodeMessage, zvtMessageSchema } from './messages';
import type { ZvtMessage } from './messages';

/** Another seed explores further: `ZVT_FUZZ_SEED=123 npx vitest run main/payments/zvt/fuzz.test.ts`. */
const SEED = Number(process.env.ZVT_FUZZ_SEED ?? 0x5eed_2025);
const ITERATIONS = 100_000;

/** mulberry32: small, fast, good enough to spread mutations. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DECODE_ERRORS = new Set<ZvtDecodeErrorCode>([
  'empty',
  'truncated',
  'length-mismatch',
  'unknown-command',
  'unknown-bmp',
  'bad-bcd',
  'bad-length-prefix',
  'bad-tlv',
  'tlv-too-deep',
  'missing-field',
  'bad-field',
]);
const FRAMING_ERRORS = new Set<FramingErrorCode>([
  'crc-mismatch',
  'garbage',
  'bad-escape',
  'frame-restarted',
  'frame-too-long',
  'truncated',
]);

/** Card number, track data, CVV, PIN data, expiry: never passed on, even as raw hex. */
const SENSITIVE_BMPS = new Set(['0E', '22', '23', '24', '2D', '2E', '3A', '3D', 'A7', 'D1']);

const VALID_MESSAGES: ZvtMessage[] = [
  { kind: 'registration', password: '000000', configByte: 0xb6, currency: 985, serviceByte: 2 },
  { kind: 'authorisation', amountGrosze: 1250, currency: 985, paymentType: 'blik' },
  { kind: 'authorisation', amountGrosze: 99, currency: 985, paymentType: 'card' },
  { kind: 'repeat-receipt', password: '000000' },
  { kind: 'reversal', password: '000000', receiptNumber: 12 },
  { kind: 'refund', password: '000000', amountGrosze: 500, currency: 985, paymentType: 'card' },
  { kind: 'end-of-day', password: '000000' },
  { kind: 'status-enquiry', password: '000000' },
  { kind: 'abort-request' },
  { kind: 'ack' },
  { kind: 'nack', resultCode: 0x83 },
  {
    kind: 'intermediate-status',
    statusCode: 0xff,
    timeoutSeconds: 120,
    displayTexts: ['Wpisz kod BLIK'],
    blikStep: 'enter-code',
    stepTimeLimitSeconds: 120,
  },
  {
    kind: 'status-information',
    resultCode: 0,
    amountGrosze: 1250,
    currency: 985,
    traceNumber: 7,
    receiptNumber: 7,
    time: '101500',
    date: '0901',
    terminalId: '52001233',
    cardNumberMasked: '************4771',
    cardName: 'Mastercard',
    authorisationCode: '123456',
    paymentType: 'card',
    transactionState: 'committed',
    methodTotals: [{ paymentType: 'blik', count: 1, amountGrosze: 1250 }],
  },
  { kind: 'completion', softwareVersion: 'SIM 1.0', terminalStatus: 0 },
  { kind: 'abort', resultCode: 0x6c, extendedErrorText: 'Przerwano' },
  { kind: 'print-line', attribute: 0x40, text: 'POTWIERDZENIE', receiptType: 2 },
  { kind: 'print-text-block', receiptType: 2, lines: ['URZAD MIASTA', 'Kwota 12,50'] },
];

/** Every published APDU (frames unwrapped) and every valid message of ours. */
function seedApdus(): Uint8Array[] {
  const apdus: Uint8Array[] = VALID_MESSAGES.map((message) => encodeMessage(message));
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      const bytes = fromHex(value);
      if (bytes[0] === 0x10 && bytes[1] === 0x02) {
        const events = new FrameDecoder().push(bytes);
        for (const event of events) if (event.type === 'frame') apdus.push(event.apdu);
      } else {
        apdus.push(bytes);
      }
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(collect);
    }
  };
  collect(published);
  return apdus;
}

/** Inputs built to hit the worst cases: lying lengths, deep nesting, fake TLV tails. */
function adversarialApdus(): Uint8Array[] {
  const fakeTails: number[] = [0x40];
  for (let i = 0; fakeTails.length < 60_000; i++) fakeTails.push(0x06, 0x82, 0xff, 0xff, 0x41);
  const nested: number[] = [];
  for (let level = 0; level < 200; level++) nested.unshift(0x24, 0x81, nested.length);
  return [
    fromHex('04 0F FF FF FF 27 00'),
    fromHex('04 0F 05 3C F9 F9 F9 41'),
    fromHex('04 0F 06 06 82 FF FF 07 00'),
    fromHex('04 0F 05 22 F9 F9 EE EE'),
    Uint8Array.from([0x06, 0xd1, 0xff, ...le16(fakeTails.length), ...fakeTails]),
    Uint8Array.from([
      0x04,
      0xff,
      0xff,
      ...le16(nested.length + 4),
      0xff,
      0x00,
      0x06,
      0x82,
      ...be16(nested.length),
      ...nested,
    ]),
    Uint8Array.from([0x06, 0xd3, 0xff, 0xff, 0xff, ...new Uint8Array(0xffff).fill(0x06)]),
  ];
}

function le16(value: number): number[] {
  return [value & 0xff, value >>> 8];
}

function be16(value: number): number[] {
  return [value >>> 8, value & 0xff];
}

function mutate(input: Uint8Array, random: () => number, seeds: Uint8Array[]): Uint8Array {
  const bytes = Array.from(input);
  const position = () => Math.floor(random() * (bytes.length + 1));
  const steps = 1 + Math.floor(random() * 3);
  for (let step = 0; step < steps; step++) {
    switch (Math.floor(random() * 8)) {
      case 0: {
        // Bit flips.
        if (bytes.length === 0) break;
        const at = Math.floor(random() * bytes.length);
        bytes[at] = bytes[at]! ^ (1 << Math.floor(random() * 8));
        break;
      }
      case 1:
        // Truncation.
        bytes.length = Math.floor(random() * bytes.length);
        break;
      case 2: {
        // Insertion of random bytes.
        const extra = Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
          Math.floor(random() * 256),
        );
        bytes.splice(position(), 0, ...extra);
        break;
      }
      case 3:
        // DLE injection, alone or with a control byte after it.
        bytes.splice(
          position(),
          0,
          0x10,
          ...(random() < 0.5 ? [[0x02, 0x03, 0x10, 0x06][Math.floor(random() * 4)]!] : []),
        );
        break;
      case 4: {
        // The APDU length field lies.
        if (bytes.length < 3) break;
        if (random() < 0.3)
          bytes.splice(2, 1, 0xff, Math.floor(random() * 256), Math.floor(random() * 256));
        else bytes[2] = Math.floor(random() * 256);
        break;
      }
      case 5: {
        // An inner length lies: a TLV length, an LL/LLL digit, a BMP tag.
        if (bytes.length === 0) break;
        const at = Math.floor(random() * bytes.length);
        bytes[at] = [0x81, 0x82, 0xff, 0xf9, 0xfa, 0x06, 0x22, 0x3c, 0x60][
          Math.floor(random() * 9)
        ]!;
        break;
      }
      case 6: {
        // Glue another message on, or a piece of one.
        const other = seeds[Math.floor(random() * seeds.length)]!;
        bytes.splice(
          position(),
          0,
          ...other.subarray(0, Math.floor(random() * (other.length + 1))),
        );
        break;
      }
      default: {
        // Replace with random bytes.
        const length = Math.floor(random() * 300);
        bytes.splice(0, bytes.length, ...Array.from({ length }, () => Math.floor(random() * 256)));
      }
    }
  }
  return Uint8Array.from(bytes);
}

function checkMessageResult(bytes: Uint8Array, where: string): 'ok' | 'error' {
  let result: ReturnType<typeof decodeMessage>;
  try {
    result = decodeMessage(bytes);
  } catch (error) {
    throw new Error(
      `${where}: decodeMessage threw ${String(error)} on ${toHex(bytes.subarray(0, 64))}`,
      { cause: error },
    );
  }
  if (result.ok) {
    const parsed = zvtMessageSchema.safeParse(result.message);
    if (!parsed.success) {
      throw new Error(
        `${where}: decoded message breaks the schema: ${parsed.error.issues[0]?.message}`,
      );
    }
    const leaked = ('otherBmps' in result.message ? (result.message.otherBmps ?? []) : []).find(
      (bmp) => SENSITIVE_BMPS.has(bmp.bmp),
    );
    if (leaked) throw new Error(`${where}: BMP ${leaked.bmp} reached the message undecoded`);
    return 'ok';
  }
  if (!DECODE_ERRORS.has(result.error.code) || typeof result.error.message !== 'string') {
    throw new Error(`${where}: untyped error ${JSON.stringify(result.error)}`);
  }
  return 'error';
}

describe('fuzzing the decoders', () => {
  it(`message and frame decoders survive ${ITERATIONS} mutated inputs (seed ${SEED.toString(16)})`, () => {
    const random = prng(SEED);
    const seeds = seedApdus();
    // The adversarial inputs are decoded as they are; only the seeds are mutated, so the big
    // ones do not dominate the run.
    const corpus = [...adversarialApdus(), ...seeds];
    let messages = 0;
    let errors = 0;
    const frameDecoder = new FrameDecoder();
    const hidReader = new HidReportReader();
    let hidSequence = 0;

    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      const where = `seed ${SEED.toString(16)} iteration ${iteration}`;
      const apdu =
        iteration < corpus.length
          ? corpus[iteration]!
          : mutate(seeds[Math.floor(random() * seeds.length)]!, random, seeds);

      // The message decoder, on the APDU alone.
      if (checkMessageResult(apdu, where) === 'ok') messages++;
      else errors++;

      // The frame decoder, on a frame around it (valid CRC) or a mutated frame, in random chunks.
      const framed =
        random() < 0.5
          ? encodeFrame(apdu.subarray(0, MAX_APDU_BYTES))
          : mutate(encodeFrame(apdu), random, seeds);
      let offset = 0;
      while (offset < framed.length) {
        const size = 1 + Math.floor(random() * 80);
        let events;
        try {
          events = frameDecoder.push(framed.subarray(offset, offset + size));
        } catch (error) {
          throw new Error(`${where}: FrameDecoder threw ${String(error)}`, { cause: error });
        }
        for (const event of events) {
          if (event.type === 'frame') {
            expect(event.apdu.length, where).toBeLessThanOrEqual(MAX_APDU_BYTES);
            checkMessageResult(event.apdu, `${where} (framed)`);
          } else if (event.type === 'error') {
            expect(FRAMING_ERRORS.has(event.error.code), where).toBe(true);
          }
        }
        offset += size;
      }
      expect(frameDecoder.bufferCapacity, where).toBeLessThanOrEqual(MAX_APDU_BYTES);

      // Now and then the same bytes through HID reports, some lost or repeated.
      if (iteration % 10 === 0) {
        const { reports, nextSequence } = chunkIntoReports(framed, hidSequence, {
          reset: iteration % 1000 === 0,
        });
        hidSequence = nextSequence;
        for (const report of reports) {
          if (random() < 0.05) continue;
          const copies = random() < 0.05 ? 2 : 1;
          for (let copy = 0; copy < copies; copy++) {
            for (const event of hidReader.push(
              random() < 0.01 ? mutate(report, random, seeds) : report,
            )) {
              if (event.type === 'data') frameDecoder.push(event.bytes);
              if (event.type === 'gap' || event.type === 'reset') frameDecoder.reset();
            }
          }
        }
      }
    }
    // Both outcomes happened plenty: the fuzzer reached past the first byte checks.
    expect(messages).toBeGreaterThan(ITERATIONS / 50);
    expect(errors).toBeGreaterThan(ITERATIONS / 10);
  }, 60_000);

  it('answers lying length fields with errors, never with buffers of the size they claim', () => {
    const cases: [string, ZvtDecodeErrorCode][] = [
      ['04 0F FF FF FF 27 00', 'length-mismatch'],
      ['04 0F 05 3C F9 F9 F9 41', 'truncated'],
      ['04 0F 06 06 82 FF FF 07 00', 'truncated'],
      ['04 0F 05 22 F9 F9 EE EE', 'truncated'],
    ];
    for (const [hex, code] of cases) {
      expect(decodeMessage(fromHex(hex)), hex).toMatchObject({ ok: false, error: { code } });
    }
    const decoder = new FrameDecoder({ maxApduBytes: 1024 });
    decoder.push(concatBytes([[0x10, 0x02], new Uint8Array(100_000).fill(0x55)]));
    expect(decoder.bufferCapacity).toBeLessThanOrEqual(1024);
  });
});
