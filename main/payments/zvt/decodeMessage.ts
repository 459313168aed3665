/**
 * APDU bytes → a typed message, or a typed error; never an exception. Each command's layout:
 *
 * - 06 00 registration:   password(3 BCD) config-byte [currency(2 BCD) [BMPs: 03, 06]]
 * - 06 01 authorisation:  BMPs (04 amount required, 49, 19, 06 …)
 * - 06 20 / 06 50:        password [BMPs]
 * - 06 30 reversal:       password [BMPs: 87 receipt number, 06 …]
 * - 06 31 refund:         password BMPs (04 amount required, 49, 06 …)
 * - 05 01 status enquiry: password [BMP 03]
 * - 06 B0 abort request:  nothing
 * - 04 FF intermediate:   status [timeout [BMPs: 06 with 24 > 07 display texts]]
 * - 04 0F status info:    BMPs (27 result code required)
 * - 06 0F completion:     [sw-version(LLLVAR) terminal-status] [BMPs]; the first form answers 05 01
 * - 06 1E abort:          result-code [BMPs: 06 with 1F16 / 1F17]
 * - 06 D1 print line:     attribute text [06 TLV]
 * - 06 D3 print block:    BMP 06 with 1F07 receipt type and 25 > 07 lines
 * - 80 00 ack, 84 xx nack (84 00 is positive too)
 *
 * Fields the message has no place for are kept in otherBmps / otherTlv, except secrets (track
 * data, CVV, PIN data, a card number outside 04 0F): those are dropped and only their tag is
 * listed, so nothing sensitive survives decoding.
 */
import { apduTotalLength, commandName, parseApdu } from './apdu';
import type { Apdu } from './apdu';
import { decodeLengthPrefix, unpackBcdNumber } from './bcd';
import { BMP } from './bmp';
import { maskCardNumber } from './cardNumber';
import type { Decoded, ZvtDecodeError } from './errors';
import type { Fields } from './messageFields';
import {
  TlvPicker,
  at,
  err,
  fieldsOnly,
  ok,
  optional,
  takeCode,
  takeMethod,
  takeTexts,
  withFields,
  withPassword,
} from './messageFields';
import { BLIK_STEP_CODES, OKIENKO_TLV, TRANSACTION_STATE_CODES, ZVT_TLV } from './messageTypes';
import type {
  BlikStep,
  PaymentMethod,
  StatusInformation,
  TransactionState,
  ZvtMessage,
} from './messageTypes';
import { DEFAULT_CHARSET, decodeZvtText, trimPadding } from './text';
import type { ZvtCharset } from './text';
import { decodeTlvContainer, readTlvLength, tlvValue } from './tlv';
import type { TlvNode } from './tlv';
import { decodeIndividualTotals, decodeMethodTotals } from './totals';

export type DecodeMessageResult =
  { ok: true; message: ZvtMessage } | { ok: false; error: ZvtDecodeError };

export type DecodeOptions = {
  /** The terminal's character set for text fields; ZVT's default is code page 437. */
  charset?: ZvtCharset;
};

/** Exactly one APDU (bare, as over TCP, or as a serial frame carries it). */
export function decodeMessage(bytes: Uint8Array, options: DecodeOptions = {}): DecodeMessageResult {
  const apdu = parseApdu(bytes);
  if (!apdu.ok) {
    const error =
      bytes.length >= 2 && apdu.error.code !== 'empty'
        ? { ...apdu.error, command: commandName(bytes[0]!, bytes[1]!) }
        : apdu.error;
    return { ok: false, error };
  }
  const result = decodeApdu(apdu.value, options);
  if (result.ok || result.error.offset === undefined) return result;
  // Offsets inside the data become offsets in the APDU, header included.
  const header = bytes.length - apdu.value.data.length;
  return { ok: false, error: { ...result.error, offset: result.error.offset + header } };
}

export function decodeApdu(apdu: Apdu, options: DecodeOptions = {}): DecodeMessageResult {
  const name = commandName(apdu.cls, apdu.instr);
  const decoded = decodeByCommand(apdu, options.charset ?? DEFAULT_CHARSET);
  if (decoded.ok) return { ok: true, message: decoded.value };
  return { ok: false, error: { ...decoded.error, command: name } };
}

