import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './bytes';
import {
  ECRTERM_ABORT,
  ECRTERM_PACKETS,
  ECRTERM_STATUS_COMPLETION,
  PORTALUM_INTERMEDIATE_TEXTS,
  PORTALUM_PRINT_LINES,
  PORTALUM_STATUS,
  PORTALUM_TEXT_BLOCKS,
} from './fixtures/publishedFrames';
import { decodeFrames } from './framing';
import {
  ECRTERM_ENCODED_FRAMES,
  ECRTERM_VERSION_COMPLETION_FRAME,
} from './fixtures/publishedFrames';
import {
  decodeMessage,
  decodeMessages,
  encodeAuthorisation,
  encodeIntermediateStatus,
  encodeMessage,
  zvtMessageSchema,
} from './messages';
import type { ZvtMessage, ZvtMessageKind } from './messages';

function decodeHex(hex: string, charset?: 'cp437' | 'iso-8859-1' | 'iso-8859-2'): ZvtMessage {
  const result = decodeMessage(fromHex(hex), charset ? { charset } : {});
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.message;
}

function apduOfFrame(hex: string): Uint8Array {
  const [event] = decodeFrames(fromHex(hex));
  if (event?.type !== 'frame') throw new Error('not a frame');
  return event.apdu;
}

describe('published ECR messages (python-ecrterm)', () => {
  it('registration: password 123456, config BA, euro', () => {
    expect(decodeMessage(apduOfFrame(ECRTERM_ENCODED_FRAMES.registration))).toEqual({
      ok: true,
      message: { kind: 'registration', password: '123456', configByte: 0xba, currency: 978 },
    });
  });

  it('authorisation of 110,00 in euro, and our encoder writes the same frame', () => {
    const apdu = apduOfFrame(ECRTERM_ENCODED_FRAMES.authorisation);
    expect(decodeMessage(apdu)).toEqual({
      ok: true,
      message: { kind: 'authorisation', amountGrosze: 11000, currency: 978, paymentType: 'card' },
    });
    expect(
      toHex(encodeAuthorisation({ amountGrosze: 11000, currency: 978, paymentType: 'card' })),
    ).toBe(toHex(apdu));
  });

  it('status enquiry, positive and negative acknowledgements', () => {
    expect(decodeMessage(apduOfFrame(ECRTERM_ENCODED_FRAMES.statusEnquiry))).toEqual({
      ok: true,
      message: { kind: 'status-enquiry', password: '123456' },
    });
    expect(decodeMessage(apduOfFrame(ECRTERM_ENCODED_FRAMES.packetReceived))).toEqual({
      ok: true,
      message: { kind: 'ack' },
    });
    expect(decodeMessage(apduOfFrame(ECRTERM_ENCODED_FRAMES.packetReceivedError))).toEqual({
      ok: true,
      message: { kind: 'nack', resultCode: 0x9c },
    });
  });

  it('print line "Gesamt      0       0,00" with attribute 00', () => {
    expect(decodeHex(toHex(apduOfFrame(ECRTERM_ENCODED_FRAMES.printLine)))).toEqual({
      kind: 'print-line',
      attribute: 0,
      text: 'Gesamt      0       0,00',
    });
  });

  it('an authorisation with BMP 02 and payment type 44 keeps both', () => {
    expect(decodeHex(ECRTERM_PACKETS.authorisation)).toEqual({
      kind: 'authorisation',
      amountGrosze: 1000,
      currency: 978,
      paymentType: 'card',
      paymentTypeByte: 0x44,
      otherBmps: [{ bmp: '02', name: 'max. status infos', hex: '01' }],
    });
  });

  it('a registration with service byte and a TLV container of terminal settings', () => {
    const message = decodeHex(ECRTERM_PACKETS.registration);
    expect(message).toMatchObject({
      kind: 'registration',
      password: '000000',
      configByte: 0xfe,
      currency: 978,
    });
    expect(message.kind === 'registration' && message.serviceByte).toBe(0);
    expect(message.kind === 'registration' && message.otherTlv?.map((node) => node.tag)).toEqual([
      '10',
      '12',
      '1A',
      '26',
      '27',
      '28',
      '40',
      '1F04',
      '1F05',
    ]);
  });
});

