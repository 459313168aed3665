/**
 * Message → APDU bytes. Fields go out in one canonical order, so that decoding what was
 * encoded gives back the same message (round-trip tests hold every kind to that). Values out
 * of range throw RangeError: the callers are our own session and simulator, and a wrong
 * amount must stop the program, not reach a terminal. JSON from outside is parsed with
 * zvtMessageSchema first (the CLI does).
 */
import { encodeApdu } from './apdu';
import { encodeAmount, encodeCurrency, encodeLengthPrefix, packBcd, packBcdNumber } from './bcd';
import { BMP, encodeBmp } from './bmp';
import { concatBytes, fromHex } from './bytes';
import { encodeMaskedCardNumber } from './cardNumber';
import {
  BLIK_STEP_CODES,
  COMMANDS,
  OKIENKO_TLV,
  PAYMENT_METHOD_CODES,
  TRANSACTION_STATE_CODES,
  ZVT_TLV,
} from './messageTypes';
import type {
  Abort,
  Authorisation,
  Completion,
  EndOfDay,
  IntermediateStatus,
  OtherBmp,
  PaymentMethod,
  PrintLine,
  PrintTextBlock,
  Refund,
  Registration,
  RepeatReceipt,
  Reversal,
  StatusEnquiry,
  StatusInformation,
  ZvtMessage,
} from './messageTypes';
import { DEFAULT_CHARSET, encodeZvtText } from './text';
import { encodeIndividualTotals, encodeMethodTotals } from './totals';
import type { ZvtCharset } from './text';
import { encodeTlvBmp, primitive } from './tlv';
import type { TlvNode } from './tlv';

type Fields<T> = Omit<T, 'kind'>;
type Part = Uint8Array | readonly number[];

export type EncodeOptions = {
  /** The terminal's character set for text fields; ZVT's default is code page 437. */
  charset?: ZvtCharset;
};

export function encodeMessage(message: ZvtMessage, options: EncodeOptions = {}): Uint8Array {
  if ('redactedBmps' in message && message.redactedBmps?.length) {
    throw new RangeError('redactedBmps lists what was dropped on decoding; it cannot be encoded');
  }
  switch (message.kind) {
    case 'registration':
      return encodeRegistration(message);
    case 'authorisation':
      return encodeAuthorisation(message);
    case 'repeat-receipt':
      return encodeRepeatReceipt(message);
    case 'reversal':
      return encodeReversal(message);
    case 'refund':
      return encodeRefund(message);
    case 'end-of-day':
      return encodeEndOfDay(message);
    case 'status-enquiry':
      return encodeStatusEnquiry(message);
    case 'abort-request':
      return command('abort-request', otherBmps(message.otherBmps));
    case 'ack':
      return encodeAck();
    case 'nack':
      return encodeNack(message.resultCode);
    case 'intermediate-status':
      return encodeIntermediateStatus(message, options);
    case 'status-information':
      return encodeStatusInformation(message, options);
    case 'completion':
      return encodeCompletion(message, options);
    case 'abort':
      return encodeAbort(message, options);
    case 'print-line':
      return encodePrintLine(message, options);
    case 'print-text-block':
      return encodePrintTextBlock(message, options);
  }
}

export function encodeAck(): Uint8Array {
  return encodeApdu(0x80, 0x00);
}

export function encodeNack(resultCode: number): Uint8Array {
  if (!Number.isInteger(resultCode) || resultCode < 1 || resultCode > 0xff) {
    throw new RangeError(`A negative acknowledgement carries a code 01-FF, got ${resultCode}`);
  }
  return encodeApdu(0x84, resultCode);
}

export function encodeRegistration(fields: Fields<Registration>): Uint8Array {
  const parts: Part[] = [
    packPassword(fields.password),
    [byteValue(fields.configByte, 'config byte')],
  ];
  const trailing = fields.serviceByte !== undefined || fields.otherTlv || fields.otherBmps;
  if (fields.currency !== undefined) parts.push(encodeCurrency(fields.currency));
  else if (trailing)
    throw new RangeError('Registration: a service byte or TLV needs the currency first');
  if (fields.serviceByte !== undefined) {
    parts.push(
      encodeBmp(BMP.serviceByte, Uint8Array.of(byteValue(fields.serviceByte, 'service byte'))),
    );
  }
  parts.push(otherBmps(fields.otherBmps), tlvBmp(fields.otherTlv ?? []));
  return command('registration', concatBytes(parts));
}

export function encodeAuthorisation(fields: Fields<Authorisation>): Uint8Array {
  return command('authorisation', concatBytes(paymentParts(fields)));
}

