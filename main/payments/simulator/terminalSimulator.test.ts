import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toHex } from '../zvt/bytes';
import type { ZvtMessage } from '../zvt/messageTypes';
import { AppDriver } from './appDriver.testing';
import { SimulatedTerminal } from './simulatedTerminal';
import { memoryStateStore } from './stateStore';

const PLN = 985;
const T = {
  cardPresentMs: 2_000,
  blikCodeEntryMs: 4_000,
  blikCodeWindowMs: 120_000,
  blikConfirmWindowMs: 60_000,
  bankMs: 1_500,
  answerTimeoutMs: 180_000,
  replugAfterMs: 3_000,
  rebootMs: 5_000,
};

const open: { close(): Promise<void> }[] = [];

async function setUp(store = memoryStateStore()) {
  const terminal = new SimulatedTerminal({ store, timings: T });
  open.push(terminal);
  terminal.start();
  const app = await connectApp(terminal);
  return { terminal, app, store };
}

async function connectApp(terminal: SimulatedTerminal): Promise<AppDriver> {
  const app = new AppDriver(terminal.appFinder);
  open.push(app);
  await app.connect();
  return app;
}

function charge(amountGrosze: number, paymentType: 'card' | 'blik'): ZvtMessage {
  return { kind: 'authorisation', amountGrosze, currency: PLN, paymentType };
}

/** The app's side of an approved payment up to (not including) the answer to the result. */
async function paymentUpToResult(app: AppDriver, method: 'card' | 'blik', amount = 1250) {
  await app.command(charge(amount, method));
  await app.expect('ack');
  if (method === 'card') {
    expect(await app.expectAndAck('intermediate-status')).toMatchObject({ statusCode: 0x0a });
  } else {
    expect(await app.expectAndAck('intermediate-status')).toMatchObject({
      statusCode: 0xff,
      blikStep: 'enter-code',
      stepTimeLimitSeconds: 120,
      displayTexts: ['Wpisz kod BLIK'],
    });
    expect(await app.expectAndAck('intermediate-status')).toMatchObject({
      blikStep: 'confirm-in-app',
      stepTimeLimitSeconds: 60,
    });
  }
  expect(await app.expectAndAck('intermediate-status')).toMatchObject({ statusCode: 0x04 });
  return app.expect('status-information');
}

async function askLastTransaction(app: AppDriver) {
  await app.command({ kind: 'repeat-receipt', password: '000000' });
  await app.expect('ack');
  const last = await app.expectAndAck('status-information');
  if (last.transactionState === 'committed') await app.expectAndAck('print-text-block');
  await app.expectAndAck('completion');
  return last;
}

async function askStatus(app: AppDriver) {
  await app.command({ kind: 'status-enquiry', password: '000000' });
  await app.expect('ack');
  return app.expectAndAck('completion');
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-27T10:15:02') });
});

afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
  vi.useRealTimers();
});

