import { describe, expect, it, vi } from 'vitest';
import {
  CASE_ID,
  approvedSale,
  usePaymentHarness,
  type PaymentHarness,
} from './paymentHarness.testing';

const setUp = usePaymentHarness('2026-11-27T16:00:00');

async function endOfDay(h: PaymentHarness) {
  const running = h.payments.endOfDay();
  await h.settle();
  return running;
}

describe('end of day', () => {
  it('balances the terminal’s totals per method with the journal, stores and sends the report', async () => {
    const h = await setUp();
    await approvedSale(h, 'card', 1_250);
    await approvedSale(h, 'blik', 1_000);
    await approvedSale(h, 'card', 500);

    const report = await endOfDay(h);
    expect(report).toMatchObject({
      balanced: true,
      differences: [],
      clerkLogin: 'urzednik1',
      siteId: 'um-centrum',
      counterNumber: 3,
      terminalId: '52001233',
      terminal: [
        { method: 'card', count: 2, totalGrosze: 1_750 },
        { method: 'blik', count: 1, totalGrosze: 1_000 },
      ],
      journal: [
        { method: 'card', count: 2, totalGrosze: 1_750 },
        { method: 'blik', count: 1, totalGrosze: 1_000 },
      ],
    });
    expect(h.outbox().at(-1)).toEqual({ type: 'payment.endOfDay', payload: report });
    expect(
      h.app.db
        .prepare(`SELECT balanced FROM payment_end_of_day WHERE report_id = ?`)
        .get(report.reportId),
    ).toEqual({ balanced: 1 });

    // The next day starts empty on both sides.
    const next = await endOfDay(h);
    expect(next).toMatchObject({
      balanced: true,
      journal: [
        { method: 'card', count: 0, totalGrosze: 0 },
        { method: 'blik', count: 0, totalGrosze: 0 },
      ],
    });
  });

  it('lists the journal’s transactions of a method that differs, and says the terminal gives totals only', async () => {
    const h = await setUp();
    const paid = await approvedSale(h, 'card', 1_250);
    await approvedSale(h, 'blik', 1_000);
    // A card payment the journal holds as approved but the terminal never kept (settled wrongly).
    const phantom = '00000000-0000-4000-8000-0000000000aa';
    h.app.db
      .prepare(
        `INSERT INTO payments (payment_id, case_id, method, amount_grosze, status, clerk_login,
           started_at, trace_number)
         VALUES (?, ?, 'card', 700, 'approved', 'urzednik1', '2026-11-27T23:59:00.000Z', 77)`,
      )
      .run(phantom, CASE_ID);

    const report = await endOfDay(h);
    expect(report.balanced).toBe(false);
    expect(report.differences).toEqual([
      expect.objectContaining({
        kind: 'count-differs',
        method: 'card',
        paymentId: null,
        journalGrosze: 1_950,
        terminalGrosze: 1_250,
        note: expect.stringContaining('tylko sumy'),
      }),
      expect.objectContaining({ method: 'card', paymentId: paid, journalGrosze: 1_250 }),
      expect.objectContaining({
        method: 'card',
        paymentId: phantom,
        traceNumber: '77',
        journalGrosze: 700,
      }),
    ]);
    expect(h.outbox().at(-1)).toMatchObject({
      type: 'payment.endOfDay',
      payload: { balanced: false },
    });
  });

  it('is refused while the terminal is unplugged', async () => {
    const h = await setUp();
    h.terminal.pair.unplug();
    await vi.advanceTimersByTimeAsync(100);
    await expect(h.payments.endOfDay()).rejects.toMatchObject({ code: 'terminal-disconnected' });
  });
});