describe('published terminal messages', () => {
  it('an approved Mastercard payment (Portalum.Zvt PaymentGood1)', () => {
    expect(decodeHex(PORTALUM_STATUS.paymentGood1)).toEqual({
      kind: 'status-information',
      resultCode: 0,
      amountGrosze: 2040,
      currency: 978,
      traceNumber: 470,
      receiptNumber: 470,
      turnoverNumber: 470,
      time: '223953',
      date: '1006',
      terminalId: '28004869',
      cardSequenceNumber: '0001',
      paymentTypeByte: 0x70,
      cardNumberMasked: '************4771',
      vuNumber: '100461763',
      authorisationCode: '611804',
      additionalText: 'GEN.NR.:611804',
      cardType: 0x2e,
      cardName: 'Debit Mastercard',
      redactedBmps: ['0E'],
    });
  });

  it('the second approved payment differs where the suite says (GEN.NR.:978539)', () => {
    expect(decodeHex(PORTALUM_STATUS.paymentGood2)).toMatchObject({
      traceNumber: 463,
      authorisationCode: '978539',
      additionalText: 'GEN.NR.:978539',
      cardName: 'Debit Mastercard',
    });
  });

  it('abort by the customer: result 6C, "Abbruch durch Kunde"', () => {
    expect(decodeHex(PORTALUM_STATUS.abortByKey)).toEqual({
      kind: 'status-information',
      resultCode: 0x6c,
      terminalId: '28004869',
      additionalText: 'Abbruch durch Kunde',
    });
  });

  it('system error: result FF, "Betrag falsch"', () => {
    expect(decodeHex(PORTALUM_STATUS.systemError)).toMatchObject({
      resultCode: 0xff,
      additionalText: 'Betrag falsch',
    });
  });

  it('a contactless status with TLV objects: card name MASTERCARD, card technology 1F12 = 02', () => {
    const message = decodeHex(PORTALUM_STATUS.tlvInfos1);
    expect(message).toMatchObject({
      kind: 'status-information',
      resultCode: 0,
      cardName: 'MASTERCARD',
      terminalId: '00000006',
    });
    expect(message.kind === 'status-information' && message.otherTlv?.[0]).toEqual({
      tag: '2F',
      children: [
        { tag: '1F12', hex: '02' },
        { tag: '1F10', hex: '00' },
      ],
    });
  });

  it('masks a card number the terminal sent in full, keeping only the last four digits', () => {
    // ecrterm's tutorial packet: BMP 22 holds 5966666666 D2002122… (PAN and track-2 data).
    const message = decodeHex(ECRTERM_PACKETS.statusInformation);
    expect(message).toMatchObject({
      cardNumberMasked: '******6666',
      amountGrosze: 4000,
      receiptNumber: 175,
    });
    expect(JSON.stringify(message)).not.toContain('5966');
  });

  it('Visa status informations, with and without a TLV container', () => {
    expect(decodeHex(ECRTERM_PACKETS.statusInformationVisa)).toMatchObject({
      amountGrosze: 1,
      cardName: 'VISA',
      cardNumberMasked: '************7743',
      authorisationCode: '889150',
      cardTypeNetwork: 3,
    });
    expect(decodeHex(ECRTERM_PACKETS.statusInformationVisaTlv)).toMatchObject({
      amountGrosze: 1000,
      traceNumber: 733,
    });
  });

  it('intermediate status "insert card" with its display text', () => {
    expect(decodeHex(ECRTERM_PACKETS.intermediateStatus)).toEqual({
      kind: 'intermediate-status',
      statusCode: 0x0a,
      timeoutSeconds: 1,
      displayTexts: ['Bitte Karte einstecken'],
    });
  });

  it('intermediate status FF carrying only texts "EUR 1.23" and "Bitte warten"', () => {
    expect(decodeHex(PORTALUM_INTERMEDIATE_TEXTS)).toEqual({
      kind: 'intermediate-status',
      statusCode: 0xff,
      timeoutSeconds: 0x10,
      displayTexts: ['EUR 1.23', 'Bitte warten'],
    });
  });

  it('the completion answering a status enquiry: software version and PT ready', () => {
    expect(decodeMessage(apduOfFrame(ECRTERM_VERSION_COMPLETION_FRAME))).toEqual({
      ok: true,
      message: { kind: 'completion', softwareVersion: '2.14.15', terminalStatus: 0 },
    });
    const message = decodeHex(ECRTERM_STATUS_COMPLETION);
    expect(message).toMatchObject({
      kind: 'completion',
      softwareVersion: 'GER-APP-v2.0.9;cR02.01.01-00.09-2-2;CC26',
      terminalStatus: 0,
    });
    expect(JSON.stringify(message)).toContain('"tag":"1F42","hex":"11E930EC"');
  });

  it('the completion of a registration: status byte, terminal ID, currency', () => {
    expect(decodeHex(ECRTERM_PACKETS.registrationCompletion)).toEqual({
      kind: 'completion',
      statusByte: 0,
      terminalId: '52001233',
      currency: 978,
      otherTlv: [{ tag: '27', children: [{ tag: '14', hex: 'FF' }] }],
    });
  });

  it('abort 6C with the extended error code and text', () => {
    expect(decodeHex(ECRTERM_ABORT)).toEqual({
      kind: 'abort',
      resultCode: 0x6c,
      extendedErrorCode: 'FF00001441',
      extendedErrorText: 'Abbruch durch externes Kommando!',
    });
  });

  it('print lines: heading, last line, and one with a receipt type in ISO 8859-1', () => {
    expect(decodeHex(PORTALUM_PRINT_LINES.heading)).toEqual({
      kind: 'print-line',
      attribute: 0x40,
      text: '** KASSENSCHNITT **',
    });
    expect(decodeHex(PORTALUM_PRINT_LINES.lastLine)).toEqual({
      kind: 'print-line',
      attribute: 0x81,
      text: '',
    });
    expect(decodeHex(PORTALUM_PRINT_LINES.withReceiptType, 'iso-8859-1')).toEqual({
      kind: 'print-line',
      attribute: 0x40,
      text: '** HÄNDLERBELEG **',
      receiptType: 1,
    });
  });

  it("rejects the suite's corrupt print lines with a length mismatch", () => {
    for (const hex of [PORTALUM_PRINT_LINES.tooMuchData, PORTALUM_PRINT_LINES.tooLittleData]) {
      expect(decodeMessage(fromHex(hex))).toMatchObject({
        ok: false,
        error: { code: 'length-mismatch', command: '06 D1' },
      });
    }
  });

  it('print text blocks: the administration receipt and the 654-byte cardholder receipt (code page 437)', () => {
    const admin = decodeHex(PORTALUM_TEXT_BLOCKS.administration);
    expect(admin).toMatchObject({ kind: 'print-text-block', receiptType: 3 });
    expect(admin.kind === 'print-text-block' && admin.lines).toContain('Abschluss - keine TX');
    const cardholder = decodeHex(PORTALUM_TEXT_BLOCKS.cardholder);
    expect(cardholder).toMatchObject({ kind: 'print-text-block', receiptType: 2 });
    const lines = cardholder.kind === 'print-text-block' ? cardholder.lines : [];
    expect(lines[0]).toBe('  Leihstellung von hobex');
    expect(lines[1]).toBe('     für PORTALUM GmbH');
    expect(lines).toContain('        KUNDENBELEG');
  });
});

