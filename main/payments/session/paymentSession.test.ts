import { describe, expect, it, vi } from 'vitest';
import { serviceErrorCodeOf } from '../../ipc/serviceErrorCode.testing';
import { CASE_ID, FEE_GROSZE, usePaymentHarness } from './paymentHarness.testing';

const setUp = usePaymentHarness();

describe('a sale', () => {
  it('takes a card payment: journal approved, payment.record in the outbox, case partly paid', async () => {
    const h = await setUp();
    const started = h.start('card', 1_250);
    expect(started).toMatchObject({
      status: 'prepared',
      amountGrosze: 1_250,
      clerkLogin: 'urzednik1',
    });
    await h.settle();

    const payment = h.payments.get(started.paymentId);
    expect(payment).toMatchObject({
      status: 'approved',
      method: 'card',
      maskedPan: '**** **** **** 5100',
      traceNumber: '1',
      receiptNumber: '1',
      terminalId: '52001233',
      cancellable: false,
    });
    expect(h.committedCharges()).toBe(1);
    expect(h.history(started.paymentId).map((entry) => entry.status)).toEqual([
      'prepared',
      'sent',
      'in-progress',
      'in-progress',
      'in-progress',
      'approving',
      'approved',
    ]);
    expect(h.outbox()).toEqual([
      {
        type: 'payment.record',
        payload: expect.objectContaining({
          paymentId: started.paymentId,
          caseId: CASE_ID,
          outcome: 'approved',
          amountGrosze: 1_250,
          siteId: 'um-centrum',
          counterNumber: 3,
          traceNumber: '1',
          maskedPan: '**** **** **** 5100',
        }),
      },
    ]);
    expect(h.payments.forCase(CASE_ID)).toMatchObject({
      feeGrosze: FEE_GROSZE,
      paidGrosze: 1_250,
      dueGrosze: FEE_GROSZE - 1_250,
      state: 'partly-paid',
    });
    // The clerk saw every prompt as it came.
    const prompts = h.eventsOf('payments:changed').map((record) => record.prompt);
    expect(prompts).toContain('insert-card');
    expect(prompts).toContain('processing');
    expect(h.eventsOf('payments:terminalChanged').map((state) => state.connection)).toContain(
      'busy',
    );
    expect(h.payments.terminal()).toMatchObject({
      connection: 'connected',
      terminalId: '52001233',
    });
  });

  it('takes a BLIK payment through the code and the confirmation in the bank app', async () => {
    const h = await setUp();
    const started = h.start('blik', FEE_GROSZE);
    await h.settle();
    expect(h.payments.get(started.paymentId)).toMatchObject({
      status: 'approved',
      method: 'blik',
      maskedPan: null,
    });
    const prompts = h.eventsOf('payments:changed').map((record) => record.prompt);
    expect(prompts).toEqual(expect.arrayContaining(['enter-blik-code', 'confirm-in-bank-app']));
    expect(h.payments.forCase(CASE_ID)).toMatchObject({ state: 'paid', dueGrosze: 0 });
  });

  it('refuses an amount above what is due, a second payment while one runs, and without a login', async () => {
    const h = await setUp();
    expect(serviceErrorCodeOf(() => h.start('card', FEE_GROSZE + 1))).toBe('amount-exceeds-due');
    h.start('card', 1_000);
    expect(serviceErrorCodeOf(() => h.start('card', 1_000))).toBe('terminal-busy');
    await h.settle();
    expect(serviceErrorCodeOf(() => h.start('card', FEE_GROSZE - 999))).toBe('amount-exceeds-due');
    expect(
      serviceErrorCodeOf(() => h.payments.forCase('00000000-0000-4000-8000-00000000ffff')),
    ).toBe('unknown-case');
    h.logOut();
    expect(serviceErrorCodeOf(() => h.start('card', 100))).toBe('no-session');
  });

  it('records a decline in words, takes nothing and sends nothing to the server', async () => {
    const h = await setUp();
    h.terminal.nextScenario('decline');
    const started = h.start('card');
    await h.settle();
    expect(h.payments.get(started.paymentId)).toMatchObject({
      status: 'declined',
      resultCode: 5,
      resultText: expect.stringContaining('Bank odrzucił'),
    });
    expect(h.committedCharges()).toBe(0);
    expect(h.outbox()).toEqual([]);
    expect(h.payments.forCase(CASE_ID).state).toBe('to-pay');
  });

  it('ends a BLIK payment whose code was never typed when the code window closes', async () => {
    const h = await setUp();
    h.terminal.nextScenario('blik-timeout');
    const started = h.start('blik');
    await h.settle();
    expect(h.payments.get(started.paymentId)).toMatchObject({
      status: 'cancelled',
      resultCode: 0x6c,
    });
    expect(h.committedCharges()).toBe(0);
  });

  it('ends as cancelled when the resident cancels on the terminal', async () => {
    const h = await setUp();
    h.terminal.nextScenario('cancel');
    const started = h.start('card');
    await h.settle();
    expect(h.payments.get(started.paymentId)).toMatchObject({ status: 'cancelled' });
    expect(h.committedCharges()).toBe(0);
  });

  it('lets the clerk cancel while the terminal waits for the card, not once the bank is asked', async () => {
    const h = await setUp();
    const started = h.start('card');
    await h.untilPrompt(started.paymentId, 'insert-card');
    expect(h.payments.get(started.paymentId).cancellable).toBe(true);
    const cancelling = h.payments.cancel(started.paymentId);
    await vi.advanceTimersByTimeAsync(100);
    await expect(cancelling).resolves.toMatchObject({ paymentId: started.paymentId });
    await h.settle();
    expect(h.payments.get(started.paymentId)).toMatchObject({ status: 'cancelled' });
    expect(h.committedCharges()).toBe(0);

    const second = h.start('card');
    await h.untilPrompt(second.paymentId, 'processing');
    await expect(h.payments.cancel(second.paymentId)).rejects.toMatchObject({ code: 'too-late' });
    await h.settle();
    expect(h.payments.get(second.paymentId).status).toBe('approved');
  });
});

