import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CentralApp } from '../http/centralContext';
import {
  buildTestServer,
  openTestStore,
  storeKinds,
  workstationHeaders,
  type TestStore,
} from '../testing/testStores';
import { endOfDayStatusPerCounter, sitePaymentTotals } from './paymentTotals';
import {
  caseRegistration,
  endOfDayPayload,
  mutationOf,
  paymentPayload,
  pushTo,
} from './paymentTestData';

const DAY = { siteId: 'slaska', day: '2026-03-02' };

describe.each(storeKinds)('payment totals on %s', (kind) => {
  let test: TestStore;
  let app: CentralApp;
  let counter1: Record<string, string>;
  let counter2: Record<string, string>;

  beforeEach(async () => {
    test = await openTestStore(kind);
    app = await buildTestServer(test.store);
    counter1 = await workstationHeaders(test.store, 'pc-slaska-1', 'slaska', 1);
    counter2 = await workstationHeaders(test.store, 'pc-slaska-2', 'slaska', 2);
  });
  afterEach(async () => {
    await app.close();
    await test.dispose();
  });

  it('sums a day’s standing payments per terminal and method, reversals beside them', async () => {
    const known = randomUUID();
    const reversed = paymentPayload({ caseId: known, amountGrosze: 5000 });
    await pushTo(app, counter1, [
      mutationOf('case.register', caseRegistration(known)),
      mutationOf('payment.record', paymentPayload({ caseId: known, amountGrosze: 18050 })),
      mutationOf('payment.record', reversed),
      mutationOf('payment.record', {
        ...reversed,
        outcome: 'reversed',
        at: '2026-03-02T09:30:00.000Z',
      }),
      mutationOf(
        'payment.record',
        paymentPayload({ caseId: known, method: 'blik', maskedPan: null, amountGrosze: 3000 }),
      ),
    ]);
    const unknownCase = paymentPayload({
      counterNumber: 2,
      terminalId: 'T0000002',
      amountGrosze: 700,
    });
    await pushTo(app, counter2, [
      mutationOf('payment.record', unknownCase),
      // 23:30 UTC on 2 March is 3 March in Warsaw: another day.
      mutationOf(
        'payment.record',
        paymentPayload({
          counterNumber: 2,
          terminalId: 'T0000002',
          at: '2026-03-02T23:30:00.000Z',
        }),
      ),
    ]);

    const totals = await sitePaymentTotals(test.store.db, DAY);
    expect(totals.all).toEqual({
      count: 3,
      totalGrosze: 21750,
      withdrawnCount: 1,
      withdrawnGrosze: 5000,
    });
    expect(totals.byTerminal).toEqual([
      {
        terminalId: 'T0000001',
        counterNumbers: [1],
        count: 2,
        totalGrosze: 21050,
        withdrawnCount: 1,
        withdrawnGrosze: 5000,
      },
      {
        terminalId: 'T0000002',
        counterNumbers: [2],
        count: 1,
        totalGrosze: 700,
        withdrawnCount: 0,
        withdrawnGrosze: 0,
      },
    ]);
    expect(totals.byMethod).toEqual([
      { method: 'blik', count: 1, totalGrosze: 3000, withdrawnCount: 0, withdrawnGrosze: 0 },
      { method: 'card', count: 2, totalGrosze: 18750, withdrawnCount: 1, withdrawnGrosze: 5000 },
    ]);
    expect(totals.unmatched).toEqual([
      {
        paymentId: unknownCase.paymentId,
        caseId: unknownCase.caseId,
        counterNumber: 2,
        amountGrosze: 700,
        takenAt: unknownCase.at,
      },
    ]);
  });

  it('no longer lists a payment as unmatched once its case arrives', async () => {
    const caseId = randomUUID();
    await pushTo(app, counter1, [mutationOf('payment.record', paymentPayload({ caseId }))]);
    expect((await sitePaymentTotals(test.store.db, DAY)).unmatched).toHaveLength(1);
    await pushTo(app, counter1, [mutationOf('case.register', caseRegistration(caseId))]);
    expect((await sitePaymentTotals(test.store.db, DAY)).unmatched).toEqual([]);
  });

  it('gives each counter its latest end of day, and the paying counters that have none', async () => {
    const differences = [
      {
        kind: 'amount-differs' as const,
        method: 'card' as const,
        paymentId: randomUUID(),
        traceNumber: '000101',
        journalGrosze: 18050,
        terminalGrosze: 18000,
        note: 'Amounts differ',
      },
    ];
    await pushTo(app, counter1, [
      mutationOf('payment.record', paymentPayload()),
      mutationOf(
        'payment.endOfDay',
        endOfDayPayload({ ranAt: '2026-03-02T14:00:00.000Z', balanced: false, differences }),
      ),
      mutationOf('payment.endOfDay', endOfDayPayload({ ranAt: '2026-03-02T15:00:00.000Z' })),
    ]);
    await pushTo(app, counter2, [
      mutationOf('payment.record', paymentPayload({ counterNumber: 2 })),
    ]);
    const counter3 = await workstationHeaders(test.store, 'pc-slaska-3', 'slaska', 3);
    await pushTo(app, counter3, [
      mutationOf(
        'payment.endOfDay',
        endOfDayPayload({ counterNumber: 3, balanced: false, differences }),
      ),
    ]);

    const status = await endOfDayStatusPerCounter(test.store.db, DAY);
    expect(status).toEqual([
      {
        counterNumber: 1,
        status: 'balanced',
        paymentCount: 1,
        latest: expect.objectContaining({ ranAt: '2026-03-02T15:00:00.000Z', differences: [] }),
      },
      { counterNumber: 2, status: 'not-run', paymentCount: 1, latest: null },
      {
        counterNumber: 3,
        status: 'differences',
        paymentCount: 0,
        latest: expect.objectContaining({ differences }),
      },
    ]);
    expect(await endOfDayStatusPerCounter(test.store.db, { ...DAY, day: '2026-03-03' })).toEqual(
      [],
    );
  });
});