describe('BLIK (Okienko extension, docs/payment-terminal.md)', () => {
  it('asks for BLIK with the amount in grosze, PLN and TLV DF41 = 02', () => {
    const apdu = encodeAuthorisation({ amountGrosze: 1250, currency: 985, paymentType: 'blik' });
    expect(toHex(apdu, ' ')).toBe('06 01 10 04 00 00 00 00 12 50 49 09 85 06 04 DF 41 01 02');
    expect(decodeMessage(apdu)).toEqual({
      ok: true,
      message: { kind: 'authorisation', amountGrosze: 1250, currency: 985, paymentType: 'blik' },
    });
  });

  it('asks for a card payment in plain ZVT that any terminal takes', () => {
    const apdu = encodeAuthorisation({ amountGrosze: 1250, currency: 985, paymentType: 'card' });
    expect(toHex(apdu, ' ')).toBe('06 01 0A 04 00 00 00 00 12 50 49 09 85');
  });

  it('reports the BLIK steps in 04 FF with status FF, display texts, DF42 and the time limit DF43', () => {
    const apdu = encodeIntermediateStatus({
      statusCode: 0xff,
      timeoutSeconds: 120,
      displayTexts: ['Wpisz kod BLIK'],
      blikStep: 'enter-code',
      stepTimeLimitSeconds: 120,
    });
    expect(toHex(apdu, ' ')).toBe(
      '04 FF 1F FF 78 06 1B 24 10 07 0E 57 70 69 73 7A 20 6B 6F 64 20 42 4C 49 4B DF 42 01 01 DF 43 02 00 78',
    );
    expect(decodeMessage(apdu)).toMatchObject({
      ok: true,
      message: { blikStep: 'enter-code', stepTimeLimitSeconds: 120 },
    });
  });

  it('gives a typed error for a payment method or BLIK step it does not define', () => {
    expect(decodeMessage(fromHex('06 01 0D 04 00 00 00 00 12 50 06 04 DF 41 01 07'))).toMatchObject(
      {
        ok: false,
        error: { code: 'bad-field', command: '06 01' },
      },
    );
  });
});