export function encodeRefund(fields: Fields<Refund>): Uint8Array {
  return command('refund', concatBytes([packPassword(fields.password), ...paymentParts(fields)]));
}

/** Amount, currency, payment type byte, other BMPs, TLV with the payment method for BLIK. */
function paymentParts(fields: {
  amountGrosze: number;
  currency?: number | undefined;
  paymentType: PaymentMethod;
  paymentTypeByte?: number | undefined;
  otherTlv?: TlvNode[] | undefined;
  otherBmps?: OtherBmp[] | undefined;
}): Part[] {
  const parts: Part[] = [encodeBmp(BMP.amount, encodeAmount(fields.amountGrosze))];
  if (fields.currency !== undefined)
    parts.push(encodeBmp(BMP.currency, encodeCurrency(fields.currency)));
  if (fields.paymentTypeByte !== undefined) {
    parts.push(
      encodeBmp(BMP.paymentType, Uint8Array.of(byteValue(fields.paymentTypeByte, 'payment type'))),
    );
  }
  parts.push(otherBmps(fields.otherBmps));
  // A card payment is plain ZVT that any terminal takes; only BLIK needs our extension tag.
  const method = fields.paymentType === 'card' ? [] : [methodNode(fields.paymentType)];
  parts.push(tlvBmp([...method, ...(fields.otherTlv ?? [])]));
  return parts;
}

export function encodeRepeatReceipt(fields: Fields<RepeatReceipt>): Uint8Array {
  return command(
    'repeat-receipt',
    concatBytes([packPassword(fields.password), otherBmps(fields.otherBmps)]),
  );
}

export function encodeReversal(fields: Fields<Reversal>): Uint8Array {
  const parts: Part[] = [packPassword(fields.password)];
  if (fields.receiptNumber !== undefined) {
    parts.push(encodeBmp(BMP.receiptNumber, packBcdNumber(fields.receiptNumber, 2)));
  }
  parts.push(otherBmps(fields.otherBmps), tlvBmp(fields.otherTlv ?? []));
  return command('reversal', concatBytes(parts));
}

export function encodeEndOfDay(fields: Fields<EndOfDay>): Uint8Array {
  return command(
    'end-of-day',
    concatBytes([packPassword(fields.password), otherBmps(fields.otherBmps)]),
  );
}

export function encodeStatusEnquiry(fields: Fields<StatusEnquiry>): Uint8Array {
  const parts: Part[] = [packPassword(fields.password)];
  if (fields.serviceByte !== undefined) {
    parts.push(
      encodeBmp(BMP.serviceByte, Uint8Array.of(byteValue(fields.serviceByte, 'service byte'))),
    );
  }
  parts.push(otherBmps(fields.otherBmps));
  return command('status-enquiry', concatBytes(parts));
}

export function encodeAbortRequest(): Uint8Array {
  return command('abort-request', new Uint8Array());
}

export function encodeIntermediateStatus(
  fields: Fields<IntermediateStatus>,
  options: EncodeOptions = {},
): Uint8Array {
  const charset = options.charset ?? DEFAULT_CHARSET;
  const nodes: TlvNode[] = [];
  if (fields.displayTexts)
    nodes.push(textsNode(ZVT_TLV.displayTexts, fields.displayTexts, charset));
  if (fields.blikStep)
    nodes.push(primitive(OKIENKO_TLV.blikStep, [BLIK_STEP_CODES[fields.blikStep]]));
  if (fields.stepTimeLimitSeconds !== undefined) {
    const seconds = fields.stepTimeLimitSeconds;
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffff) {
      throw new RangeError(`A step time limit is 0-65535 seconds, got ${seconds}`);
    }
    nodes.push(primitive(OKIENKO_TLV.stepTimeLimit, [seconds >>> 8, seconds & 0xff]));
  }
  nodes.push(...(fields.otherTlv ?? []));
  const parts: Part[] = [[byteValue(fields.statusCode, 'status code')]];
  const more = nodes.length > 0 || (fields.otherBmps?.length ?? 0) > 0;
  // ZVT: status, then the timeout byte, then BMPs; the timeout must be there when BMPs follow.
  if (fields.timeoutSeconds !== undefined || more) {
    parts.push([byteValue(fields.timeoutSeconds ?? 0, 'timeout')]);
  }
  parts.push(otherBmps(fields.otherBmps), tlvBmp(nodes));
  return command('intermediate-status', concatBytes(parts));
}