describe('the simulated terminal: payments that end normally', () => {
  it('takes a card payment: statuses, result, commit, receipt, completion', async () => {
    const { app, store } = await setUp();
    const result = await paymentUpToResult(app, 'card');
    expect(result).toMatchObject({
      resultCode: 0,
      amountGrosze: 1250,
      currency: PLN,
      paymentType: 'card',
      traceNumber: 1,
      receiptNumber: 1,
      dateWithYear: '261127',
      terminalId: '52001233',
    });
    expect(result.cardNumberMasked).toMatch(/^\*{12}\d{4}$/);
    expect(result.transactionState).toBeUndefined();
    expect(store.peek().last?.state).toBe('awaiting-answer');
    await app.command({ kind: 'ack' });
    const receipt = await app.expectAndAck('print-text-block');
    expect(receipt.lines).toContain('KWOTA: 12,50 PLN');
    expect(receipt.lines.join('\n')).toContain(result.cardNumberMasked);
    await app.expectAndAck('completion');
    expect(store.peek().last).toMatchObject({ state: 'committed', traceNumber: 1 });
  });

  it('takes a BLIK payment: enter the code, confirm in the app, result with DF41 BLIK', async () => {
    const { app, store } = await setUp();
    const result = await paymentUpToResult(app, 'blik', 2000);
    expect(result).toMatchObject({ resultCode: 0, amountGrosze: 2000, paymentType: 'blik' });
    expect(result.cardNumberMasked).toBeUndefined();
    await app.command({ kind: 'ack' });
    await app.expectAndAck('print-text-block');
    await app.expectAndAck('completion');
    expect(store.peek().last).toMatchObject({ state: 'committed', method: 'blik' });
  });

  it('declines: the bank code in the result, no receipt, then completion', async () => {
    const { terminal, app, store } = await setUp();
    terminal.nextScenario('decline');
    const result = await paymentUpToResult(app, 'card');
    expect(result).toMatchObject({ resultCode: 0x05, amountGrosze: 1250 });
    expect(result.receiptNumber).toBeUndefined();
    await app.command({ kind: 'ack' });
    await app.expectAndAck('completion');
    expect(store.peek().last?.state).toBe('not-approved');
  });

  it('lets the BLIK code expire after its two minutes and aborts with 6C', async () => {
    const { terminal, app } = await setUp();
    terminal.nextScenario('blik-timeout');
    await app.command(charge(1250, 'blik'));
    await app.expect('ack');
    await app.expectAndAck('intermediate-status');
    const shownAt = Date.now();
    await app.expectSilence(119_000);
    const abort = await app.expectAndAck('abort');
    expect(abort.resultCode).toBe(0x6c);
    expect(Date.now() - shownAt).toBeGreaterThanOrEqual(120_000);
    expect((await askLastTransaction(app)).transactionState).toBe('not-approved');
  });

  it('aborts when the resident presses cancel on the terminal', async () => {
    const { terminal, app } = await setUp();
    terminal.nextScenario('cancel');
    await app.command(charge(1250, 'card'));
    await app.expect('ack');
    await app.expectAndAck('intermediate-status');
    expect((await app.expectAndAck('abort')).resultCode).toBe(0x6c);
  });

  it("honours the clerk's abort request while the code is awaited, not once the bank is asked", async () => {
    const { app } = await setUp();
    await app.command(charge(1250, 'blik'));
    await app.expect('ack');
    await app.expectAndAck('intermediate-status');
    await app.command({ kind: 'abort-request' });
    await app.expect('ack');
    expect((await app.expectAndAck('abort')).resultCode).toBe(0x6c);

    await app.command(charge(1250, 'card'));
    await app.expect('ack');
    await app.expectAndAck('intermediate-status');
    expect(await app.expectAndAck('intermediate-status')).toMatchObject({ statusCode: 0x04 });
    await app.command({ kind: 'abort-request' });
    expect(await app.expect('nack')).toEqual({ kind: 'nack', resultCode: 0x83 });
    expect((await app.expect('status-information')).resultCode).toBe(0);
  });

  it('reverses when the app refuses the result with 84 xx', async () => {
    const { app, store } = await setUp();
    await paymentUpToResult(app, 'card');
    await app.command({ kind: 'nack', resultCode: 0x66 });
    await app.expectAndAck('completion');
    expect(store.peek().last?.state).toBe('reversed');
    expect((await askLastTransaction(app)).transactionState).toBe('reversed');
  });

  it('answers "please wait" to a command while another runs', async () => {
    const { app } = await setUp();
    await app.command(charge(1250, 'card'));
    await app.expect('ack');
    await app.command({ kind: 'status-enquiry', password: '000000' });
    expect(await app.expect('intermediate-status')).toMatchObject({ statusCode: 0x0a });
    expect(await app.expect('nack')).toEqual({ kind: 'nack', resultCode: 0x9c });
  });

  it('answers registration and status enquiry', async () => {
    const { app } = await setUp();
    await app.command({
      kind: 'registration',
      password: '000000',
      configByte: 0x0e,
      currency: PLN,
    });
    await app.expect('ack');
    expect(await app.expectAndAck('completion')).toMatchObject({
      terminalId: '52001233',
      currency: PLN,
    });
    expect(await askStatus(app)).toMatchObject({
      softwareVersion: 'OKIENKO-SIM 1.0',
      terminalStatus: 0,
    });
  });
});

