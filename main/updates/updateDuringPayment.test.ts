// "An update offered during a payment waits": the update service against a real payment
// session on the simulated terminal (journal in SQLite, ZVT over the simulated cable), with a
// fake updater in place of electron-updater.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UpdateState } from '../../common/contract/updates';
import type { SiteSchedule } from '../../common/domain/timetableSchema';
import { systemClock } from '../app/clock';
import { ServiceError } from '../ipc/serviceError';
import { PaymentHarness } from '../payments/session/paymentHarness.testing';
import { createUpdateService } from './updateService';
import type { Updater } from './updater';
import { paymentInProgress } from './workstationActivity';

const hours = { opens: '08:00', closes: '16:00', lastTicket: '15:30' };
const schedule: SiteSchedule = {
  timetables: [
    { effectiveFrom: '2026-01-01', days: { 1: hours, 2: hours, 3: hours, 4: hours, 5: hours } },
  ],
  exceptions: [],
};
const silent = { info: () => undefined, warn: () => undefined };

/** electron-updater as the service sees it: offers 1.2.0, downloads when told, counts installs. */
function fakeUpdater() {
  let downloaded: ((version: string) => void) | null = null;
  const updater = {
    canInstall: true,
    installs: 0,
    check: () => Promise.resolve('1.2.0'),
    onDownloaded(listener: (version: string) => void) {
      downloaded = listener;
    },
    install() {
      updater.installs += 1;
    },
    finishDownload() {
      downloaded?.('1.2.0');
    },
  };
  return updater satisfies Updater;
}

let harness: PaymentHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
  vi.useRealTimers();
});

async function paymentWithUpdate(now: string) {
  vi.useFakeTimers({ now: new Date(now) });
  const h = (harness = new PaymentHarness());
  await h.connect();
  const updater = fakeUpdater();
  const published: UpdateState[] = [];
  const updates = createUpdateService({
    updater,
    currentVersion: '1.1.0',
    clock: systemClock,
    schedule: () => schedule,
    activity: {
      visitInProgress: () => false,
      paymentInProgress: () => paymentInProgress(h.app.db, h.payments),
    },
    publish: (state) => published.push(state),
    logger: silent,
    // Asked often, so a tick falls inside the payment.
    evaluateEveryMs: 100,
  });

  const payment = h.start('card', 1_250);
  await h.until(() => h.row(payment.paymentId)?.status === 'in-progress', 10_000, 'the card');
  updates.start();
  await vi.advanceTimersByTimeAsync(0);
  updater.finishDownload();
  return { h, updater, updates, published, payment };
}

function refusal(action: () => unknown): { code: string; message: string } | null {
  try {
    action();
    return null;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe('an update offered during a payment', () => {
  it('waits during service hours: the clerk cannot install until the payment ends, then can', async () => {
    // Friday 27 November 2026, 11:15 in Warsaw.
    const { h, updater, updates, published, payment } =
      await paymentWithUpdate('2026-11-27T10:15:00Z');

    expect(updates.state()).toMatchObject({
      support: 'supported',
      current: '1.1.0',
      available: '1.2.0',
      downloaded: '1.2.0',
      decision: 'wait',
      reason: 'payment-in-progress',
    });
    expect(refusal(() => updates.installNow())).toEqual({
      code: 'payment-in-progress',
      message: expect.stringContaining('Trwa płatność'),
    });
    expect(updater.installs).toBe(0);

    await h.settle();
    expect(h.row(payment.paymentId)?.status).toBe('approved');
    await vi.advanceTimersByTimeAsync(200);
    // The payment is over, but it is service hours: asked, never installed by itself.
    expect(updates.state()).toMatchObject({ decision: 'ask-clerk', reason: 'service-hours' });
    expect(updater.installs).toBe(0);
    expect(published.map((state) => state.reason)).toContain('payment-in-progress');

    expect(updates.installNow()).toMatchObject({ decision: 'install-now', reason: 'clerk-agreed' });
    expect(updater.installs).toBe(1);
    updates.stop();
  });

  it('waits after hours too, and installs by itself once the payment has ended', async () => {
    // Friday 27 November 2026, 19:00 in Warsaw: the site closed at 16:00.
    const { h, updater, updates, published, payment } =
      await paymentWithUpdate('2026-11-27T18:00:00Z');

    expect(updates.state()).toMatchObject({ decision: 'wait', reason: 'payment-in-progress' });
    let installsDuringPayment = 0;
    await h.until(
      () => {
        const status = h.row(payment.paymentId)?.status;
        if (status !== 'approved') installsDuringPayment += updater.installs;
        return status === 'approved';
      },
      60_000,
      'the payment to end',
    );
    expect(installsDuringPayment).toBe(0);

    await vi.advanceTimersByTimeAsync(200);
    expect(updater.installs).toBe(1);
    expect(updates.state()).toMatchObject({ decision: 'install-now' });
    expect(published.at(-1)).toMatchObject({
      decision: 'install-now',
      reason: 'outside-service-hours',
    });
    updates.stop();
  });
});
