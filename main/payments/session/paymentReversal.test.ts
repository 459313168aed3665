import { describe, expect, it, vi } from 'vitest';
import { serviceErrorCodeOf } from '../../ipc/serviceErrorCode.testing';
import {
  CASE_ID,
  FEE_GROSZE,
  approvedSale,
  usePaymentHarness,
  type PaymentHarness,
} from './paymentHarness.testing';
import type { SaleStep } from './paymentService';

/**
 * Reversal (06 30) of an approved payment the same day: journal first, the terminal's result
 * committed only once the journal has it, a crash resolved by asking the terminal, never by
 * sending the reversal again (docs/payment-terminal.md §8).
 */
const setUp = usePaymentHarness();

/** Reversals the terminal kept, and payments it still counts. */
function terminalBook(h: PaymentHarness) {
  const journal = h.store.peek().journal;
  return {
    reversals: journal.filter((tx) => tx.kind === 'reversal' && tx.state === 'committed').length,
    standing: journal.filter(
      (tx) => tx.kind === 'payment' && tx.state === 'committed' && !tx.voided,
    ).length,
  };
}

const outcomes = (h: PaymentHarness) =>
  h
    .outbox()
    .filter((entry) => entry.type === 'payment.record')
    .map((entry) => entry.payload.outcome);

describe('reversal of an approved payment', () => {
  it('reverses it on the terminal: journal reversed, payment.record reversed, the case to pay again', async () => {
    const h = await setUp();
    const paymentId = await approvedSale(h, 'card', FEE_GROSZE);
    expect(h.payments.forCase(CASE_ID).state).toBe('paid');

    const reversing = h.payments.reverse({ paymentId, reason: 'Pomyłka w kwocie' });
    expect(reversing.status).toBe('reversing');
    // While it runs, the terminal takes nothing else.
    expect(serviceErrorCodeOf(() => h.start('card', 100))).toBe('terminal-busy');
    await h.settle();

    expect(h.payments.get(paymentId)).toMatchObject({ status: 'reversed', receiptNumber: '1' });
    expect(terminalBook(h)).toEqual({ reversals: 1, standing: 0 });
    expect(outcomes(h)).toEqual(['approved', 'reversed']);
    expect(h.outbox().at(-1)!.payload).toMatchObject({
      paymentId,
      caseId: CASE_ID,
      amountGrosze: FEE_GROSZE,
      outcome: 'reversed',
    });
    expect(h.payments.forCase(CASE_ID)).toMatchObject({
      state: 'to-pay',
      paidGrosze: 0,
      dueGrosze: FEE_GROSZE,
    });
    expect(h.history(paymentId).map((entry) => entry.status)).toContain('reversing');
    // Once reversed, not again.
    expect(serviceErrorCodeOf(() => h.payments.reverse({ paymentId, reason: 'jeszcze raz' }))).toBe(
      'not-reversible',
    );
  });

  it('a terminal that refuses the reversal leaves the payment approved, with its words', async () => {
    const h = await setUp();
    const paymentId = await approvedSale(h, 'blik', 1_250);
    // The terminal already counts it as reversed (by hand on the terminal): it answers 06 1E B4.
    const state = h.store.peek();
    h.store.save({
      ...state,
      journal: state.journal.map((tx) => ({ ...tx, voided: true })),
    });

    h.payments.reverse({ paymentId, reason: 'Rezygnacja mieszkańca' });
    await h.settle();

    const payment = h.payments.get(paymentId);
    expect(payment.status).toBe('approved');
    expect(payment.resultText).toMatch(/^Nie anulowano płatności: /);
    expect(outcomes(h)).toEqual(['approved']);
    expect(h.payments.forCase(CASE_ID).paidGrosze).toBe(1_250);
    // The terminal is free again; the payment may be reversed another time.
    expect(h.payments.terminal().connection).toBe('connected');
  });

  it('refuses after the end of day (the finance department refunds by transfer) and an unknown payment', async () => {
    const h = await setUp();
    const paymentId = await approvedSale(h, 'card', 1_000);
    const report = h.payments.endOfDay();
    await h.settle();
    await report;
    expect(serviceErrorCodeOf(() => h.payments.reverse({ paymentId, reason: 'za późno' }))).toBe(
      'after-end-of-day',
    );
    expect(
      serviceErrorCodeOf(() => h.payments.reverse({ paymentId: CASE_ID, reason: 'nie ma' })),
    ).toBe('unknown-payment');
  });

  it('the end of day after a reversal balances', async () => {
    const h = await setUp();
    const kept = await approvedSale(h, 'card', 1_250);
    const reversed = await approvedSale(h, 'blik', 1_000);
    h.payments.reverse({ paymentId: reversed, reason: 'Pomyłka' });
    await h.settle();
    expect(h.payments.get(reversed).status).toBe('reversed');

    const running = h.payments.endOfDay();
    await h.settle();
    const report = await running;
    expect(report).toMatchObject({
      balanced: true,
      differences: [],
      journal: [
        { method: 'card', count: 1, totalGrosze: 1_250 },
        { method: 'blik', count: 0, totalGrosze: 0 },
      ],
    });
    expect(h.row(kept)!.end_of_day_id).toBe(report.reportId);
    expect(h.row(reversed)!.end_of_day_id).toBeNull();
  });
});