const ROUND_TRIP: Record<ZvtMessageKind, ZvtMessage[]> = {
  registration: [
    { kind: 'registration', password: '000000', configByte: 0xb6, currency: 985 },
    {
      kind: 'registration',
      password: '123456',
      configByte: 0xba,
      currency: 985,
      serviceByte: 0x02,
      otherTlv: [{ tag: '26', children: [{ tag: '0A', hex: '06D3' }] }],
    },
  ],
  authorisation: [
    { kind: 'authorisation', amountGrosze: 4_500, currency: 985, paymentType: 'card' },
    {
      kind: 'authorisation',
      amountGrosze: 999_999_999_999,
      currency: 985,
      paymentType: 'blik',
      paymentTypeByte: 0x40,
    },
  ],
  'repeat-receipt': [{ kind: 'repeat-receipt', password: '000000' }],
  reversal: [{ kind: 'reversal', password: '000000', receiptNumber: 42 }],
  refund: [
    { kind: 'refund', password: '000000', amountGrosze: 1_000, currency: 985, paymentType: 'blik' },
  ],
  'end-of-day': [{ kind: 'end-of-day', password: '000000' }],
  'status-enquiry': [{ kind: 'status-enquiry', password: '000000', serviceByte: 1 }],
  'abort-request': [{ kind: 'abort-request' }],
  ack: [{ kind: 'ack' }],
  nack: [{ kind: 'nack', resultCode: 0x9c }],
  'intermediate-status': [
    { kind: 'intermediate-status', statusCode: 0x0a },
    {
      kind: 'intermediate-status',
      statusCode: 0xff,
      timeoutSeconds: 180,
      displayTexts: ['Potwierdz w aplikacji'],
      blikStep: 'confirm-in-app',
      stepTimeLimitSeconds: 110,
    },
  ],
  'status-information': [
    {
      kind: 'status-information',
      resultCode: 0,
      amountGrosze: 1_250,
      currency: 985,
      traceNumber: 17,
      receiptNumber: 5,
      turnoverNumber: 5,
      time: '101502',
      date: '0901',
      dateWithYear: '250901',
      terminalId: '52001233',
      vuNumber: 'OKIENKO-DEMO',
      cardNumberMasked: '************4771',
      cardSequenceNumber: '0001',
      cardType: 6,
      cardName: 'Mastercard',
      authorisationCode: '611804',
      additionalText: 'Zatwierdzono',
      paymentType: 'card',
      transactionState: 'committed',
    },
    {
      kind: 'status-information',
      resultCode: 0x6c,
      paymentType: 'blik',
      transactionState: 'not-approved',
    },
    {
      kind: 'status-information',
      resultCode: 0,
      amountGrosze: 26_000,
      traceNumber: 90,
      individualTotals: {
        receiptNumberFrom: 68,
        receiptNumberTo: 71,
        cardTypes: [
          { cardType: 'girocard', count: 4, amountGrosze: 2600 },
          { cardType: 'jcb', count: 0, amountGrosze: 0 },
          { cardType: 'eurocard', count: 0, amountGrosze: 0 },
          { cardType: 'amex', count: 0, amountGrosze: 0 },
          { cardType: 'visa', count: 1, amountGrosze: 100 },
          { cardType: 'diners', count: 0, amountGrosze: 0 },
          { cardType: 'other', count: 2, amountGrosze: 23_300 },
        ],
      },
      methodTotals: [
        { paymentType: 'card', count: 5, amountGrosze: 2_700 },
        { paymentType: 'blik', count: 2, amountGrosze: 23_300 },
      ],
    },
  ],
  completion: [
    { kind: 'completion' },
    { kind: 'completion', softwareVersion: 'OKIENKO-SIM 1.0', terminalStatus: 0 },
    { kind: 'completion', statusByte: 0, terminalId: '52001233', currency: 985 },
  ],
  abort: [
    { kind: 'abort', resultCode: 0x6c },
    {
      kind: 'abort',
      resultCode: 0xff,
      extendedErrorCode: 'FF00001441',
      extendedErrorText: 'Przerwano',
    },
  ],
  'print-line': [
    { kind: 'print-line', attribute: 0x40, text: '** POTWIERDZENIE **', receiptType: 2 },
    { kind: 'print-line', attribute: 0x81, text: '' },
  ],
  'print-text-block': [
    { kind: 'print-text-block', receiptType: 2, lines: ['URZĄD MIASTA', 'Kwota: 12,50 zł'] },
  ],
};

