/**
 * The ZVT messages Okienko speaks, as one discriminated union by `kind`. Declared once as zod
 * schemas (the CLI's `encode` parses its JSON with them; the simulator may too) and the types
 * are inferred. Every field is plain JSON: numbers, digit strings, hex strings, so a decoded
 * message can be logged, journaled and printed as it is.
 *
 * Numbers that ZVT sends as BCD (amounts, trace and receipt numbers, currency) are numbers;
 * BCD fields where leading zeros matter (terminal ID, time, dates) are digit strings.
 */
import { z } from 'zod';
import { MAX_AMOUNT } from './bcd';
import type { TlvNode } from './tlv';

/**
 * Okienko's extension of ZVT, in the TLV container's private class (tags `DF xx`), for what
 * ZVT has no field for: BLIK. See docs/payment-terminal.md, "BLIK".
 */
export const OKIENKO_TLV = {
  /** 1 byte: 01 card, 02 BLIK. In 06 01 / 06 31 (what to take) and 04 0F (what was taken). */
  paymentMethod: 'DF41',
  /** 1 byte: 01 the resident types the BLIK code on the terminal, 02 confirms in the bank app. */
  blikStep: 'DF42',
  /** 2 bytes, big-endian seconds: how long the current step may take (a BLIK code ~120 s). */
  stepTimeLimit: 'DF43',
  /** End of day, 9 bytes per method: method (1), count (2, big-endian), amount (6 BCD grosze). */
  methodTotals: 'DF44',
  /** 1 byte in 04 0F: 01 committed, 02 reversed by the terminal, 03 not approved. */
  transactionState: 'DF45',
} as const;

/** ZVT's own TLV tags the messages interpret. */
export const ZVT_TLV = {
  displayTexts: '24',
  printTexts: '25',
  textLine: '07',
  receiptType: '1F07',
  extendedErrorCode: '1F16',
  extendedErrorText: '1F17',
} as const;

export const PAYMENT_METHOD_CODES = { card: 0x01, blik: 0x02 } as const;
export const BLIK_STEP_CODES = { 'enter-code': 0x01, 'confirm-in-app': 0x02 } as const;
export const TRANSACTION_STATE_CODES = {
  committed: 0x01,
  reversed: 0x02,
  'not-approved': 0x03,
} as const;

/** Order of the card-type groups in BMP 60 (individual totals), as ZVT defines them. */
export const TOTALS_CARD_TYPES = [
  'girocard',
  'jcb',
  'eurocard',
  'amex',
  'visa',
  'diners',
  'other',
] as const;

const byte = z.int().min(0).max(0xff);
const hex = z.string().regex(/^(?:[0-9A-Fa-f]{2})*$/, 'hex bytes, two digits each');
const digits = (length: number) =>
  z.string().regex(new RegExp(`^\\d{${length}}$`), `${length} decimal digits`);
const amount = z.int().min(0).max(MAX_AMOUNT);
const currency = z.int().min(0).max(999);
const password = digits(6);

export const tlvNodeSchema: z.ZodType<TlvNode> = z.lazy(() =>
  z.strictObject({
    tag: z.string().regex(/^(?:[0-9A-Fa-f]{2}){1,3}$/, 'a tag of 1-3 hex bytes'),
    hex: hex.optional(),
    children: z.array(tlvNodeSchema).optional(),
  }),
);

/** A BMP this codec carried through without giving it a field of its own. */
export const otherBmpSchema = z.strictObject({
  bmp: z.string().regex(/^[0-9A-Fa-f]{2}$/, 'one hex byte'),
  name: z.string().optional(),
  hex,
});

export const paymentMethodSchema = z.enum(['card', 'blik']);
export const blikStepSchema = z.enum(['enter-code', 'confirm-in-app']);
export const transactionStateSchema = z.enum(['committed', 'reversed', 'not-approved']);

const extras = {
  otherTlv: z.array(tlvNodeSchema).optional(),
  otherBmps: z.array(otherBmpSchema).optional(),
  /** BMPs that were present but are never decoded (track data, CVV…): their tags only. */
  redactedBmps: z.array(z.string()).optional(),
};

export const registrationSchema = z.strictObject({
  kind: z.literal('registration'),
  password,
  configByte: byte,
  currency: currency.optional(),
  serviceByte: byte.optional(),
  ...extras,
});

export const authorisationSchema = z.strictObject({
  kind: z.literal('authorisation'),
  amountGrosze: amount,
  currency: currency.optional(),
  paymentType: paymentMethodSchema,
  /** BMP 19 as the ECR sent it, when it did. */
  paymentTypeByte: byte.optional(),
  ...extras,
});