describe('a crash in the middle of a reversal', () => {
  const steps: SaleStep[] = [
    'reversal-prepared',
    'reversal-sent',
    'reversal-result',
    'reversal-committed',
  ];

  it.each(steps)(
    'crash at %s: the restart asks the terminal, never reverses twice',
    async (step) => {
      const h = await setUp({ crashAt: step });
      const paymentId = await approvedSale(h, 'card', 1_250);
      h.payments.reverse({ paymentId, reason: 'Pomyłka' });
      await h.until(() => h.crashed, 60_000, `the crash at ${step}`);
      await vi.advanceTimersByTimeAsync(2_000);

      await h.restart();

      const { reversals, standing } = terminalBook(h);
      // Only the commit answer makes the reversal count.
      expect(reversals).toBe(step === 'reversal-committed' ? 1 : 0);
      expect(standing).toBe(1 - reversals);
      // The journal agrees with the terminal, and the server hears of it once.
      expect(h.payments.get(paymentId).status).toBe(reversals === 1 ? 'reversed' : 'approved');
      expect(outcomes(h)).toEqual(reversals === 1 ? ['approved', 'reversed'] : ['approved']);
      expect(h.payments.reconciliation()).toEqual([]);
      expect(h.payments.forCase(CASE_ID).paidGrosze).toBe(reversals === 1 ? 0 : 1_250);
    },
  );
});

describe('registration and partial payments', () => {
  it('knows the terminal id from the registration, before the first sale', async () => {
    const h = await setUp();
    expect(h.payments.terminal()).toMatchObject({
      connection: 'connected',
      terminalId: '52001233',
    });
  });

  it('a fee paid in parts, by card then by BLIK: partly paid, then paid', async () => {
    const h = await setUp();
    await approvedSale(h, 'card', 3_000);
    expect(h.payments.forCase(CASE_ID)).toMatchObject({
      state: 'partly-paid',
      paidGrosze: 3_000,
      dueGrosze: 2_000,
    });
    expect(serviceErrorCodeOf(() => h.start('blik', 2_001))).toBe('amount-exceeds-due');
    await approvedSale(h, 'blik', 2_000);
    expect(h.payments.forCase(CASE_ID)).toMatchObject({
      state: 'paid',
      paidGrosze: FEE_GROSZE,
      dueGrosze: 0,
    });
    expect(outcomes(h)).toEqual(['approved', 'approved']);
  });
});

describe('a payment the terminal cannot account for (wrong-last)', () => {
  async function lostPayment(h: PaymentHarness) {
    h.terminal.nextScenario('wrong-last');
    const started = h.start('card', 1_250);
    await h.settle();
    expect(h.payments.get(started.paymentId).status).toBe('needs-reconciliation');
    expect(h.payments.reconciliation().map((payment) => payment.paymentId)).toEqual([
      started.paymentId,
    ]);
    expect(serviceErrorCodeOf(() => h.start('card', 100))).toBe('needs-reconciliation-first');
    // Never charged again: one authorisation reached the terminal.
    expect(h.authorisationsSent()).toBe(1);
    return started.paymentId;
  }

  it('settled by hand as approved: payment.record goes to the server, the case is paid', async () => {
    const h = await setUp();
    const paymentId = await lostPayment(h);
    h.payments.settle({ paymentId, outcome: 'approved', note: 'Wydruk: transakcja zatwierdzona' });
    expect(h.payments.get(paymentId).status).toBe('approved');
    expect(outcomes(h)).toEqual(['approved']);
    expect(h.payments.forCase(CASE_ID).paidGrosze).toBe(1_250);
    // The terminal kept it: the day balances.
    const running = h.payments.endOfDay();
    await h.settle();
    expect((await running).balanced).toBe(true);
  });

  it('settled by hand as not charged: nothing is sent, the case still owes', async () => {
    const h = await setUp();
    const paymentId = await lostPayment(h);
    h.payments.settle({ paymentId, outcome: 'not-charged', note: 'Wydruk: brak transakcji' });
    expect(h.payments.get(paymentId).status).toBe('failed');
    expect(outcomes(h)).toEqual([]);
    expect(h.payments.forCase(CASE_ID).paidGrosze).toBe(0);
  });
});

describe('a reversal the terminal cannot account for', () => {
  /** Crashes once the terminal took the reversal; its last transaction is then another one. */
  async function undecidedReversal(h: PaymentHarness) {
    const paymentId = await approvedSale(h, 'card', 1_250);
    h.payments.reverse({ paymentId, reason: 'Pomyłka' });
    await h.until(() => h.crashed, 60_000, 'the crash');
    await vi.advanceTimersByTimeAsync(2_000);
    const state = h.store.peek();
    h.store.save({
      ...state,
      last: { ...state.last!, traceNumber: 77, amountGrosze: 100, state: 'committed' },
    });
    await h.restart();
    expect(h.payments.get(paymentId).status).toBe('needs-reconciliation');
    return paymentId;
  }

  it('settled as "the money went back": reversed, and the server hears of it', async () => {
    const h = await setUp({ crashAt: 'reversal-sent' });
    const paymentId = await undecidedReversal(h);
    h.payments.settle({ paymentId, outcome: 'not-charged', note: 'Wydruk: ANULOWANIE 12,50' });
    expect(h.payments.get(paymentId).status).toBe('reversed');
    expect(outcomes(h)).toEqual(['approved', 'reversed']);
    expect(h.payments.forCase(CASE_ID).paidGrosze).toBe(0);
  });

  it('settled as "the payment stands": approved again, nothing sent twice', async () => {
    const h = await setUp({ crashAt: 'reversal-sent' });
    const paymentId = await undecidedReversal(h);
    h.payments.settle({ paymentId, outcome: 'approved', note: 'Wydruk: brak anulowania' });
    expect(h.payments.get(paymentId)).toMatchObject({ status: 'approved' });
    expect(h.row(paymentId)).toMatchObject({ settled_by: 'urzednik1' });
    expect(outcomes(h)).toEqual(['approved']);
    expect(h.payments.forCase(CASE_ID).paidGrosze).toBe(1_250);
  });
});