describe('round trips', () => {
  for (const [kind, messages] of Object.entries(ROUND_TRIP)) {
    it(`decode(encode(${kind})) gives the same message back`, () => {
      for (const message of messages) {
        expect(zvtMessageSchema.parse(message)).toEqual(message);
        const charset = kind === 'print-text-block' ? 'iso-8859-2' : 'cp437';
        expect(decodeMessage(encodeMessage(message, { charset }), { charset })).toEqual({
          ok: true,
          message,
        });
      }
    });
  }

  it('covers every kind of message', () => {
    expect(Object.keys(ROUND_TRIP).sort()).toEqual(
      [...zvtMessageSchema.options.map((o) => o.shape.kind.value)].sort(),
    );
  });

  it('re-encodes published terminal messages byte for byte', () => {
    for (const hex of [
      PORTALUM_STATUS.abortByKey,
      PORTALUM_INTERMEDIATE_TEXTS,
      ECRTERM_ABORT,
      ECRTERM_PACKETS.intermediateStatus,
      ECRTERM_PACKETS.registrationCompletion,
      PORTALUM_PRINT_LINES.heading,
    ]) {
      expect(toHex(encodeMessage(decodeHex(hex)))).toBe(toHex(fromHex(hex)));
    }
  });
});

describe('what never leaves the codec', () => {
  it('refuses to encode a card number that is not masked', () => {
    expect(() =>
      encodeMessage({ kind: 'status-information', resultCode: 0, cardNumberMasked: '5966666666' }),
    ).toThrow(RangeError);
  });

  it('drops track data and lists only its tag', () => {
    const apdu = fromHex('04 0F 0B 27 00 23 F0 F6 59 66 66 66 66 D2');
    const result = decodeMessage(apdu);
    expect(result).toEqual({
      ok: true,
      message: { kind: 'status-information', resultCode: 0, redactedBmps: ['23'] },
    });
  });
});

describe('typed errors', () => {
  it('for a command Okienko does not speak, naming it', () => {
    expect(decodeMessage(fromHex('06 70 00'))).toMatchObject({
      ok: false,
      error: { code: 'unknown-command', command: '06 70' },
    });
  });

  it('for a missing amount or result code', () => {
    expect(decodeMessage(fromHex('06 01 03 49 09 85'))).toMatchObject({
      ok: false,
      error: { code: 'missing-field' },
    });
    expect(decodeMessage(fromHex('04 0F 03 49 09 85'))).toMatchObject({
      ok: false,
      error: { code: 'missing-field' },
    });
  });

  it('for an unknown BMP, with its offset in the APDU', () => {
    expect(decodeMessage(fromHex('04 0F 04 27 00 77 00'))).toMatchObject({
      ok: false,
      error: { code: 'unknown-bmp', offset: 5, command: '04 0F' },
    });
  });
});

describe('decodeMessages', () => {
  it('splits a TCP capture into its APDUs', () => {
    const capture = fromHex(
      `${PORTALUM_PRINT_LINES.lastLine} 80 00 00 ${PORTALUM_PRINT_LINES.completion}`,
    );
    expect(decodeMessages(capture).map((result) => result.ok && result.message.kind)).toEqual([
      'print-line',
      'ack',
      'completion',
    ]);
  });
});
