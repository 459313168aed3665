import { describe, expect, it } from 'vitest';
import { createIpcDispatcher } from '../ipc/ipcDispatcher';
import { createSilentLogger } from '../logging/logger';
import { withStubHandlers } from '../../test/support/stubChannelHandlers';
import { paymentsChannelHandlers } from './paymentChannelHandlers';
import { CASE_ID, FEE_GROSZE, usePaymentHarness } from './session/paymentHarness.testing';
import { testScenariosFrom, testTimingsFrom } from './testScenarios';

const setUp = usePaymentHarness();

describe('the payments channels', () => {
  it('answer within the contract and refuse with its error codes', async () => {
    const h = await setUp();
    const dispatch = createIpcDispatcher(
      withStubHandlers(paymentsChannelHandlers(h.payments)),
      createSilentLogger(),
    );
    expect(await dispatch('payments:terminal', {})).toMatchObject({
      ok: true,
      value: { kind: 'simulator', connection: 'connected' },
    });
    expect(
      await dispatch('payments:start', {
        caseId: CASE_ID,
        method: 'card',
        amountGrosze: FEE_GROSZE + 1,
      }),
    ).toMatchObject({ ok: false, error: { code: 'amount-exceeds-due' } });

    const started = await dispatch('payments:start', {
      caseId: CASE_ID,
      method: 'blik',
      amountGrosze: FEE_GROSZE,
    });
    expect(started).toMatchObject({ ok: true, value: { status: 'prepared' } });
    await h.settle();
    expect(await dispatch('payments:forCase', { caseId: CASE_ID })).toMatchObject({
      ok: true,
      value: { state: 'paid', dueGrosze: 0, payments: [{ status: 'approved' }] },
    });
    expect(await dispatch('payments:reconciliation', {})).toEqual({
      ok: true,
      value: { payments: [] },
    });
    const ending = dispatch('payments:endOfDay', {});
    await h.settle();
    expect(await ending).toMatchObject({ ok: true, value: { balanced: true } });
    expect(
      await dispatch('payments:settle', {
        paymentId: '00000000-0000-4000-8000-0000000000ff',
        outcome: 'approved',
        note: 'wydruk',
      }),
    ).toMatchObject({ ok: false, error: { code: 'unknown-payment' } });
  });
});

describe('steering the embedded simulator from an end-to-end test', () => {
  it('reads the scenarios and fast timings from the environment, and refuses an unknown name', () => {
    expect(testScenariosFrom({})).toEqual([]);
    expect(testScenariosFrom({ OKIENKO_TEST_TERMINAL_SCENARIOS: 'decline, blik-timeout' })).toEqual(
      ['decline', 'blik-timeout'],
    );
    expect(() => testScenariosFrom({ OKIENKO_TEST_TERMINAL_SCENARIOS: 'explode' })).toThrow(
      /unknown scenario "explode"/,
    );
    expect(testTimingsFrom({})).toBeUndefined();
    expect(testTimingsFrom({ OKIENKO_TEST_TERMINAL_FAST: '1' })).toMatchObject({ bankMs: 50 });
  });
});