describe('the simulated terminal: inconclusive endings (§8)', () => {
  it('link-drop: the result arrives, the cable is pulled before the commit; repeat receipt says reversed', async () => {
    const { terminal, app } = await setUp();
    terminal.nextScenario('link-drop');
    const result = await paymentUpToResult(app, 'card');
    expect(result.resultCode).toBe(0);
    await app.until(() => app.link.state === 'disconnected', 1_000, 'the cable to be pulled');
    expect(await app.send({ kind: 'ack' })).toMatchObject({
      ok: false,
      error: { code: 'not-connected' },
    });
    await app.until(() => app.link.state === 'connected', 10_000, 'the cable to come back');
    expect((await askStatus(app)).terminalStatus).toBe(0);
    const last = await askLastTransaction(app);
    expect(last).toMatchObject({
      traceNumber: result.traceNumber,
      amountGrosze: 1250,
      transactionState: 'reversed',
    });
  });

  it('lose-response: the result never arrives; after the silence the terminal has reversed it', async () => {
    const { terminal, app, store } = await setUp();
    terminal.nextScenario('lose-response');
    await app.command(charge(1250, 'blik'));
    await app.expect('ack');
    await app.expectAndAck('intermediate-status');
    await app.expectAndAck('intermediate-status');
    await app.expectAndAck('intermediate-status');
    await app.expectSilence(30_000);
    expect(app.log.some((m) => m.ok && m.message.kind === 'status-information')).toBe(false);
    expect(store.peek().last).toMatchObject({ state: 'reversed', resultCode: 0 });
    const last = await askLastTransaction(app);
    expect(last).toMatchObject({
      resultCode: 0,
      paymentType: 'blik',
      transactionState: 'reversed',
    });
  });

  it('reboot: approved at the bank, the terminal restarts; it comes back and reports reversed', async () => {
    const { terminal, app } = await setUp();
    terminal.nextScenario('reboot');
    await app.command(charge(1250, 'card'));
    await app.expect('ack');
    await app.expectAndAck('intermediate-status');
    await app.expectAndAck('intermediate-status');
    await app.until(() => app.link.state === 'disconnected', 5_000, 'the terminal to go away');
    await app.until(() => app.link.state === 'connected', 10_000, 'the terminal to come back');
    const last = await askLastTransaction(app);
    expect(last).toMatchObject({ traceNumber: 1, resultCode: 0, transactionState: 'reversed' });
  });

  it('app restart before the answer: the terminal reverses, the new app learns it by repeat receipt', async () => {
    const { terminal, app } = await setUp();
    await paymentUpToResult(app, 'card');
    await app.close(); // the app crashes here, without answering
    const restarted = await connectApp(terminal);
    const last = await askLastTransaction(restarted);
    expect(last.transactionState).toBe('reversed');
  });

  it('app restart after the commit: the terminal keeps the payment and repeats its receipt', async () => {
    const { terminal, app } = await setUp();
    const result = await paymentUpToResult(app, 'blik');
    await app.command({ kind: 'ack' }); // committed; the app crashes before the receipt
    await app.close();
    const restarted = await connectApp(terminal);
    await restarted.command({ kind: 'repeat-receipt', password: '000000' });
    await restarted.expect('ack');
    expect(await restarted.expectAndAck('status-information')).toMatchObject({
      traceNumber: result.traceNumber,
      transactionState: 'committed',
    });
    expect((await restarted.expectAndAck('print-text-block')).lines).toContain('*** KOPIA ***');
    await restarted.expectAndAck('completion');
  });

  it('keeps its last transaction and its day across its own restart', async () => {
    const store = memoryStateStore();
    const { terminal, app } = await setUp(store);
    await paymentUpToResult(app, 'card');
    await app.command({ kind: 'ack' });
    await app.expectAndAck('print-text-block');
    await app.expectAndAck('completion');
    terminal.reboot();
    await app.until(() => app.link.state === 'disconnected', 1_000, 'the reboot');
    await app.until(() => app.link.state === 'connected', 10_000, 'the terminal');
    expect(await askLastTransaction(app)).toMatchObject({
      traceNumber: 1,
      transactionState: 'committed',
    });
    // A new terminal on the same store continues the numbering.
    const next = await paymentUpToResult(app, 'card');
    expect(next.traceNumber).toBe(2);
  });

  it('answers repeat receipt with 06 1E 83 when it has no transaction yet', async () => {
    const { app } = await setUp();
    await app.command({ kind: 'repeat-receipt', password: '000000' });
    await app.expect('ack');
    expect((await app.expectAndAck('abort')).resultCode).toBe(0x83);
  });
});