export const repeatReceiptSchema = z.strictObject({
  kind: z.literal('repeat-receipt'),
  password,
  otherBmps: extras.otherBmps,
});

export const reversalSchema = z.strictObject({
  kind: z.literal('reversal'),
  password,
  receiptNumber: z.int().min(0).max(9999).optional(),
  ...extras,
});

export const refundSchema = z.strictObject({
  kind: z.literal('refund'),
  password,
  amountGrosze: amount,
  currency: currency.optional(),
  paymentType: paymentMethodSchema,
  ...extras,
});

export const endOfDaySchema = z.strictObject({
  kind: z.literal('end-of-day'),
  password,
  otherBmps: extras.otherBmps,
});

export const statusEnquirySchema = z.strictObject({
  kind: z.literal('status-enquiry'),
  password,
  serviceByte: byte.optional(),
  otherBmps: extras.otherBmps,
});

/** 06 B0: the app asks the terminal to abort the running command (where ZVT allows it). */
export const abortRequestSchema = z.strictObject({
  kind: z.literal('abort-request'),
  otherBmps: extras.otherBmps,
});

/** 80 00 00 (84 00 00 decodes to this too). */
export const ackSchema = z.strictObject({ kind: z.literal('ack') });

/** 84 xx 00: negative acknowledgement, xx a result code. */
export const nackSchema = z.strictObject({
  kind: z.literal('nack'),
  resultCode: z.int().min(1).max(0xff),
});

export const intermediateStatusSchema = z.strictObject({
  kind: z.literal('intermediate-status'),
  statusCode: byte,
  timeoutSeconds: byte.optional(),
  /** TLV 24 > 07: the lines the terminal shows, for a status code FF especially. */
  displayTexts: z.array(z.string()).optional(),
  blikStep: blikStepSchema.optional(),
  stepTimeLimitSeconds: z.int().min(0).max(0xffff).optional(),
  ...extras,
});

export const individualTotalsSchema = z.strictObject({
  receiptNumberFrom: z.int().min(0).max(9999),
  receiptNumberTo: z.int().min(0).max(9999),
  cardTypes: z.array(
    z.strictObject({
      cardType: z.enum(TOTALS_CARD_TYPES),
      count: byte,
      amountGrosze: amount,
    }),
  ),
});

export const methodTotalSchema = z.strictObject({
  paymentType: paymentMethodSchema,
  count: z.int().min(0).max(0xffff),
  amountGrosze: amount,
});

export const statusInformationSchema = z.strictObject({
  kind: z.literal('status-information'),
  resultCode: byte,
  amountGrosze: amount.optional(),
  currency: currency.optional(),
  traceNumber: z.int().min(0).max(999_999).optional(),
  originalTraceNumber: z.int().min(0).max(999_999).optional(),
  receiptNumber: z.int().min(0).max(9999).optional(),
  turnoverNumber: z.int().min(0).max(999_999).optional(),
  /** BMP 0C, HHMMSS. */
  time: digits(6).optional(),
  /** BMP 0D, MMDD. */
  date: digits(4).optional(),
  /** BMP AA, YYMMDD. */
  dateWithYear: digits(6).optional(),
  terminalId: digits(8).optional(),
  vuNumber: z.string().max(15).optional(),
  /** BMP 22 after masking: `*` for every digit but (at most) the last four. */
  cardNumberMasked: z
    .string()
    .regex(/^\**[\d*]{0,4}$/, 'a masked card number: `*`s, then at most 4 digits')
    .optional(),
  cardName: z.string().optional(),
  cardType: byte.optional(),
  cardTypeNetwork: byte.optional(),
  cardSequenceNumber: digits(4).optional(),
  /** BMP 3B, the authorisation code the receipt shows. */
  authorisationCode: z.string().max(8).optional(),
  additionalText: z.string().optional(),
  paymentTypeByte: byte.optional(),
  resultCodeAs: byte.optional(),
  individualTotals: individualTotalsSchema.optional(),
  paymentType: paymentMethodSchema.optional(),
  methodTotals: z.array(methodTotalSchema).optional(),
  transactionState: transactionStateSchema.optional(),
  ...extras,
});

export const completionSchema = z.strictObject({
  kind: z.literal('completion'),
  /** Answer to a status enquiry: the terminal's software version and status byte. */
  softwareVersion: z.string().optional(),
  terminalStatus: byte.optional(),
  statusByte: byte.optional(),
  terminalId: digits(8).optional(),
  currency: currency.optional(),
  resultCode: byte.optional(),
  ...extras,
});

