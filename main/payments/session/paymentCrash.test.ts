import { describe, expect, it, vi } from 'vitest';
import { usePaymentHarness } from './paymentHarness.testing';
import type { SaleStep } from './paymentService';

/**
 * The app's process dies at each step of a sale (database and link closed, nothing cleaned up)
 * and starts again from its SQLite file, while the terminal keeps its state: never a second
 * charge, never a lost approved payment (§8). Only after the commit answer reached the
 * terminal is the money taken, and then the journal must say so.
 */
const CARD_STEPS: SaleStep[] = [
  'prepared',
  'before-send',
  'after-send',
  'after-status-1', // insert card
  'after-status-2', // waiting for the bank
  'result-received',
  'journal-approving',
  'after-commit',
];
const BLIK_STEPS: SaleStep[] = [
  'prepared',
  'before-send',
  'after-send',
  'after-status-1', // enter the code
  'after-status-2', // confirm in the bank app
  'after-status-3', // waiting for the bank
  'result-received',
  'journal-approving',
  'after-commit',
];

const cases = [
  ...CARD_STEPS.map((step) => ({ method: 'card' as const, step })),
  ...BLIK_STEPS.map((step) => ({ method: 'blik' as const, step })),
];

const setUp = usePaymentHarness();

describe('a crash at every step of a sale', () => {
  it.each(cases)('$method, crash at $step', async ({ method, step }) => {
    const h = await setUp({ crashAt: step });
    const started = h.start(method, 1_250);
    await h.until(() => h.crashed, 60_000, `the crash at ${step}`);
    await vi.advanceTimersByTimeAsync(2_000);

    await h.restart();

    const committed = h.committedCharges();
    const payment = h.payments.get(started.paymentId);
    // No double charge: the terminal kept at most one.
    expect(committed).toBeLessThanOrEqual(1);
    // No lost payment: approved in the journal exactly when the terminal kept the money.
    expect(payment.status).toBe(committed === 1 ? 'approved' : 'failed');
    expect(h.outbox().filter((entry) => entry.type === 'payment.record')).toHaveLength(committed);
    // Only the commit answer takes the money: a crash before it leaves nothing charged.
    expect(committed).toBe(step === 'after-commit' ? 1 : 0);
    // The charge was never sent again: once, or not at all when the crash came before it.
    expect(h.authorisationsSent()).toBe(step === 'prepared' || step === 'before-send' ? 0 : 1);
    // Nothing left in flight; the terminal is free for the next payment.
    expect(h.payments.reconciliation()).toEqual([]);
    const next = h.start(method, 1_000);
    await h.settle();
    expect(h.payments.get(next.paymentId).status).toBe('approved');
    expect(h.committedCharges()).toBe(committed + 1);
  });
});