describe('the commit point', () => {
  it('a journal that cannot take the approval refuses it (84 xx): the terminal reverses', async () => {
    let failing = true;
    const h = await setUp({
      checkpoint: (step) => {
        if (failing && step === 'result-received') throw new Error('disk full');
      },
    });
    const started = h.start('card');
    await h.settle();
    expect(h.payments.get(started.paymentId)).toMatchObject({ status: 'failed' });
    expect(h.store.peek().last).toMatchObject({ state: 'reversed' });
    expect(h.committedCharges()).toBe(0);
    expect(h.outbox()).toEqual([]);

    failing = false;
    const next = h.start('card');
    await h.settle();
    expect(h.payments.get(next.paymentId).status).toBe('approved');
  });

  it('an approval the journal failed to write after the commit is put right by asking', async () => {
    let failing = true;
    const h = await setUp({
      checkpoint: (step) => {
        if (failing && step === 'after-commit') {
          failing = false;
          throw new Error('disk full');
        }
      },
    });
    const started = h.start('card');
    await h.settle();
    expect(h.payments.get(started.paymentId)).toMatchObject({ status: 'approved' });
    expect(h.committedCharges()).toBe(1);
    expect(h.outbox()).toHaveLength(1);
    expect(h.authorisationsSent()).toBe(1);
  });
});