/** 06 1E from the terminal: the command ended without success. */
export const abortSchema = z.strictObject({
  kind: z.literal('abort'),
  resultCode: byte,
  extendedErrorCode: hex.optional(),
  extendedErrorText: z.string().optional(),
  ...extras,
});

export const printLineSchema = z.strictObject({
  kind: z.literal('print-line'),
  /** 0x80 set (and not 0x80 alone): last line; 0x40 centred; 0x20 double width; 0x10 double height. */
  attribute: byte,
  text: z.string(),
  receiptType: byte.optional(),
  otherTlv: extras.otherTlv,
});

export const printTextBlockSchema = z.strictObject({
  kind: z.literal('print-text-block'),
  /** TLV 1F07: 1 merchant, 2 cardholder, 3 administration receipt. */
  receiptType: byte.optional(),
  lines: z.array(z.string()),
  otherTlv: extras.otherTlv,
});

export const zvtMessageSchema = z.discriminatedUnion('kind', [
  registrationSchema,
  authorisationSchema,
  repeatReceiptSchema,
  reversalSchema,
  refundSchema,
  endOfDaySchema,
  statusEnquirySchema,
  abortRequestSchema,
  ackSchema,
  nackSchema,
  intermediateStatusSchema,
  statusInformationSchema,
  completionSchema,
  abortSchema,
  printLineSchema,
  printTextBlockSchema,
]);

export type PaymentMethod = z.infer<typeof paymentMethodSchema>;
export type BlikStep = z.infer<typeof blikStepSchema>;
export type TransactionState = z.infer<typeof transactionStateSchema>;
export type OtherBmp = z.infer<typeof otherBmpSchema>;
export type IndividualTotals = z.infer<typeof individualTotalsSchema>;
export type MethodTotal = z.infer<typeof methodTotalSchema>;

export type Registration = z.infer<typeof registrationSchema>;
export type Authorisation = z.infer<typeof authorisationSchema>;
export type RepeatReceipt = z.infer<typeof repeatReceiptSchema>;
export type Reversal = z.infer<typeof reversalSchema>;
export type Refund = z.infer<typeof refundSchema>;
export type EndOfDay = z.infer<typeof endOfDaySchema>;
export type StatusEnquiry = z.infer<typeof statusEnquirySchema>;
export type AbortRequest = z.infer<typeof abortRequestSchema>;
export type Ack = z.infer<typeof ackSchema>;
export type Nack = z.infer<typeof nackSchema>;
export type IntermediateStatus = z.infer<typeof intermediateStatusSchema>;
export type StatusInformation = z.infer<typeof statusInformationSchema>;
export type Completion = z.infer<typeof completionSchema>;
export type Abort = z.infer<typeof abortSchema>;
export type PrintLine = z.infer<typeof printLineSchema>;
export type PrintTextBlock = z.infer<typeof printTextBlockSchema>;

export type ZvtMessage = z.infer<typeof zvtMessageSchema>;
export type ZvtMessageKind = ZvtMessage['kind'];

/** Control field of each kind, `class instr`; nack's instruction byte is its result code. */
export const COMMANDS: Record<ZvtMessageKind, readonly [number, number]> = {
  registration: [0x06, 0x00],
  authorisation: [0x06, 0x01],
  'repeat-receipt': [0x06, 0x20],
  reversal: [0x06, 0x30],
  refund: [0x06, 0x31],
  'end-of-day': [0x06, 0x50],
  'status-enquiry': [0x05, 0x01],
  'abort-request': [0x06, 0xb0],
  ack: [0x80, 0x00],
  nack: [0x84, 0x00],
  'intermediate-status': [0x04, 0xff],
  'status-information': [0x04, 0x0f],
  completion: [0x06, 0x0f],
  abort: [0x06, 0x1e],
  'print-line': [0x06, 0xd1],
  'print-text-block': [0x06, 0xd3],
};

/** The names ZVT gives these commands, for people reading logs. */
export const COMMAND_TITLES: Record<ZvtMessageKind, string> = {
  registration: 'Registration',
  authorisation: 'Authorisation',
  'repeat-receipt': 'Repeat Receipt',
  reversal: 'Reversal',
  refund: 'Refund',
  'end-of-day': 'End-of-Day',
  'status-enquiry': 'Status Enquiry',
  'abort-request': 'Abort (from the ECR)',
  ack: 'Positive Acknowledgement',
  nack: 'Negative Acknowledgement',
  'intermediate-status': 'Intermediate Status Information',
  'status-information': 'Status Information',
  completion: 'Completion',
  abort: 'Abort',
  'print-line': 'Print Line',
  'print-text-block': 'Print Text Block',
};