/** The APDUs in a bare byte stream (a TCP capture), each decoded; a cut-off tail is an error. */
export function decodeMessages(
  bytes: Uint8Array,
  options: DecodeOptions = {},
): DecodeMessageResult[] {
  const results: DecodeMessageResult[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const total = apduTotalLength(bytes, offset);
    if (total === null || offset + total > bytes.length) {
      results.push(decodeMessage(bytes.subarray(offset), options));
      break;
    }
    results.push(decodeMessage(bytes.subarray(offset, offset + total), options));
    offset += total;
  }
  return results;
}

function decodeByCommand(apdu: Apdu, charset: ZvtCharset): Decoded<ZvtMessage> {
  const { cls, instr, data } = apdu;
  if (cls === 0x80 && instr === 0x00) return ok({ kind: 'ack' });
  if (cls === 0x84)
    return ok(instr === 0x00 ? { kind: 'ack' } : { kind: 'nack', resultCode: instr });
  switch ((cls << 8) | instr) {
    case 0x0600:
      return decodeRegistration(data, charset);
    case 0x0601:
      return decodeAuthorisation(data, charset);
    case 0x0631:
      return withPassword(data, (password) => decodeRefund(data, password, charset));
    case 0x0620:
      return withPassword(data, (password) =>
        fieldsOnly(data, 3, charset, (otherBmps) => ({
          kind: 'repeat-receipt',
          password,
          ...otherBmps,
        })),
      );
    case 0x0650:
      return withPassword(data, (password) =>
        fieldsOnly(data, 3, charset, (otherBmps) => ({
          kind: 'end-of-day',
          password,
          ...otherBmps,
        })),
      );
    case 0x0630:
      return withPassword(data, (password) => decodeReversal(data, password, charset));
    case 0x0501:
      return withPassword(data, (password) => decodeStatusEnquiry(data, password, charset));
    case 0x06b0:
      return fieldsOnly(data, 0, charset, (otherBmps) => ({ kind: 'abort-request', ...otherBmps }));
    case 0x04ff:
      return decodeIntermediateStatus(data, charset);
    case 0x040f:
      return decodeStatusInformation(data, charset);
    case 0x060f:
      return decodeCompletion(data, charset);
    case 0x061e:
      return decodeAbort(data, charset);
    case 0x06d1:
      return decodePrintLine(data, charset);
    case 0x06d3:
      return decodePrintTextBlock(data, charset);
    default:
      return err('unknown-command', `command ${commandName(cls, instr)} is not one Okienko speaks`);
  }
}

// --- the commands ---------------------------------------------------------------------

function decodeRegistration(data: Uint8Array, charset: ZvtCharset): Decoded<ZvtMessage> {
  return withPassword(data, (password) => {
    if (data.length < 4) return err('missing-field', 'registration has no config byte', 3);
    const configByte = data[3]!;
    if (data.length === 4) return ok({ kind: 'registration', password, configByte });
    if (data.length < 6) return err('truncated', 'the currency code is cut off', 4);
    const currency = unpackBcdNumber(data.subarray(4, 6));
    if (!currency.ok) return at(currency, 4);
    if (currency.value > 999)
      return err('bad-field', `currency code ${currency.value} is not an ISO 4217 number`, 4);
    return withFields(data, 6, charset, [BMP.serviceByte], (fields) =>
      ok({
        kind: 'registration',
        password,
        configByte,
        currency: currency.value,
        ...optional('serviceByte', fields.byte(BMP.serviceByte)),
        ...fields.rest(),
      }),
    );
  });
}

function decodeAuthorisation(data: Uint8Array, charset: ZvtCharset): Decoded<ZvtMessage> {
  return withFields(data, 0, charset, [BMP.amount, BMP.currency, BMP.paymentType], (fields) => {
    const payment = paymentFields(fields, 'authorisation');
    if (!payment.ok) return payment;
    return ok({
      kind: 'authorisation',
      ...payment.value,
      ...optional('paymentTypeByte', fields.byte(BMP.paymentType)),
      ...fields.rest(),
    });
  });
}

