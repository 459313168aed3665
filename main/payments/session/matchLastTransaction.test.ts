import { describe, expect, it } from 'vitest';
import { matchLastTransaction } from './matchLastTransaction';
import type { TerminalResult } from './terminalAdapter';

const SENT_AT = new Date(2026, 10, 27, 10, 15, 2).toISOString();

function last(overrides: Partial<TerminalResult>) {
  const result: TerminalResult = {
    approved: true,
    resultCode: 0,
    category: 'approved',
    text: { pl: 'Zatwierdzono', en: 'no error' },
    amountGrosze: 1_250,
    method: 'card',
    traceNumber: 7,
    receiptNumber: 7,
    authorisationCode: '123456',
    cardNumberMasked: '************4242',
    terminalId: '52001233',
    terminalTime: '261127101504',
    state: 'committed',
    ...overrides,
  };
  return { kind: 'transaction' as const, result };
}

const context = { traceHeldByOther: (trace: number) => trace === 6, toleranceMs: 600_000 };

describe('matching the terminal’s last transaction with a payment in flight', () => {
  it('decides by the terminal’s own state when trace and amount match', () => {
    const payment = { amountGrosze: 1_250, traceNumber: 7, sentAt: SENT_AT };
    expect(matchLastTransaction(payment, last({}), context).outcome).toBe('approved');
    expect(matchLastTransaction(payment, last({ state: 'reversed' }), context).outcome).toBe(
      'not-charged',
    );
    expect(matchLastTransaction(payment, last({ state: null }), context).outcome).toBe(
      'needs-reconciliation',
    );
    expect(matchLastTransaction(payment, last({ traceNumber: 8 }), context).outcome).toBe(
      'needs-reconciliation',
    );
  });

  it('without a trace number: amount and time must match; an earlier payment’s trace means never started', () => {
    const payment = { amountGrosze: 1_250, traceNumber: null, sentAt: SENT_AT };
    expect(matchLastTransaction(payment, last({}), context).outcome).toBe('approved');
    expect(matchLastTransaction(payment, last({ traceNumber: 6 }), context).outcome).toBe(
      'not-charged',
    );
    expect(matchLastTransaction(payment, last({ amountGrosze: 999 }), context).outcome).toBe(
      'needs-reconciliation',
    );
    expect(
      matchLastTransaction(payment, last({ terminalTime: '261126101504' }), context).outcome,
    ).toBe('needs-reconciliation');
    expect(matchLastTransaction(payment, { kind: 'none' }, context).outcome).toBe('not-charged');
  });
});