describe('the simulated terminal: reversal, refund and end of day', () => {
  async function pay(app: AppDriver, method: 'card' | 'blik', amount: number) {
    const result = await paymentUpToResult(app, method, amount);
    await app.command({ kind: 'ack' });
    await app.expectAndAck('print-text-block');
    await app.expectAndAck('completion');
    return result;
  }

  async function endOfDay(app: AppDriver) {
    await app.command({ kind: 'end-of-day', password: '000000' });
    await app.expect('ack');
    const totals = await app.expectAndAck('status-information');
    await app.expectAndAck('completion');
    return totals;
  }

  it('totals the standing payments per method (DF44) and per scheme, then starts a new day', async () => {
    const { terminal, app } = await setUp();
    await pay(app, 'card', 1250);
    await pay(app, 'blik', 2000);
    terminal.nextScenario('decline');
    await paymentUpToResult(app, 'card', 999);
    await app.command({ kind: 'ack' });
    await app.expectAndAck('completion');
    const totals = await endOfDay(app);
    expect(totals).toMatchObject({
      resultCode: 0,
      amountGrosze: 3250,
      methodTotals: [
        { paymentType: 'card', count: 1, amountGrosze: 1250 },
        { paymentType: 'blik', count: 1, amountGrosze: 2000 },
      ],
    });
    const other = totals.individualTotals?.cardTypes.find((entry) => entry.cardType === 'other');
    expect(other).toEqual({ cardType: 'other', count: 1, amountGrosze: 2000 });
    expect((await endOfDay(app)).amountGrosze).toBe(0);
  });

  it('reverses a payment by its receipt number; the day no longer counts it', async () => {
    const { app } = await setUp();
    const paid = await pay(app, 'card', 1250);
    await pay(app, 'card', 500);
    await app.command({ kind: 'reversal', password: '000000', receiptNumber: paid.receiptNumber! });
    await app.expect('ack');
    const reversal = await app.expectAndAck('status-information');
    expect(reversal).toMatchObject({ resultCode: 0, amountGrosze: 1250 });
    expect((await app.expectAndAck('print-text-block')).lines).toContain('ANULOWANIE');
    await app.expectAndAck('completion');
    await app.command({ kind: 'reversal', password: '000000', receiptNumber: paid.receiptNumber! });
    await app.expect('ack');
    expect((await app.expectAndAck('abort')).resultCode).toBe(0xb4);
    expect((await endOfDay(app)).amountGrosze).toBe(500);
  });

  it('refunds to a card: insert card, bank, result, receipt', async () => {
    const { app } = await setUp();
    await app.command({
      kind: 'refund',
      password: '000000',
      amountGrosze: 700,
      currency: PLN,
      paymentType: 'card',
    });
    await app.expect('ack');
    await app.expectAndAck('intermediate-status');
    await app.expectAndAck('intermediate-status');
    expect(await app.expect('status-information')).toMatchObject({
      resultCode: 0,
      amountGrosze: 700,
    });
    await app.command({ kind: 'ack' });
    expect((await app.expectAndAck('print-text-block')).lines).toContain('ZWROT');
    await app.expectAndAck('completion');
  });

  it('refuses a payment in a currency other than złoty', async () => {
    const { app } = await setUp();
    await app.command({ kind: 'authorisation', amountGrosze: 100, paymentType: 'card' });
    await app.expect('ack');
    expect((await app.expectAndAck('abort')).resultCode).toBe(0x6f);
  });
});

describe('what leaves the simulated terminal', () => {
  it('never carries more of a card number than its last four digits, on the wire too', async () => {
    const { app } = await setUp();
    await paymentUpToResult(app, 'card');
    await app.command({ kind: 'ack' });
    await app.expectAndAck('print-text-block');
    await app.expectAndAck('completion');
    await askLastTransaction(app);
    const results = app.log.filter(
      (received) => received.ok && received.message.kind === 'status-information',
    );
    expect(results).toHaveLength(2);
    for (const received of results) {
      expect(
        received.ok &&
          received.message.kind === 'status-information' &&
          received.message.cardNumberMasked,
      ).toMatch(/^\*{12}\d{4}$/);
      // BMP 22 as sent: LLVAR F0 F8 (8 bytes), 12 masked digits (E) and the last four.
      expect(toHex(received.apdu)).toMatch(/22F0F8EEEEEEEEEEEE\d{4}/);
    }
  });
});