function decodeRefund(
  data: Uint8Array,
  password: string,
  charset: ZvtCharset,
): Decoded<ZvtMessage> {
  return withFields(data, 3, charset, [BMP.amount, BMP.currency], (fields) => {
    const payment = paymentFields(fields, 'refund');
    if (!payment.ok) return payment;
    return ok({ kind: 'refund', password, ...payment.value, ...fields.rest() });
  });
}

function paymentFields(
  fields: Fields,
  kind: string,
): Decoded<{ amountGrosze: number; currency?: number; paymentType: PaymentMethod }> {
  const amount = fields.amount(BMP.amount);
  if (!amount.ok) return amount;
  if (amount.value === undefined) return err('missing-field', `${kind} without an amount (BMP 04)`);
  const currency = fields.currency(BMP.currency);
  if (!currency.ok) return currency;
  const method = takeMethod(fields);
  if (!method.ok) return method;
  // Without our payment-method tag it is what ZVT means by a payment: a card.
  return ok({
    amountGrosze: amount.value,
    ...optional('currency', currency.value),
    paymentType: method.value ?? 'card',
  });
}

function decodeReversal(
  data: Uint8Array,
  password: string,
  charset: ZvtCharset,
): Decoded<ZvtMessage> {
  return withFields(data, 3, charset, [BMP.receiptNumber], (fields) => {
    const receiptNumber = fields.number(BMP.receiptNumber);
    if (!receiptNumber.ok) return receiptNumber;
    return ok({
      kind: 'reversal',
      password,
      ...optional('receiptNumber', receiptNumber.value),
      ...fields.rest(),
    });
  });
}

function decodeStatusEnquiry(
  data: Uint8Array,
  password: string,
  charset: ZvtCharset,
): Decoded<ZvtMessage> {
  return withFields(data, 3, charset, [BMP.serviceByte], (fields) => {
    const { otherBmps, redactedBmps } = fields.rest();
    if (fields.tlv.length > 0) return err('bad-field', 'a status enquiry carries no TLV container');
    if (redactedBmps) return err('bad-field', `unexpected BMP ${redactedBmps.join(', ')}`);
    return ok({
      kind: 'status-enquiry',
      password,
      ...optional('serviceByte', fields.byte(BMP.serviceByte)),
      ...optional('otherBmps', otherBmps),
    });
  });
}

function decodeIntermediateStatus(data: Uint8Array, charset: ZvtCharset): Decoded<ZvtMessage> {
  if (data.length === 0) return err('missing-field', 'intermediate status without a status byte');
  const statusCode = data[0]!;
  if (data.length === 1) return ok({ kind: 'intermediate-status', statusCode });
  const timeoutSeconds = data[1]!;
  return withFields(data, 2, charset, [], (fields) => {
    const texts = takeTexts(fields, ZVT_TLV.displayTexts);
    const step = takeCode(fields, OKIENKO_TLV.blikStep, BLIK_STEP_CODES, 'BLIK step');
    if (!step.ok) return step;
    const limit = fields.takeTlv(OKIENKO_TLV.stepTimeLimit);
    let stepTimeLimitSeconds: number | undefined;
    if (limit) {
      const value = tlvValue(limit);
      if (value?.length !== 2) return err('bad-field', 'the step time limit (DF43) is 2 bytes');
      stepTimeLimitSeconds = (value[0]! << 8) | value[1]!;
    }
    return ok({
      kind: 'intermediate-status',
      statusCode,
      timeoutSeconds,
      ...optional('displayTexts', texts),
      ...optional('blikStep', step.value as BlikStep | undefined),
      ...optional('stepTimeLimitSeconds', stepTimeLimitSeconds),
      ...fields.rest(),
    });
  });
}

const STATUS_INFORMATION_BMPS = [
  BMP.resultCode,
  BMP.amount,
  BMP.currency,
  BMP.traceNumber,
  BMP.originalTraceNumber,
  BMP.receiptNumber,
  BMP.turnoverNumber,
  BMP.time,
  BMP.date,
  BMP.dateWithYear,
  BMP.terminalId,
  BMP.vuNumber,
  BMP.cardNumber,
  BMP.cardSequenceNumber,
  BMP.paymentType,
  BMP.cardType,
  BMP.cardTypeNetwork,
  BMP.cardName,
  BMP.authorisationAttribute,
  BMP.additionalText,
  BMP.resultCodeAs,
  BMP.individualTotals,
];