describe('an inconclusive ending is asked about, never charged again', () => {
  it('unplugged while waiting for the card, replugged: not charged, no second charge', async () => {
    const h = await setUp();
    const started = h.start('card');
    await h.untilPrompt(started.paymentId, 'insert-card');
    h.terminal.pair.unplug();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(h.payments.terminal().connection).toBe('disconnected');
    h.terminal.pair.plug();
    await h.settle();
    expect(h.payments.get(started.paymentId)).toMatchObject({ status: 'failed' });
    expect(h.committedCharges()).toBe(0);
    expect(h.authorisationsSent()).toBe(1);
    expect(h.payments.terminal().connection).toBe('connected');
  });

  it('the cable is pulled as the approval arrives: the terminal reverses, the journal says so', async () => {
    const h = await setUp();
    h.terminal.nextScenario('link-drop');
    const started = h.start('card');
    await h.settle();
    expect(h.payments.get(started.paymentId)).toMatchObject({ status: 'failed' });
    expect(h.committedCharges()).toBe(0);
    expect(h.outbox()).toEqual([]);
    expect(h.authorisationsSent()).toBe(1);
  });

  it('the approval is lost on the way: asked after T4, reversed, not charged again', async () => {
    const h = await setUp();
    h.terminal.nextScenario('lose-response');
    const started = h.start('card');
    await h.settle();
    expect(h.payments.get(started.paymentId)).toMatchObject({ status: 'failed' });
    expect(h.committedCharges()).toBe(0);
    expect(h.authorisationsSent()).toBe(1);
  });

  it('the terminal reboots mid-sale: asked when it is back, reversed', async () => {
    const h = await setUp();
    h.terminal.nextScenario('reboot');
    const started = h.start('blik');
    await h.settle();
    expect(h.payments.get(started.paymentId)).toMatchObject({ status: 'failed' });
    expect(h.committedCharges()).toBe(0);
    expect(h.authorisationsSent()).toBe(1);
  });

  it('a report sent twice (a duplicate frame) changes nothing: one approved payment', async () => {
    const h = await setUp();
    const started = h.start('card');
    await h.untilPrompt(started.paymentId, 'insert-card');
    h.terminal.pair.duplicateReports('to-app', 3);
    h.terminal.pair.duplicateReports('to-terminal', 3);
    await h.settle();
    expect(h.payments.get(started.paymentId).status).toBe('approved');
    expect(h.committedCharges()).toBe(1);
    expect(h.outbox()).toHaveLength(1);
  });

  it('a lost report of the terminal is repeated by the link after T3: approved once', async () => {
    const h = await setUp();
    const started = h.start('card');
    await h.untilPrompt(started.paymentId, 'insert-card');
    h.terminal.pair.loseReports('to-app', 1);
    await h.settle();
    expect(h.payments.get(started.paymentId).status).toBe('approved');
    expect(h.committedCharges()).toBe(1);
    expect(h.authorisationsSent()).toBe(1);
  });

  it('a row the terminal cannot account for waits for a person, who settles it with a note', async () => {
    const h = await setUp();
    const started = h.start('card');
    await h.settle();
    // The journal's row is made to look in flight with another amount than the terminal's last.
    h.app.db
      .prepare(
        `UPDATE payments SET status = 'in-progress', amount_grosze = 999 WHERE payment_id = ?`,
      )
      .run(started.paymentId);
    void h.payments.recover();
    await h.settle();
    expect(h.payments.reconciliation()).toEqual([
      expect.objectContaining({ paymentId: started.paymentId, status: 'needs-reconciliation' }),
    ]);
    expect(serviceErrorCodeOf(() => h.start('card', 100))).toBe('needs-reconciliation-first');
    const settled = h.payments.settle({
      paymentId: started.paymentId,
      outcome: 'not-charged',
      note: 'Wydruk terminala: brak transakcji na 9,99 zł',
    });
    expect(settled).toMatchObject({ status: 'failed' });
    expect(h.row(started.paymentId)).toMatchObject({
      settled_by: 'urzednik1',
      settled_note: 'Wydruk terminala: brak transakcji na 9,99 zł',
    });
    expect(h.payments.reconciliation()).toEqual([]);
    expect(() =>
      h.payments.settle({ paymentId: started.paymentId, outcome: 'approved', note: 'again' }),
    ).toThrow(expect.objectContaining({ code: 'not-awaiting-reconciliation' }));
  });
});
