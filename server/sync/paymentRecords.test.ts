import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MutationResult } from '../../common/contract/central/sync';
import type { CentralApp } from '../http/centralContext';
import {
  caseRegistration,
  endOfDayPayload,
  mutationOf,
  paymentPayload,
  pushTo,
} from '../payments/paymentTestData';
import { fromStoreFlag, fromStoreJson } from '../store/storeValues';
import {
  buildTestServer,
  openTestStore,
  storeKinds,
  workstationHeaders,
  type TestStore,
} from '../testing/testStores';

const resultOf = (result: MutationResult | undefined): Record<string, unknown> => {
  if (result?.status !== 'applied') throw new Error(`not applied: ${JSON.stringify(result)}`);
  return result.result;
};
const reasonOf = (result: MutationResult | undefined): string =>
  result?.status === 'rejected' ? result.reason : `not rejected: ${JSON.stringify(result)}`;

describe.each(storeKinds)('payment mutations on %s', (kind) => {
  let test: TestStore;
  let app: CentralApp;
  let headers: Record<string, string>;

  const push = (...mutations: Parameters<typeof pushTo>[2]) => pushTo(app, headers, mutations);
  const storedPayment = (paymentId: string) =>
    test.store.db
      .selectFrom('payments')
      .selectAll()
      .where('payment_id', '=', paymentId)
      .executeTakeFirst();

  beforeEach(async () => {
    test = await openTestStore(kind);
    app = await buildTestServer(test.store);
    headers = await workstationHeaders(test.store);
  });
  afterEach(async () => {
    await app.close();
    await test.dispose();
  });

  describe('payment.record', () => {
    it('keeps an approved payment with the terminal’s references and the masked card only', async () => {
      const caseId = randomUUID();
      const payment = paymentPayload({ caseId });
      const [registered, recorded] = await push(
        mutationOf('case.register', caseRegistration(caseId)),
        mutationOf('payment.record', payment),
      );
      expect(registered?.status).toBe('applied');
      expect(resultOf(recorded)).toEqual({
        paymentId: payment.paymentId,
        outcome: 'approved',
        caseKnown: true,
      });
      const row = await storedPayment(payment.paymentId);
      expect(row).toMatchObject({
        case_id: caseId,
        site_id: 'slaska',
        counter_number: 1,
        method: 'card',
        outcome: 'approved',
        authorisation_code: 'A1B2C3',
        masked_pan: '**** **** **** 1234',
        trace_number: '000101',
        site_day: '2026-03-02',
      });
      expect(Number(row?.amount_grosze)).toBe(18050);
      expect(fromStoreFlag(row?.case_unknown_on_receipt ?? 1)).toBe(false);
    });

    it('rejects a payment taken at another site, and stores nothing of it', async () => {
      const payment = paymentPayload({ siteId: 'morska' });
      const [result] = await push(mutationOf('payment.record', payment));
      expect(reasonOf(result)).toContain('site "morska"');
      expect(await storedPayment(payment.paymentId)).toBeUndefined();
    });

    it('rejects a BLIK payment that carries a card number', async () => {
      const [result] = await push(mutationOf('payment.record', paymentPayload({ method: 'blik' })));
      expect(reasonOf(result)).toContain('BLIK');
    });

    it('turns an approved payment reversed, and a replay changes nothing', async () => {
      const payment = paymentPayload();
      const reversal = mutationOf('payment.record', {
        ...payment,
        outcome: 'reversed',
        at: '2026-03-02T09:25:00.000Z',
      });
      await push(mutationOf('payment.record', payment));
      const [first] = await push(reversal);
      expect(resultOf(first)).toMatchObject({ outcome: 'reversed' });
      const [replayed] = await push(reversal);
      expect(replayed).toEqual(first);

      const row = await storedPayment(payment.paymentId);
      expect(row?.outcome).toBe('reversed');
      expect(row?.authorisation_code).toBe('A1B2C3');
      const history = fromStoreJson(row?.history) as { outcome: string }[];
      expect(history.map((entry) => entry.outcome)).toEqual(['approved', 'reversed']);
    });

    it('orders outcomes by `at`: a reversal that arrives before its approval still wins', async () => {
      const payment = paymentPayload();
      await push(
        mutationOf('payment.record', {
          ...payment,
          outcome: 'reversed',
          at: '2026-03-02T09:25:00.000Z',
        }),
      );
      const [late] = await push(mutationOf('payment.record', payment));
      expect(resultOf(late)).toMatchObject({ outcome: 'reversed' });
      const row = await storedPayment(payment.paymentId);
      expect(row?.outcome).toBe('reversed');
      // It counts on the day it was taken: the approval's time.
      expect(new Date(row?.taken_at ?? '').toISOString()).toBe(payment.at);
    });

    it('keeps a payment for a case the server does not know, flagged', async () => {
      const payment = paymentPayload();
      const [result] = await push(mutationOf('payment.record', payment));
      expect(resultOf(result)).toMatchObject({ outcome: 'approved', caseKnown: false });
      const row = await storedPayment(payment.paymentId);
      expect(fromStoreFlag(row?.case_unknown_on_receipt ?? 0)).toBe(true);
    });

    it('rejects a second report of a payment with another amount or case', async () => {
      const payment = paymentPayload();
      await push(mutationOf('payment.record', payment));
      const [amount, caseId] = await push(
        mutationOf('payment.record', { ...payment, outcome: 'reversed', amountGrosze: 100 }),
        mutationOf('payment.record', { ...payment, outcome: 'reversed', caseId: randomUUID() }),
      );
      expect(reasonOf(amount)).toContain('amountGrosze');
      expect(reasonOf(caseId)).toContain('caseId');
      expect((await storedPayment(payment.paymentId))?.outcome).toBe('approved');
    });

    it('applies an approval and its reversal in one batch', async () => {
      const payment = paymentPayload();
      const results = await push(
        mutationOf('payment.record', payment),
        mutationOf('payment.record', {
          ...payment,
          outcome: 'reversed',
          at: '2026-03-02T09:21:00.000Z',
        }),
      );
      expect(results.map((result) => result.status)).toEqual(['applied', 'applied']);
      expect((await storedPayment(payment.paymentId))?.outcome).toBe('reversed');
    });
  });

  it('keeps every outcome when two server processes record outcomes of one payment at once', async () => {
    // On PostgreSQL through a second server process (its own pool); SQLite has one writer.
    const other = kind === 'postgres' ? await buildTestServer(await test.openAnother()) : app;
    try {
      const payments = Array.from({ length: 8 }, () => paymentPayload());
      await push(...payments.map((payment) => mutationOf('payment.record', payment)));
      const outcomesOf = (payment: (typeof payments)[number]) => [
        mutationOf('payment.record', {
          ...payment,
          outcome: 'reversed',
          at: '2026-03-02T09:25:00.000Z',
        }),
        mutationOf('payment.record', {
          ...payment,
          outcome: 'refunded',
          at: '2026-03-02T09:30:00.000Z',
        }),
      ];
      const pushes = payments.flatMap((payment) => {
        const [reversal, refund] = outcomesOf(payment);
        return [
          pushTo(app, headers, reversal ? [reversal] : []),
          pushTo(other, headers, refund ? [refund] : []),
        ];
      });
      const results = (await Promise.all(pushes)).flat();
      expect(results.every((result) => result.status === 'applied')).toBe(true);
      for (const payment of payments) {
        const row = await storedPayment(payment.paymentId);
        const history = fromStoreJson(row?.history) as { outcome: string }[];
        expect(history.map((entry) => entry.outcome)).toEqual(['approved', 'reversed', 'refunded']);
        expect(row?.outcome).toBe('refunded');
      }
    } finally {
      if (other !== app) await other.close();
    }
  });

  describe('payment.endOfDay', () => {
    const storedReports = () =>
      test.store.db.selectFrom('end_of_day_reports').selectAll().execute();

    it('keeps the report with its totals and differences, once per report id', async () => {
      const report = endOfDayPayload({
        balanced: false,
        terminal: [{ method: 'card', count: 2, totalGrosze: 19050 }],
        differences: [
          {
            kind: 'missing-in-journal',
            method: 'card',
            paymentId: null,
            traceNumber: '000102',
            journalGrosze: null,
            terminalGrosze: 1000,
            note: 'The terminal has a payment the journal does not.',
          },
        ],
      });
      const [first] = await push(mutationOf('payment.endOfDay', report));
      expect(resultOf(first)).toEqual({ reportId: report.reportId, balanced: false });
      const [again] = await push(mutationOf('payment.endOfDay', report));
      expect(again?.status).toBe('applied');

      const rows = await storedReports();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.site_day).toBe('2026-03-02');
      expect(fromStoreFlag(rows[0]?.balanced ?? 1)).toBe(false);
      expect(fromStoreJson(rows[0]?.differences)).toEqual(report.differences);
      expect(fromStoreJson(rows[0]?.terminal_totals)).toEqual(report.terminal);
    });

    it('rejects a report from another site, or one balanced with differences', async () => {
      const [site, balanced] = await push(
        mutationOf('payment.endOfDay', endOfDayPayload({ siteId: 'morska' })),
        mutationOf(
          'payment.endOfDay',
          endOfDayPayload({
            differences: [
              {
                kind: 'count-differs',
                method: 'blik',
                paymentId: null,
                traceNumber: null,
                journalGrosze: 0,
                terminalGrosze: 0,
                note: '',
              },
            ],
          }),
        ),
      );
      expect(reasonOf(site)).toContain('site "morska"');
      expect(reasonOf(balanced)).toContain('balanced');
      expect(await storedReports()).toEqual([]);
    });
  });
});