function decodeStatusInformation(data: Uint8Array, charset: ZvtCharset): Decoded<ZvtMessage> {
  return withFields(data, 0, charset, STATUS_INFORMATION_BMPS, (fields) => {
    const resultCode = fields.byte(BMP.resultCode);
    if (resultCode === undefined)
      return err('missing-field', 'status information without a result code (BMP 27)');
    const message: StatusInformation = { kind: 'status-information', resultCode };
    const currency = fields.currency(BMP.currency);
    if (!currency.ok) return currency;
    if (currency.value !== undefined) message.currency = currency.value;
    const numbers = [
      ['traceNumber', BMP.traceNumber],
      ['originalTraceNumber', BMP.originalTraceNumber],
      ['receiptNumber', BMP.receiptNumber],
      ['turnoverNumber', BMP.turnoverNumber],
    ] as const;
    const amount = fields.amount(BMP.amount);
    if (!amount.ok) return amount;
    if (amount.value !== undefined) message.amountGrosze = amount.value;
    for (const [key, tag] of numbers) {
      const value = fields.number(tag);
      if (!value.ok) return value;
      if (value.value !== undefined) message[key] = value.value;
    }
    const digitFields = [
      ['time', BMP.time],
      ['date', BMP.date],
      ['dateWithYear', BMP.dateWithYear],
      ['terminalId', BMP.terminalId],
      ['cardSequenceNumber', BMP.cardSequenceNumber],
    ] as const;
    for (const [key, tag] of digitFields) {
      const value = fields.digits(tag);
      if (!value.ok) return value;
      if (value.value !== undefined) message[key] = value.value;
    }
    const texts = [
      ['vuNumber', BMP.vuNumber],
      ['cardName', BMP.cardName],
      ['authorisationCode', BMP.authorisationAttribute],
      ['additionalText', BMP.additionalText],
    ] as const;
    for (const [key, tag] of texts) {
      const value = fields.text(tag);
      if (value !== undefined) message[key] = value;
    }
    const bytes = [
      ['cardType', BMP.cardType],
      ['cardTypeNetwork', BMP.cardTypeNetwork],
      ['paymentTypeByte', BMP.paymentType],
      ['resultCodeAs', BMP.resultCodeAs],
    ] as const;
    for (const [key, tag] of bytes) {
      const value = fields.byte(tag);
      if (value !== undefined) message[key] = value;
    }
    const card = fields.get(BMP.cardNumber);
    if (card) message.cardNumberMasked = maskCardNumber(card.value);
    const totalsField = fields.get(BMP.individualTotals);
    if (totalsField) {
      const totals = decodeIndividualTotals(totalsField.value);
      if (!totals.ok) return at(totals, totalsField.offset);
      message.individualTotals = totals.value;
    }
    const method = takeMethod(fields);
    if (!method.ok) return method;
    if (method.value) message.paymentType = method.value;
    const methodTotals = fields.takeTlv(OKIENKO_TLV.methodTotals);
    if (methodTotals) {
      const totals = decodeMethodTotals(tlvValue(methodTotals) ?? new Uint8Array());
      if (!totals.ok) return totals;
      message.methodTotals = totals.value;
    }
    const state = takeCode(
      fields,
      OKIENKO_TLV.transactionState,
      TRANSACTION_STATE_CODES,
      'transaction state',
    );
    if (!state.ok) return state;
    if (state.value) message.transactionState = state.value as TransactionState;
    return ok({ ...message, ...fields.rest() });
  });
}