export function encodeStatusInformation(
  fields: Fields<StatusInformation>,
  options: EncodeOptions = {},
): Uint8Array {
  const charset = options.charset ?? DEFAULT_CHARSET;
  const parts: Part[] = [
    encodeBmp(BMP.resultCode, Uint8Array.of(byteValue(fields.resultCode, 'result code'))),
  ];
  const add = (tag: number, value: Uint8Array | undefined) => {
    if (value) parts.push(encodeBmp(tag, value));
  };
  const bcd = (value: number | undefined, bytes: number) =>
    value === undefined ? undefined : packBcdNumber(value, bytes);
  const digits = (value: string | undefined, bytes: number) =>
    value === undefined ? undefined : packBcd(value, bytes);
  const single = (value: number | undefined, name: string) =>
    value === undefined ? undefined : Uint8Array.of(byteValue(value, name));

  add(
    BMP.amount,
    fields.amountGrosze === undefined ? undefined : encodeAmount(fields.amountGrosze),
  );
  add(BMP.currency, fields.currency === undefined ? undefined : encodeCurrency(fields.currency));
  add(BMP.traceNumber, bcd(fields.traceNumber, 3));
  add(BMP.originalTraceNumber, bcd(fields.originalTraceNumber, 3));
  add(BMP.receiptNumber, bcd(fields.receiptNumber, 2));
  add(BMP.turnoverNumber, bcd(fields.turnoverNumber, 3));
  add(BMP.time, digits(fields.time, 3));
  add(BMP.date, digits(fields.date, 2));
  add(BMP.dateWithYear, digits(fields.dateWithYear, 3));
  add(BMP.terminalId, digits(fields.terminalId, 4));
  add(
    BMP.vuNumber,
    fields.vuNumber === undefined ? undefined : fixedText(fields.vuNumber, 15, 0x20, charset),
  );
  add(
    BMP.cardNumber,
    fields.cardNumberMasked === undefined
      ? undefined
      : encodeMaskedCardNumber(fields.cardNumberMasked),
  );
  add(BMP.cardSequenceNumber, digits(fields.cardSequenceNumber, 2));
  add(BMP.paymentType, single(fields.paymentTypeByte, 'payment type'));
  add(BMP.cardType, single(fields.cardType, 'card type'));
  add(BMP.cardTypeNetwork, single(fields.cardTypeNetwork, 'card type ID'));
  // Terminals end the card name with a NUL; keep doing so.
  add(
    BMP.cardName,
    fields.cardName === undefined
      ? undefined
      : concatBytes([encodeZvtText(fields.cardName, charset), [0]]),
  );
  add(
    BMP.authorisationAttribute,
    fields.authorisationCode === undefined
      ? undefined
      : fixedText(fields.authorisationCode, 8, 0x00, charset),
  );
  add(
    BMP.additionalText,
    fields.additionalText === undefined ? undefined : encodeZvtText(fields.additionalText, charset),
  );
  add(BMP.resultCodeAs, single(fields.resultCodeAs, 'result code AS'));
  add(
    BMP.individualTotals,
    fields.individualTotals === undefined
      ? undefined
      : encodeIndividualTotals(fields.individualTotals),
  );
  parts.push(otherBmps(fields.otherBmps));

  const nodes: TlvNode[] = [];
  if (fields.paymentType) nodes.push(methodNode(fields.paymentType));
  if (fields.methodTotals)
    nodes.push(primitive(OKIENKO_TLV.methodTotals, encodeMethodTotals(fields.methodTotals)));
  if (fields.transactionState) {
    nodes.push(
      primitive(OKIENKO_TLV.transactionState, [TRANSACTION_STATE_CODES[fields.transactionState]]),
    );
  }
  nodes.push(...(fields.otherTlv ?? []));
  parts.push(tlvBmp(nodes));
  return command('status-information', concatBytes(parts));
}

export function encodeCompletion(
  fields: Fields<Completion>,
  options: EncodeOptions = {},
): Uint8Array {
  const charset = options.charset ?? DEFAULT_CHARSET;
  const parts: Part[] = [];
  if (fields.softwareVersion !== undefined) {
    const version = encodeZvtText(fields.softwareVersion, charset);
    parts.push(encodeLengthPrefix(version.length, 3), version, [
      byteValue(fields.terminalStatus ?? 0, 'terminal status'),
    ]);
  } else if (fields.terminalStatus !== undefined) {
    throw new RangeError('Completion: a terminal status goes with a software version');
  }
  if (fields.statusByte !== undefined) {
    parts.push(
      encodeBmp(BMP.paymentType, Uint8Array.of(byteValue(fields.statusByte, 'status byte'))),
    );
  }
  if (fields.terminalId !== undefined)
    parts.push(encodeBmp(BMP.terminalId, packBcd(fields.terminalId, 4)));
  if (fields.currency !== undefined)
    parts.push(encodeBmp(BMP.currency, encodeCurrency(fields.currency)));
  if (fields.resultCode !== undefined) {
    parts.push(
      encodeBmp(BMP.resultCode, Uint8Array.of(byteValue(fields.resultCode, 'result code'))),
    );
  }
  parts.push(otherBmps(fields.otherBmps), tlvBmp(fields.otherTlv ?? []));
  return command('completion', concatBytes(parts));
}

