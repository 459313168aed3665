/**
 * The messages the simulated terminal builds from a transaction: the status information
 * (04 0F) with the receipt's fields, the cardholder receipt (06 D3), and the made-up card
 * data a payment is taken with. Only masked card numbers exist here (§10).
 */
import { CURRENCY_PLN } from '../zvt/bcd';
import type { PaymentMethod, PrintTextBlock, StatusInformation } from '../zvt/messageTypes';
import type { SimTransaction } from './simulatorState';

/** Cards the simulated residents carry; `cardType` is ZVT's card-type ID (BMP 8A). */
const CARDS = [
  { cardNumberMasked: '************4242', cardName: 'Visa Debit', cardType: 0x0a },
  { cardNumberMasked: '************5100', cardName: 'Mastercard', cardType: 0x06 },
] as const;

export function cardFor(traceNumber: number): (typeof CARDS)[number] {
  return CARDS[traceNumber % CARDS.length]!;
}

export function authorisationCodeFor(traceNumber: number): string {
  return String(100_000 + ((traceNumber * 7919) % 900_000));
}

export function terminalClock(now: Date): { dateWithYear: string; time: string } {
  const two = (value: number) => String(value).padStart(2, '0');
  return {
    dateWithYear: `${two(now.getFullYear() % 100)}${two(now.getMonth() + 1)}${two(now.getDate())}`,
    time: `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`,
  };
}

export type StatusOptions = {
  terminalId: string;
  /** DF45: in the answer to repeat receipt, where the app needs the transaction's fate (§8). */
  withState?: boolean;
};

export function statusInformationFor(
  tx: SimTransaction,
  options: StatusOptions,
): StatusInformation {
  const approved = tx.resultCode === 0;
  const message: StatusInformation = {
    kind: 'status-information',
    resultCode: tx.resultCode,
    amountGrosze: tx.amountGrosze,
    currency: CURRENCY_PLN,
    traceNumber: tx.traceNumber,
    time: tx.time,
    date: tx.dateWithYear.slice(2),
    dateWithYear: tx.dateWithYear,
    terminalId: options.terminalId,
    paymentType: tx.method,
  };
  if (approved) message.receiptNumber = tx.receiptNumber;
  if (tx.cardNumberMasked) message.cardNumberMasked = tx.cardNumberMasked;
  if (tx.cardName) message.cardName = tx.cardName;
  if (approved && tx.authorisationCode) message.authorisationCode = tx.authorisationCode;
  if (options.withState) message.transactionState = stateForApp(tx);
  return message;
}

function stateForApp(tx: SimTransaction): NonNullable<StatusInformation['transactionState']> {
  switch (tx.state) {
    case 'committed':
      return 'committed';
    case 'reversed':
      return 'reversed';
    case 'not-approved':
    case 'authorising':
      return 'not-approved';
    case 'awaiting-answer':
      // Asked while its own answer is still awaited: not committed, so not the app's money yet.
      return 'not-approved';
  }
}

const TITLES: Record<SimTransaction['kind'], string> = {
  payment: 'SPRZEDAZ',
  refund: 'ZWROT',
  reversal: 'ANULOWANIE',
};

const METHOD_NAMES: Record<PaymentMethod, string> = { card: 'KARTA', blik: 'BLIK' };

/** The cardholder receipt, in plain ASCII so every character set prints it. */
export function receiptFor(tx: SimTransaction, terminalId: string, copy = false): PrintTextBlock {
  const amount = `${Math.floor(tx.amountGrosze / 100)},${String(tx.amountGrosze % 100).padStart(2, '0')} PLN`;
  const lines = [
    'URZAD MIASTA - KASA',
    copy ? '*** KOPIA ***' : '',
    TITLES[tx.kind],
    `${METHOD_NAMES[tx.method]}${tx.cardNumberMasked ? ` ${tx.cardNumberMasked}` : ''}`,
    `KWOTA: ${amount}`,
    `TERMINAL: ${terminalId}`,
    `TRACE: ${tx.traceNumber}  PARAGON: ${tx.receiptNumber}`,
    `DATA: ${tx.dateWithYear} ${tx.time}`,
    tx.authorisationCode ? `KOD AUT.: ${tx.authorisationCode}` : '',
    'ZATWIERDZONO',
  ].filter((line) => line !== '');
  return { kind: 'print-text-block', receiptType: 2, lines };
}