function decodeCompletion(data: Uint8Array, charset: ZvtCharset): Decoded<ZvtMessage> {
  let start = 0;
  let version: { softwareVersion: string; terminalStatus: number } | undefined;
  // After a status enquiry the completion starts with the software version as LLLVAR:
  // three bytes F0-F9. No BMP a completion carries starts that way.
  if (
    data.length >= 3 &&
    isLengthDigit(data[0]!) &&
    isLengthDigit(data[1]!) &&
    isLengthDigit(data[2]!)
  ) {
    const length = decodeLengthPrefix(data, 0, 3);
    if (!length.ok) return length;
    const end = 3 + length.value;
    if (end + 1 > data.length)
      return err('truncated', 'software version or terminal status cut off', 0);
    version = {
      softwareVersion: trimPadding(decodeZvtText(data.subarray(3, end), charset)),
      terminalStatus: data[end]!,
    };
    start = end + 1;
  }
  return withFields(
    data,
    start,
    charset,
    [BMP.paymentType, BMP.terminalId, BMP.currency, BMP.resultCode],
    (fields) => {
      const terminalId = fields.digits(BMP.terminalId);
      if (!terminalId.ok) return terminalId;
      const currency = fields.currency(BMP.currency);
      if (!currency.ok) return currency;
      return ok({
        kind: 'completion',
        ...(version ?? {}),
        ...optional('statusByte', fields.byte(BMP.paymentType)),
        ...optional('terminalId', terminalId.value),
        ...optional('currency', currency.value),
        ...optional('resultCode', fields.byte(BMP.resultCode)),
        ...fields.rest(),
      });
    },
  );
}

function decodeAbort(data: Uint8Array, charset: ZvtCharset): Decoded<ZvtMessage> {
  if (data.length === 0) return err('missing-field', 'abort without a result code');
  const resultCode = data[0]!;
  return withFields(data, 1, charset, [], (fields) => {
    const code = fields.takeTlv(ZVT_TLV.extendedErrorCode);
    const text = fields.takeTlv(ZVT_TLV.extendedErrorText);
    return ok({
      kind: 'abort',
      resultCode,
      ...optional('extendedErrorCode', code?.hex),
      ...optional(
        'extendedErrorText',
        text ? trimPadding(decodeZvtText(tlvValue(text)!, charset)) : undefined,
      ),
      ...fields.rest(),
    });
  });
}

const MAX_TLV_CANDIDATES = 4;

function decodePrintLine(data: Uint8Array, charset: ZvtCharset): Decoded<ZvtMessage> {
  if (data.length === 0) return err('missing-field', 'print line without an attribute byte');
  const attribute = data[0]!;
  // The text runs to the end, or to a trailing TLV container (06 …) that ends exactly there.
  // Only a few candidates are parsed, so a line stuffed with fake containers stays cheap.
  let textEnd = data.length;
  let nodes: TlvNode[] = [];
  let candidates = 0;
  for (let i = 1; i < data.length && candidates < MAX_TLV_CANDIDATES; i++) {
    if (data[i] !== 0x06) continue;
    const length = readTlvLength(data, i + 1);
    if (!length.ok || i + 1 + length.value.size + length.value.length !== data.length) continue;
    candidates++;
    const container = decodeTlvContainer(data, i + 1);
    if (container.ok) {
      textEnd = i;
      nodes = container.value.nodes;
      break;
    }
  }
  const tlv = new TlvPicker(nodes);
  const receiptType = tlv.take(ZVT_TLV.receiptType);
  const receiptTypeValue = tlvValue(receiptType);
  if (receiptType && receiptTypeValue?.length !== 1)
    return err('bad-field', 'receipt type (1F07) is 1 byte');
  return ok({
    kind: 'print-line',
    attribute,
    text: decodeZvtText(data.subarray(1, textEnd), charset),
    ...optional('receiptType', receiptTypeValue?.[0]),
    ...optional('otherTlv', tlv.rest()),
  });
}

function decodePrintTextBlock(data: Uint8Array, charset: ZvtCharset): Decoded<ZvtMessage> {
  return withFields(data, 0, charset, [], (fields) => {
    const receiptType = fields.takeTlv(ZVT_TLV.receiptType);
    const receiptTypeValue = tlvValue(receiptType);
    if (receiptType && receiptTypeValue?.length !== 1)
      return err('bad-field', 'receipt type (1F07) is 1 byte');
    const lines = takeTexts(fields, ZVT_TLV.printTexts) ?? [];
    const { otherBmps, otherTlv, redactedBmps } = fields.rest();
    if (otherBmps || redactedBmps)
      return err('bad-field', 'a print text block carries only a TLV container');
    return ok({
      kind: 'print-text-block',
      ...optional('receiptType', receiptTypeValue?.[0]),
      lines,
      ...optional('otherTlv', otherTlv),
    });
  });
}

function isLengthDigit(byte: number): boolean {
  return byte >= 0xf0 && byte <= 0xf9;
}