export function encodeAbort(fields: Fields<Abort>, options: EncodeOptions = {}): Uint8Array {
  const charset = options.charset ?? DEFAULT_CHARSET;
  const nodes: TlvNode[] = [];
  if (fields.extendedErrorCode !== undefined) {
    nodes.push(primitive(ZVT_TLV.extendedErrorCode, fromHex(fields.extendedErrorCode)));
  }
  if (fields.extendedErrorText !== undefined) {
    nodes.push(
      primitive(ZVT_TLV.extendedErrorText, encodeZvtText(fields.extendedErrorText, charset)),
    );
  }
  nodes.push(...(fields.otherTlv ?? []));
  const parts: Part[] = [
    [byteValue(fields.resultCode, 'result code')],
    otherBmps(fields.otherBmps),
    tlvBmp(nodes),
  ];
  return command('abort', concatBytes(parts));
}

export function encodePrintLine(
  fields: Fields<PrintLine>,
  options: EncodeOptions = {},
): Uint8Array {
  const charset = options.charset ?? DEFAULT_CHARSET;
  const nodes: TlvNode[] = [];
  if (fields.receiptType !== undefined) {
    nodes.push(primitive(ZVT_TLV.receiptType, [byteValue(fields.receiptType, 'receipt type')]));
  }
  nodes.push(...(fields.otherTlv ?? []));
  const parts: Part[] = [
    [byteValue(fields.attribute, 'attribute')],
    encodeZvtText(fields.text, charset),
    tlvBmp(nodes),
  ];
  return command('print-line', concatBytes(parts));
}

export function encodePrintTextBlock(
  fields: Fields<PrintTextBlock>,
  options: EncodeOptions = {},
): Uint8Array {
  const charset = options.charset ?? DEFAULT_CHARSET;
  const nodes: TlvNode[] = [];
  if (fields.receiptType !== undefined) {
    nodes.push(primitive(ZVT_TLV.receiptType, [byteValue(fields.receiptType, 'receipt type')]));
  }
  nodes.push(textsNode(ZVT_TLV.printTexts, fields.lines, charset), ...(fields.otherTlv ?? []));
  return command('print-text-block', encodeTlvBmp(nodes));
}

function command(kind: ZvtMessage['kind'], data: Uint8Array): Uint8Array {
  const [cls, instr] = COMMANDS[kind];
  return encodeApdu(cls, instr, data);
}

function packPassword(password: string): Uint8Array {
  if (!/^\d{6}$/.test(password)) throw new RangeError('The ZVT password is 6 digits');
  return packBcd(password, 3);
}

function byteValue(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) {
    throw new RangeError(`The ${name} is one byte (0-255), got ${value}`);
  }
  return value;
}

function fixedText(text: string, length: number, pad: number, charset: ZvtCharset): Uint8Array {
  const bytes = encodeZvtText(text, charset);
  if (bytes.length > length) throw new RangeError(`"${text}" is longer than ${length} bytes`);
  const out = new Uint8Array(length).fill(pad);
  out.set(bytes);
  return out;
}

function methodNode(method: PaymentMethod): TlvNode {
  return primitive(OKIENKO_TLV.paymentMethod, [PAYMENT_METHOD_CODES[method]]);
}

function textsNode(tag: string, lines: readonly string[], charset: ZvtCharset): TlvNode {
  return {
    tag,
    children: lines.map((line) => primitive(ZVT_TLV.textLine, encodeZvtText(line, charset))),
  };
}

function tlvBmp(nodes: readonly TlvNode[]): Uint8Array {
  return nodes.length === 0 ? new Uint8Array() : encodeTlvBmp(nodes);
}

function otherBmps(bmps: readonly OtherBmp[] | undefined): Uint8Array {
  if (!bmps?.length) return new Uint8Array();
  return concatBytes(bmps.map((bmp) => encodeBmp(Number.parseInt(bmp.bmp, 16), fromHex(bmp.hex))));
}
